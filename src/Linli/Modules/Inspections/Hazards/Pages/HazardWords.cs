using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Hazards.Pages;

/// <summary>The words the hazards pages share.</summary>
internal static class HazardWords
{
    public static string Grade(string grade) => grade == HazardGrades.Major ? Lang.T("重大隐患", "Major") : Lang.T("一般隐患", "General");

    public static string Status(string status) => status switch
    {
        "open" => Lang.T("整改中", "Rectifying"),
        "awaiting-reinspection" => Lang.T("待复查", "Awaiting re-inspection"),
        "closed" => Lang.T("已销号", "Closed"),
        "due" => Lang.T("待安检", "Due"),
        "planned" => Lang.T("已排程", "Planned"),
        "done" => Lang.T("已完成", "Done"),
        "cancelled" => Lang.T("已取消", "Cancelled"),
        _ => status,
    };

    public static string Outcome(string? outcome) => outcome switch
    {
        InspectionOutcomes.Pass => Lang.T("合格", "Passed"),
        InspectionOutcomes.Hazards => Lang.T("发现隐患", "Hazards found"),
        InspectionOutcomes.Absent => Lang.T("无人在场", "Nobody on site"),
        InspectionOutcomes.Refused => Lang.T("拒绝安检", "Refused"),
        _ => "",
    };

    public static string Kind(string kind) => kind == InspectionKinds.Reinspection ? Lang.T("复查", "Re-inspection") : Lang.T("定期安检", "Periodic");

    public static string Action(string action) => action switch
    {
        "found" => Lang.T("发现并下达整改通知书", "Found; notice issued"),
        "found-again" => Lang.T("再次发现", "Found again"),
        "case-opened" => Lang.T("已立案", "Case opened"),
        "case-joined" => Lang.T("并入已有案件", "Joined an open case"),
        "reinspection-scheduled" => Lang.T("安排复查", "Re-inspection scheduled"),
        "reinspection-failed" => Lang.T("复查不合格", "Re-inspection failed"),
        "reinspection-missed" => Lang.T("复查未能进行", "Re-inspection not done"),
        "escalated" => Lang.T("逾期升级督办", "Escalated (overdue)"),
        "closed" => Lang.T("销号", "Closed"),
        _ => action,
    };

    public static string MapLink(double lon, double lat, string name) =>
        $"https://uri.amap.com/marker?position={lon.ToString(System.Globalization.CultureInfo.InvariantCulture)},{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}&name={Uri.EscapeDataString(name)}&coordinate=wgs84";

    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.SelectMany(x => x.Value.Select(m => $"{x.Key}: {m}")).ToList(),
        DomainException d => [d.Message],
        _ => [e.Message],
    };
}
