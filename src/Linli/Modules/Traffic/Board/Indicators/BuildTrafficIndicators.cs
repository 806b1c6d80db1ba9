using System.Security.Claims;
using System.Text.RegularExpressions;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Board.Indicators;

/// <summary>
/// Builds the clearance indicators for the caller's scope. The database narrows the incidents
/// (scope, route, months, not cancelled) and returns only their times; the percentiles need the
/// times anyway, so the rows are folded here (a route has tens of incidents a month, not thousands).
/// </summary>
internal static partial class BuildTrafficIndicators
{
    private sealed record Times(string Route, string Category, long ReportedAtMs, long? DispatchedAtMs, long? CalledBackAtMs, long? OnSceneAtMs,
        long? LanesClearAtMs);

    public static async Task<TrafficIndicatorReport> BuildAsync(string? from, string? to, string? route, ClaimsPrincipal user, LinliDb db,
        IAccessControl access, IConfiguration configuration, BoardTargets targets, TimeProvider clock, CancellationToken ct)
    {
        var range = MonthRange.Parse(from, to, clock);
        route = CheckRoute(route);
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficRead, configuration);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var fromMs = range.FromMs;
        var toMs = range.ToMsExclusive;

        var query = scope.Filter(db.Incidents.AsNoTracking(), i => i.Operator, i => i.DistrictCode ?? "")
            .Where(i => i.Status != IncidentStatus.Cancelled && i.ReportedAtMs >= fromMs && i.ReportedAtMs < toMs);
        if (route is not null)
        {
            query = query.Where(i => i.RouteCode == route);
        }
        var times = await query.Select(i => new Times(i.RouteCode, i.CategoryCode, i.ReportedAtMs, i.DispatchedAtMs, i.CalledBackAtMs, i.OnSceneAtMs,
            i.LanesClearAtMs)).ToListAsync(ct);
        var byCategory = await targets.ForAsync(times.Select(t => t.Category), ct);
        var names = (await db.Expressways.AsNoTracking().Select(e => new { e.Code, e.Name }).ToListAsync(ct))
            .GroupBy(e => e.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

        var rows = times
            .GroupBy(t => (t.Route, Month: MonthRange.MonthOf(t.ReportedAtMs)))
            .OrderBy(g => g.Key.Route, StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Route, names.GetValueOrDefault(g.Key.Route, g.Key.Route), g.Key.Month, [.. g], byCategory, nowMs))
            .ToList();
        var total = Row("", Lang.T("合计", "Total"), "", times, byCategory, nowMs);
        return new TrafficIndicatorReport(MonthRange.Key(range.First), MonthRange.Key(range.Last), route, nowMs, [.. range.Months()], rows, total);
    }

    private static TrafficIndicatorRow Row(string route, string name, string month, IReadOnlyList<Times> times,
        IReadOnlyDictionary<string, IReadOnlyList<MilestoneTarget>> byCategory, long nowMs)
    {
        TargetShare Share(string milestone, string setBy, Func<Times, long?> reached)
        {
            long judged = 0, within = 0;
            foreach (var t in times)
            {
                if (BoardTargets.Minutes(byCategory[t.Category], milestone, setBy) is not { } minutes)
                {
                    continue;
                }
                var state = TargetStates.Of(t.ReportedAtMs, reached(t), minutes, nowMs);
                if (state == TargetStates.Running)
                {
                    continue;
                }
                judged++;
                within += state == TargetStates.Met ? 1 : 0;
            }
            return new TargetShare(judged, within, judged == 0 ? null : Math.Round((double)within / judged, 4));
        }

        return new TrafficIndicatorRow(route, name, month, times.Count,
            Timing(times, t => t.LanesClearAtMs),
            Share(Milestones.LanesClear, BoardTargets.ByOperator, t => t.LanesClearAtMs),
            Timing(times, t => t.OnSceneAtMs),
            Share(Milestones.OnScene, BoardTargets.ByOperator, t => t.OnSceneAtMs),
            Share(Milestones.OnScene, BoardTargets.By1315, t => t.OnSceneAtMs),
            Share(Milestones.Dispatched, BoardTargets.By1315, t => t.DispatchedAtMs),
            Share(Milestones.CalledBack, BoardTargets.By1315, t => t.CalledBackAtMs));
    }

    private static Timing Timing(IReadOnlyList<Times> times, Func<Times, long?> reached)
    {
        var minutes = times.Where(t => reached(t) is not null).Select(t => Math.Max(0, reached(t)!.Value - t.ReportedAtMs) / 60_000.0).ToList();
        static double? Round(double? m) => m is { } x ? Math.Round(x, 1) : null;
        return new Timing(minutes.Count, Round(NearestRank.Of(minutes, 50)), Round(NearestRank.Of(minutes, 90)));
    }

    private static string? CheckRoute(string? route)
    {
        if (string.IsNullOrWhiteSpace(route))
        {
            return null;
        }
        route = route.Trim().ToUpperInvariant();
        return RouteCode().IsMatch(route) ? route : throw new RequestValidationException("route", "a route code like G60");
    }

    [GeneratedRegex("^[A-Z][A-Z0-9/]{0,15}$")]
    private static partial Regex RouteCode();
}
