using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Registration;
using Linli.Modules.Couriers.Sites;

namespace Linli.Modules.Couriers.Pages;

/// <summary>The words the couriers' pages share: statuses, platforms, vehicles, site kinds, errors.</summary>
internal static class CourierWords
{
    public static string Status(string status) => status switch
    {
        "pending" => Lang.T("待审核", "Pending review"),
        "approved" => Lang.T("已通过", "Approved"),
        "rejected" => Lang.T("已驳回", "Rejected"),
        "suspended" => Lang.T("已暂停", "Suspended"),
        "open" => Lang.T("待处理", "Open"),
        "upheld" => Lang.T("属实", "Upheld"),
        "dismissed" => Lang.T("不属实", "Dismissed"),
        _ => status,
    };

    public static string Platform(string code) => Platforms.Find(code) is { } p ? Lang.T(p.NameZh, p.NameEn) : code;

    public static string Vehicle(string code) =>
        CourierApplicationRules.Vehicles.TryGetValue(code, out var v) ? Lang.T(v.Zh, v.En) : code;

    public static string SiteKind(string code) => SiteRules.Kinds.TryGetValue(code, out var k) ? Lang.T(k.Zh, k.En) : code;

    public static string Method(string method) => method switch
    {
        "site-scan" => Lang.T("骑手扫场所码", "Rider scanned the site code"),
        "token-online" => Lang.T("门岗扫骑手码（在线）", "Gate scanned the rider's code (online)"),
        "token-offline" => Lang.T("门岗扫骑手码（离线）", "Gate scanned the rider's code (offline)"),
        _ => method,
    };

    public static string Action(string action) => action switch
    {
        "apply" => Lang.T("提交申请", "Applied"),
        "resubmit" => Lang.T("修改后重新提交", "Resubmitted"),
        "approve" => Lang.T("审核通过", "Approved"),
        "reject" => Lang.T("驳回", "Rejected"),
        "suspend" => Lang.T("暂停通行", "Suspended"),
        "reinstate" => Lang.T("恢复通行", "Reinstated"),
        "reissue" => Lang.T("补发通行码", "Pass reissued"),
        "photo" => Lang.T("更新照片", "Photo updated"),
        "complaint" => Lang.T("收到投诉", "Complaint filed"),
        "complaint-upheld" => Lang.T("投诉属实", "Complaint upheld"),
        "complaint-dismissed" => Lang.T("投诉不属实", "Complaint dismissed"),
        _ => action,
    };

    public static string Time(DateTimeOffset at) => at.ToOffset(CourierViews.ChinaTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A refused request's reasons, one line per field, for the page's alert.</summary>
    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.SelectMany(kv => kv.Value.Select(reason => $"{kv.Key}: {reason}")).ToList(),
        DomainException d => [$"{d.Title}: {d.Message}"],
        _ => [e.Message],
    };
}
