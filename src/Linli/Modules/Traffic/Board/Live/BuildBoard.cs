using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Board.Live;

/// <summary>
/// Reads the board for the caller's scope: carriageways of the operator they work for (all for the
/// expressway police and admins; for district officers those crossing their districts), open
/// incidents filtered in SQL by the same scope, and the crews on duty on the routes shown.
/// </summary>
internal static class BuildBoard
{
    public static async Task<BoardReport> BuildAsync(ClaimsPrincipal user, LinliDb db, IAccessControl access, IConfiguration configuration,
        BoardTargets targets, TimeProvider clock, CancellationToken ct)
    {
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficRead, configuration);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();

        var incidents = await scope.Filter(db.Incidents.AsNoTracking(), i => i.Operator, i => i.DistrictCode ?? "")
            .Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Cancelled)
            .ToListAsync(ct);
        // Few carriageways (tens): read them and decide the district overlap here, where the comma list is easy to split.
        var carriageways = (await db.Expressways.AsNoTracking().Where(e => e.Active).ToListAsync(ct))
            .Where(e => Sees(scope, e) || incidents.Any(i => i.RouteCode == e.Code && i.Direction == e.Direction))
            .ToList();
        var routeCodes = carriageways.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var crews = (await db.RoadCrews.AsNoTracking().Where(c => c.OnDuty).ToListAsync(ct))
            .Where(c => routeCodes.Contains(c.RouteCode) && (scope.CoversUnit(c.Unit) || scope.Regions.Count > 0))
            .ToList();
        var byId = incidents.ToDictionary(i => i.Id);
        var categoryTargets = await targets.ForAsync(incidents.Select(i => i.CategoryCode), ct);

        var views = incidents.ToDictionary(i => i.Id, i => View(i, categoryTargets[i.CategoryCode], nowMs));
        var routes = carriageways
            .GroupBy(e => e.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BoardRoute(g.Key, g.First().Name, g.First().Operator,
                [.. g.OrderBy(e => e.Direction == Directions.Up ? 0 : 1).ThenBy(e => e.Direction, StringComparer.Ordinal).Select(e => Carriageway(e,
                    [.. incidents.Where(i => i.RouteCode == e.Code && i.Direction == e.Direction).OrderBy(i => i.StakeMeters).Select(i => views[i.Id])]))],
                [.. crews.Where(c => c.RouteCode == g.Key).OrderBy(c => c.StakeMeters).Select(c => Crew(c, byId))]))
            .ToList();
        return new BoardReport(nowMs, incidents.Count, views.Values.Count(v => v.State == TargetStates.Missed), routes);
    }

    private static bool Sees(UnitScope scope, Expressway e) =>
        scope.CoversUnit(e.Operator)
        || (e.DistrictCodes is { Length: > 0 } codes
            && codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(d => scope.Regions.Any(r => RegionScope.Covers(r, d) || RegionScope.Covers(d, r))));

    private static BoardCarriageway Carriageway(Expressway e, IReadOnlyList<BoardIncident> incidents)
    {
        var (first, last) = Stretch.Ends(e.StakeMarksJson, e.LengthMeters);
        return new BoardCarriageway(e.Id, e.Code, e.Name, e.Direction, first, last, Stakes.Format(first), Stakes.Format(last), Math.Round(e.LengthMeters),
            incidents);
    }

    public static BoardIncident View(Incident i, IReadOnlyList<Cases.Contracts.MilestoneTarget> targets, long nowMs)
    {
        var states = targets.Select(t =>
        {
            var reached = BoardTargets.ReachedAt(i, t.Milestone);
            var due = i.ReportedAtMs + (long)(t.Minutes * 60_000);
            var state = TargetStates.Of(i.ReportedAtMs, reached, t.Minutes, nowMs);
            return new BoardTarget(t.Milestone, t.Minutes, t.SetBy, state, reached, due,
                state == TargetStates.Running ? (int)Math.Ceiling((due - nowMs) / 60_000.0) : null);
        }).ToList();
        var worst = states.Any(s => s.State == TargetStates.Missed) ? TargetStates.Missed
            : states.Any(s => s.State == TargetStates.Running) ? TargetStates.Running : TargetStates.Met;
        return new BoardIncident(i.Id, i.Number, i.StakeMeters, Stakes.Format(i.StakeMeters), Status(i.Status), i.CategoryCode, i.LanesBlocked,
            i.QuickHandling, i.Emergency, i.ReportedAtMs, (int)Math.Max(0, (nowMs - i.ReportedAtMs) / 60_000), worst, states);
    }

    /// <summary>The status as the API spells it: reported, dispatched, on-scene, lanes-clear.</summary>
    public static string Status(IncidentStatus status) => status switch
    {
        IncidentStatus.OnScene => "on-scene",
        IncidentStatus.LanesClear => "lanes-clear",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static BoardCrew Crew(RoadCrew c, IReadOnlyDictionary<Guid, Incident> incidents)
    {
        var incident = c.IncidentId is { } id ? incidents.GetValueOrDefault(id) : null;
        return new BoardCrew(c.Id, c.Name, c.Unit, c.Kind, c.StakeMeters, Stakes.Format(c.StakeMeters), c.IsFree, c.IncidentId, incident?.Number,
            incident?.Direction);
    }
}
