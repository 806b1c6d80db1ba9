using System.Globalization;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>Totals read from the indicator counters the Cases module keeps with every case change.</summary>
internal sealed record CounterTotals(long Reported, long Closed, long ClosedOnTime, long Reworked)
{
    public double? OnTimeClosingRate => Rate(ClosedOnTime, Closed);
    public double? ReworkRate => Rate(Reworked, Closed);

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

internal static class CounterFigures
{
    private static readonly string[] Metrics = ["reported", "closed", "closed-on-time", "reworked"];

    /// <summary>
    /// Day counters exist down to streets (codes of up to 9 digits); communities and grids keep
    /// months only (see CaseCounters.PeriodsOf), so for them the months the window touches are read.
    /// </summary>
    public static bool HasDays(string code) => code.Length <= 9;

    public static string Basis(string code) => HasDays(code) ? "day" : "month";

    public static IReadOnlyList<string> Periods(string code, DashboardWindow window)
    {
        var days = Enumerable.Range(0, window.Days).Select(i => window.From.AddDays(i)).ToList();
        return HasDays(code)
            ? days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList()
            : days.Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Distinct().ToList();
    }

    /// <summary>The window's totals for each region, in one indexed read of (scope, period, metric) keys.</summary>
    public static async Task<Dictionary<string, CounterTotals>> TotalsAsync(LinliDb db, IReadOnlyCollection<string> codes, DashboardWindow window,
        CancellationToken ct)
    {
        var result = codes.ToDictionary(c => c, _ => new CounterTotals(0, 0, 0, 0));
        foreach (var group in codes.GroupBy(HasDays))
        {
            var scopes = group.Select(c => $"region:{c}").ToList();
            var periods = Periods(group.First(), window);
            var rows = await db.CaseCounters.AsNoTracking()
                .Where(k => scopes.Contains(k.Scope) && periods.Contains(k.Period) && Metrics.Contains(k.Metric))
                .GroupBy(k => new { k.Scope, k.Metric })
                .Select(g => new { g.Key.Scope, g.Key.Metric, Value = g.Sum(k => k.Value) })
                .ToListAsync(ct);
            foreach (var scope in rows.GroupBy(r => r.Scope))
            {
                long V(string metric) => scope.Where(r => r.Metric == metric).Sum(r => r.Value);
                result[scope.Key["region:".Length..]] = new CounterTotals(V("reported"), V("closed"), V("closed-on-time"), V("reworked"));
            }
        }
        return result;
    }

    /// <summary>Reports and closings per day from the day counters (regions down to streets).</summary>
    public static async Task<List<DayFigures>> TrendAsync(LinliDb db, string code, DashboardWindow window, CancellationToken ct)
    {
        var scope = $"region:{code}";
        var periods = Periods(code, window);
        var rows = await db.CaseCounters.AsNoTracking()
            .Where(k => k.Scope == scope && periods.Contains(k.Period) && (k.Metric == "reported" || k.Metric == "closed"))
            .Select(k => new { k.Period, k.Metric, k.Value })
            .ToListAsync(ct);
        return Enumerable.Range(0, window.Days).Select(i => window.From.AddDays(i)).Select(day =>
        {
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new DayFigures(day,
                rows.Where(r => r.Period == key && r.Metric == "reported").Sum(r => r.Value),
                rows.Where(r => r.Period == key && r.Metric == "closed").Sum(r => r.Value));
        }).ToList();
    }
}
