using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Rounds.Pages;

/// <summary>Words and colours shared by the rounds and repairs pages.</summary>
internal static class RndWords
{
    /// <summary>Round colours that stay apart on the map and in print (Tableau 10).</summary>
    public static readonly string[] Colours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static string Colour(int i) => Colours[i % Colours.Length];

    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.SelectMany(kv => kv.Value.Select(reason => $"{kv.Key}: {reason}")).ToList(),
        DomainException d => [$"{d.Title}: {d.Message}"],
        _ => [e.Message],
    };

    public static string Repair(string status) => status switch
    {
        nameof(RepairStatus.Reported) => Lang.T("待派", "Waiting"),
        nameof(RepairStatus.Dispatched) => Lang.T("已派", "Dispatched"),
        nameof(RepairStatus.OnSite) => Lang.T("已到场", "On site"),
        nameof(RepairStatus.MadeSafe) => Lang.T("已控险", "Made safe"),
        nameof(RepairStatus.Finished) => Lang.T("已完成", "Finished"),
        nameof(RepairStatus.Cancelled) => Lang.T("已取消", "Cancelled"),
        _ => status,
    };

    public static string Kind(string kind) => kind == RepairKinds.Emergency ? Lang.T("抢修", "Emergency") : Lang.T("计划维修", "Planned");

    public static string Visit(string status) => status switch
    {
        nameof(InspectionStatus.Due) => Lang.T("待安排", "Due"),
        nameof(InspectionStatus.Planned) => Lang.T("已安排", "Planned"),
        nameof(InspectionStatus.Done) => Lang.T("已完成", "Done"),
        _ => status,
    };

    public static string Action(string action) => action switch
    {
        "report" => Lang.T("受理", "Reported"),
        "dispatch" => Lang.T("派单", "Dispatched"),
        "wait" => Lang.T("等待空闲班组", "Waiting for a crew"),
        "book" => Lang.T("预约班组", "Crew booked"),
        "arrive" => Lang.T("到达现场", "On site"),
        "made-safe" => Lang.T("险情控制", "Made safe"),
        "finish" => Lang.T("完成", "Finished"),
        "cancel" => Lang.T("取消", "Cancelled"),
        _ => action,
    };

    public static string Time(DateTimeOffset? at) => at?.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static double? Number(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
        : throw new RequestValidationException(field, "not a number");
}
