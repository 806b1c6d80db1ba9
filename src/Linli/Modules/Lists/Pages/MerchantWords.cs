using Linli.Infrastructure.Localization;
using Linli.Modules.Lists.Contracts;

namespace Linli.Modules.Lists.Pages;

/// <summary>The words the alliance, station and points pages share, in the reader's language.</summary>
internal static class MerchantWords
{
    public static string Status(string status) => status switch
    {
        "pending" => Lang.T("待审核", "Pending review"),
        "approved" => Lang.T("已加入", "Approved"),
        "rejected" => Lang.T("未通过", "Rejected"),
        "suspended" => Lang.T("已暂停", "Suspended"),
        "active" => Lang.T("上架中", "Active"),
        "paused" => Lang.T("已暂停", "Paused"),
        "withdrawn" => Lang.T("已撤下", "Withdrawn"),
        "booked" => Lang.T("已预约", "Booked"),
        "cancelled" => Lang.T("已取消", "Cancelled"),
        _ => status,
    };

    public static string Condition(string condition) => condition switch
    {
        "free" => Lang.T("免费", "Free"),
        "discount" => Lang.T("优惠", "Discount"),
        "points" => Lang.T("积分兑换", "For points"),
        _ => condition,
    };

    public static string Kind(string kind) => kind switch
    {
        "earn" => Lang.T("获得", "Earned"),
        "spend" => Lang.T("兑换", "Spent"),
        "expire" => Lang.T("过期", "Expired"),
        _ => kind,
    };

    public static string Category(string code) => NeedCategories.Find(code) is { } c ? Lang.T(c.Chinese, c.English) : code;

    public static string Time(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A field name of the API's validation errors, as a form label.</summary>
    public static string Field(string field) => field switch
    {
        "name" => Lang.T("名称", "Name"),
        "creditCode" => Lang.T("统一社会信用代码", "Unified social credit code"),
        "address" => Lang.T("地址", "Address"),
        "contact" => Lang.T("联系方式", "Contact"),
        "categories" or "category" => Lang.T("类别", "Category"),
        "lon" or "lat" => Lang.T("位置", "Location"),
        "regionCode" => Lang.T("区域编码", "Region code"),
        "title" => Lang.T("标题", "Title"),
        "capacityPerWeek" => Lang.T("每周份额", "Capacity per week"),
        "availability" or "openingHours" => Lang.T("时段", "Hours"),
        "radiusMeters" => Lang.T("服务半径", "Radius"),
        "conditions" => Lang.T("条件", "Conditions"),
        "reason" => Lang.T("理由", "Reason"),
        "slotMinutes" => Lang.T("每段时长", "Slot length"),
        "capacityPerSlot" => Lang.T("每段名额", "Places per slot"),
        "start" => Lang.T("时段", "Slot"),
        "points" => Lang.T("积分", "Points"),
        "code" => Lang.T("兑换码", "Code"),
        "userId" => Lang.T("账号 ID", "Account id"),
        "hours" => Lang.T("时长", "Hours"),
        "activity" => Lang.T("活动", "Activity"),
        "date" => Lang.T("日期", "Date"),
        _ => field,
    };

    /// <summary>What went wrong, from the exceptions the services throw, as lines for the page's error box.</summary>
    public static List<string> Errors(Exception e) => e switch
    {
        Infrastructure.Errors.RequestValidationException v => v.Errors.Select(kv => $"{Field(kv.Key)}: {string.Join("; ", kv.Value)}").ToList(),
        Infrastructure.Errors.DomainException d => [d.Message],
        _ => throw e,
    };
}
