using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>
/// What counters cannot say, read from the cases themselves with indexed queries: live counts
/// (open now, overdue now), reports per grid and per category, and daily trends below streets.
/// </summary>
internal static class CaseFigures
{
    /// <summary>
    /// Not yet finished: the loop's running stages and deferred cases (paused, still unsolved).
    /// Ledger cases (挂账) are parked on purpose and leave the count, as closed ones do.
    /// </summary>
    private static readonly CaseStage[] OpenStages =
        [CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed, CaseStage.Dispatched, CaseStage.Deferred, CaseStage.FedBack, CaseStage.Verified];

    public sealed record GridLive(string Grid, long Open, long Overdue);

    public static Task<List<GridLive>> OpenByGridAsync(LinliDb db, string code, long nowMs, CancellationToken ct)
    {
        var prefix = RegionScope.Prefix(code);
        // The (stage, stage deadline) index narrows to open cases; a deferred stage has no deadline.
        return db.Cases.AsNoTracking()
            .WhereCodeStartsWith(c => c.GridCode, prefix)
            .Where(c => OpenStages.Contains(c.Stage))
            .GroupBy(c => c.GridCode)
            .Select(g => new GridLive(g.Key, g.Count(), g.Count(c => c.StageDeadlineMs != null && c.StageDeadlineMs <= nowMs)))
            .ToListAsync(ct);
    }

    public static async Task<Dictionary<string, long>> ReportsByGridAsync(LinliDb db, string code, long sinceMs, CancellationToken ct)
    {
        var prefix = RegionScope.Prefix(code);
        return await db.Cases.AsNoTracking()
            .WhereCodeStartsWith(c => c.GridCode, prefix)
            .Where(c => c.ReportedAtMs >= sinceMs)
            .GroupBy(c => c.GridCode)
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public static async Task<List<(string Code, long Reports)>> TopCategoriesAsync(LinliDb db, string code, long sinceMs, int top, CancellationToken ct)
    {
        var prefix = RegionScope.Prefix(code);
        var rows = await db.Cases.AsNoTracking()
            .WhereCodeStartsWith(c => c.GridCode, prefix)
            .Where(c => c.ReportedAtMs >= sinceMs)
            .GroupBy(c => c.CategoryCode)
            .Select(g => new { g.Key, Count = g.LongCount() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key)
            .Take(top)
            .ToListAsync(ct);
        return rows.Select(r => (r.Key, r.Count)).ToList();
    }

    /// <summary>Daily reports and closings for communities and grids, which keep no day counters; few cases, so bucketed here.</summary>
    public static async Task<List<DayFigures>> TrendAsync(LinliDb db, string code, DashboardWindow window, long sinceMs, CancellationToken ct)
    {
        var prefix = RegionScope.Prefix(code);
        // Communities and grids only: the code range keeps both reads to the region's own cases.
        var inRegion = db.Cases.AsNoTracking().WhereCodeStartsWith(c => c.GridCode, prefix);
        var reported = await inRegion.Where(c => c.ReportedAtMs >= sinceMs).Select(c => c.ReportedAtMs).ToListAsync(ct);
        var closed = await inRegion.Where(c => c.ClosedAtMs != null && c.ClosedAtMs >= sinceMs).Select(c => c.ClosedAtMs!.Value).ToListAsync(ct);
        static DateOnly Day(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(WorkingCalendar.ChinaStandardTime).DateTime);
        var reportedByDay = reported.GroupBy(Day).ToDictionary(g => g.Key, g => (long)g.Count());
        var closedByDay = closed.GroupBy(Day).ToDictionary(g => g.Key, g => (long)g.Count());
        return Enumerable.Range(0, window.Days).Select(i => window.From.AddDays(i))
            .Select(d => new DayFigures(d, reportedByDay.GetValueOrDefault(d), closedByDay.GetValueOrDefault(d))).ToList();
    }
}
