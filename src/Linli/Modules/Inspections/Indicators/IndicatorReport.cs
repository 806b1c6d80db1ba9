namespace Linli.Modules.Inspections.Indicators;

/// <summary>
/// The inspection indicators for one period: a total row, one row per district (the first six
/// digits of the user's or the ticket's region code), one per inspector and one per repair crew.
/// </summary>
public sealed record IndicatorReport(
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    string? Utility,
    string? District,
    long AsOfMs,
    IndicatorRow Total,
    IReadOnlyList<IndicatorRow> Districts,
    IReadOnlyList<IndicatorRow> Inspectors,
    IReadOnlyList<IndicatorRow> Crews);

/// <summary>
/// One line of the table. Key is the district code, the inspector's user name or the crew's id
/// ("" for the total, "-" for work nobody was assigned); parts that do not apply to the line are null
/// (repairs per inspector, inspections per crew, overdue users per inspector or crew).
/// </summary>
public sealed record IndicatorRow(
    string Key,
    string Name,
    PlanCompletion? Plan,
    HazardsFound? Hazards,
    Rectification? Rectification,
    RepairTimes? Repairs,
    long? OverdueUsers);

/// <summary>
/// Periodic inspections whose due day lies in the period (cancelled ones left out): done, done by
/// the due day (China time), and the two rates (null when nothing was due).
/// </summary>
public sealed record PlanCompletion(long Due, long Done, long DoneOnTime, double? CompletionRate, double? OnTimeRate);

/// <summary>Hazards found in the period (by the time they were recorded), by grade.</summary>
public sealed record HazardsFound(long General, long Major, long Total);

/// <summary>
/// Hazards whose rectification deadline fell in the period: closed by the deadline, closed late,
/// still open past it, and still open within it (deadline today or later). The on-time rate is
/// OnTime / (OnTime + Late + OpenPastDeadline), the hazards whose outcome is known; null when none.
/// </summary>
public sealed record Rectification(long Deadlines, long OnTime, long Late, long OpenPastDeadline, long OpenWithinDeadline, double? OnTimeRate);

/// <summary>
/// Emergency repairs reported in the period (cancelled ones left out). Minutes run from the report
/// to on site, and to made safe; median and P90 are nearest-rank percentiles (see
/// <see cref="Percentiles"/>). The target share is tickets on site within their target of those
/// judged: on site, or still not on site with the target already passed.
/// </summary>
public sealed record RepairTimes(
    long Reported,
    long OnSite,
    double? OnSiteMedianMinutes,
    double? OnSiteP90Minutes,
    long MadeSafe,
    double? MadeSafeMedianMinutes,
    double? MadeSafeP90Minutes,
    long Judged,
    long WithinTarget,
    double? WithinTargetShare);
