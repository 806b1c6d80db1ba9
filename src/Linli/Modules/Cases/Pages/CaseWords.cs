using Linli.Infrastructure.Localization;
using Linli.Modules.Cases.Data;

namespace Linli.Modules.Cases.Pages;

/// <summary>How the pages name stages, actions and timers, in the page's language.</summary>
public static class CaseWords
{
    public static string Stage(string stage) => stage switch
    {
        "reported" => Lang.T("已上报", "Reported"),
        "accepted" => Lang.T("已受理", "Accepted"),
        "filed" => Lang.T("已立案", "Filed"),
        "dispatched" => Lang.T("处置中", "Dispatched"),
        "deferred" => Lang.T("缓办", "Deferred"),
        "fed-back" => Lang.T("待核查", "Fed back"),
        "verified" => Lang.T("已核查", "Verified"),
        "closed" => Lang.T("已结案", "Closed"),
        "evaluated" => Lang.T("已评价", "Rated"),
        "declined" => Lang.T("不予受理", "Declined"),
        "voided" => Lang.T("已作废", "Voided"),
        "ledger" => Lang.T("挂账", "On the ledger"),
        "merged" => Lang.T("已合并", "Merged"),
        _ => stage,
    };

    public static string Stage(CaseStage stage) => Stage(CaseNames.Stage(stage));

    /// <summary>The button or history line for an action.</summary>
    public static string Action(string action) => action switch
    {
        "report" => Lang.T("上报", "Reported"),
        "accept" => Lang.T("受理", "Accept"),
        "file" => Lang.T("立案", "File"),
        "decline" => Lang.T("不予受理", "Decline"),
        "void" => Lang.T("作废", "Void"),
        "dispatch" => Lang.T("派遣", "Dispatch"),
        "return" => Lang.T("退回", "Return"),
        "request-extension" => Lang.T("申请延期", "Ask for more time"),
        "grant-extension" => Lang.T("同意延期", "Grant the extension"),
        "refuse-extension" => Lang.T("不同意延期", "Refuse the extension"),
        "defer" => Lang.T("缓办", "Defer"),
        "ledger" => Lang.T("挂账", "Put on the ledger"),
        "feedback" => Lang.T("处置反馈", "Report it fixed"),
        "verify" => Lang.T("核查", "Verify"),
        "close" => Lang.T("结案", "Close"),
        "self-handle" => Lang.T("自行处置", "Fixed on the spot"),
        "evaluate" => Lang.T("评价", "Rate"),
        "split" => Lang.T("拆分", "Split a report out"),
        "split-from" => Lang.T("拆分而来", "Split from"),
        "merge" => Lang.T("合并", "Merge into"),
        "absorb" => Lang.T("并入案件", "Took in a case"),
        "attach-report" => Lang.T("同一问题的又一次上报", "Another report of it"),
        "escalate" => Lang.T("超时督办", "Escalated"),
        "public-note" => Lang.T("公开留言", "Public note"),
        _ => action,
    };

    public static string Timer(string colour) => colour switch
    {
        TimerColours.Red => Lang.T("已超时", "Overdue"),
        TimerColours.Yellow => Lang.T("即将超时", "Due soon"),
        _ => Lang.T("正常", "On time"),
    };

    public static string Source(string source) => source switch
    {
        "web" => Lang.T("网页", "Web"),
        "phone" => Lang.T("电话", "Phone"),
        "courier" => Lang.T("快递小哥", "Courier"),
        "patrol" => Lang.T("网格巡查", "Grid patrol"),
        "hotline" => Lang.T("12345 热线", "Hotline"),
        "inspection" => Lang.T("巡检", "Inspection"),
        "open311" => "Open311",
        _ => source,
    };

    public static string Priority(string priority) => priority switch
    {
        "urgent" => Lang.T("紧急", "Urgent"),
        "high" => Lang.T("高", "High"),
        "low" => Lang.T("低", "Low"),
        _ => Lang.T("一般", "Normal"),
    };

    /// <summary>China Standard Time, as people there read it.</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(Calendar.WorkingCalendar.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(long? ms) => ms is { } value ? Time(DateTimeOffset.FromUnixTimeMilliseconds(value)) : "—";
}
