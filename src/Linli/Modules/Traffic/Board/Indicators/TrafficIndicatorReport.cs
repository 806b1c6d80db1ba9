namespace Linli.Modules.Traffic.Board.Indicators;

/// <summary>
/// The clearance indicators for a range of months: one row per route and month that had incidents,
/// and a total row (Route "" and Month "") over everything shown.
/// </summary>
public sealed record TrafficIndicatorReport(string From, string To, string? Route, long AsOfMs, IReadOnlyList<string> Months,
    IReadOnlyList<TrafficIndicatorRow> Rows, TrafficIndicatorRow Total);

/// <summary>
/// One route in one month (China time). Clearance runs from the report to lanes clear, first crew
/// from the report to on scene; minutes are rounded to a tenth.
/// </summary>
public sealed record TrafficIndicatorRow(
    string Route,
    string RouteName,
    string Month,
    long Incidents,
    Timing Clearance,
    TargetShare ClearedWithinTarget,
    Timing FirstCrew,
    TargetShare OnSceneWithinOperator,
    TargetShare OnSceneWithin1315,
    TargetShare DispatchedWithinTarget,
    TargetShare CalledBackWithinTarget);

/// <summary>How many reached the milestone, and the nearest-rank median and 90th percentile of their minutes (null when none).</summary>
public sealed record Timing(long Count, double? MedianMinutes, double? P90Minutes);

/// <summary>
/// Incidents judged against a target (reached it, or still not reached with the time up) and those
/// that reached it within; Rate = Within / Judged, null when none was judged.
/// </summary>
public sealed record TargetShare(long Judged, long Within, double? Rate);
