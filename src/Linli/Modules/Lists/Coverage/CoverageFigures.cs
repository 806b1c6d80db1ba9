namespace Linli.Modules.Lists.Coverage;

/// <summary>
/// How well the needs of an area are met. Definitions (the same for every row):
/// <list type="bullet">
/// <item><c>recorded</c>: needs on the list, whatever their status.</item>
/// <item><c>open</c>: waiting for a match. <c>inProgress</c>: matched or in a project.</item>
/// <item><c>met</c>: fulfilled, or closed off (销号) from matched, in-project or fulfilled — closed with the evidence that it was done.</item>
/// <item><c>closedUnmet</c>: closed off while still open: no longer needed, never served.</item>
/// <item><c>shareMet</c>: met ÷ recorded (null with none recorded); closed-unmet needs count against it.</item>
/// <item><c>medianWaitDays</c>, <c>p90WaitDays</c>: from recording to the first of matched, in a project or fulfilled,
/// over the <c>served</c> needs that got there (median of two middles for an even count; p90 by nearest rank).</item>
/// <item><c>oldestOpenDays</c>: how long the longest-waiting open need has waited.</item>
/// </list>
/// </summary>
public sealed record CoverageFigures(int Recorded, int Open, int InProgress, int Met, int ClosedUnmet, double? ShareMet, int Served,
    double? MedianWaitDays, double? P90WaitDays, double? OldestOpenDays);

public sealed record GroupFigures(string Group, string Chinese, string English, CoverageFigures Figures);

public sealed record CoverageRow(string Code, string Name, string Level, CoverageFigures Figures, IReadOnlyList<GroupFigures> ByGroup);

public sealed record CoverageRegion(string Code, string Name, string Level);

/// <summary>GET /api/v1/lists/coverage: the region, its rows (communities, or grids under a community), its totals and groups.</summary>
public sealed record CoverageReport(CoverageRegion Region, IReadOnlyList<CoverageRegion> Path, string? RowLevel, DateTimeOffset AsOf,
    CoverageFigures Total, IReadOnlyList<GroupFigures> ByGroup, IReadOnlyList<CoverageRow> Rows);

/// <summary>One need's part in the figures.</summary>
internal readonly record struct NeedOutcome(string RegionCode, string Group, string State, double? WaitDays, double? OpenDays);

internal static class CoverageMath
{
    public static CoverageFigures Of(IReadOnlyCollection<NeedOutcome> needs)
    {
        var waits = needs.Where(n => n.WaitDays is not null).Select(n => n.WaitDays!.Value).Order().ToList();
        var met = needs.Count(n => n.State == "met");
        return new CoverageFigures(needs.Count, needs.Count(n => n.State == "open"), needs.Count(n => n.State == "in-progress"), met,
            needs.Count(n => n.State == "closed-unmet"), needs.Count == 0 ? null : Math.Round(met / (double)needs.Count, 4), waits.Count,
            Median(waits), P90(waits), needs.Where(n => n.OpenDays is not null).Select(n => n.OpenDays).Max() is { } oldest ? Math.Round(oldest, 2) : null);
    }

    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 2);

    public static double? P90(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : Math.Round(sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1], 2);
}
