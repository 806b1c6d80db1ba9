using System.Globalization;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Incidents;

/// <summary>
/// What the control room reads: incidents within the reader's scope (the operator's routes, every route for
/// the expressway police, a district officer's districts), open first, with their timers against the targets.
/// </summary>
public sealed partial class IncidentDesk(LinliDb db, IAccessControl access, IConfiguration configuration, ICaseMilestones milestones,
    IRoadNetwork roads, IncidentIntake intake, TimeProvider clock)
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public async Task<List<IncidentView>> ListAsync(ClaimsPrincipal user, string? status, string? route, string? from, string? to, CancellationToken ct)
    {
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficRead, configuration);
        var query = scope.Filter(db.Incidents.AsNoTracking(), i => i.Operator, i => i.DistrictCode ?? "");
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = new List<IncidentStatus>();
            foreach (var name in status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (name == "open") wanted.AddRange([IncidentStatus.Reported, IncidentStatus.Dispatched, IncidentStatus.OnScene, IncidentStatus.LanesClear]);
                else if (Incident.TryParseStatus(name, out var s)) wanted.Add(s);
                else throw new RequestValidationException("status", "open, reported, dispatched, on-scene, lanes-clear, closed or cancelled (comma-separated)");
            }
            query = query.Where(i => wanted.Contains(i.Status));
        }
        if (!string.IsNullOrWhiteSpace(route))
        {
            var code = route.Trim();
            query = query.Where(i => i.RouteCode == code);
        }
        if (Day(from, "from") is { } start) query = query.Where(i => i.ReportedAtMs >= start);
        if (Day(to, "to") is { } end) query = query.Where(i => i.ReportedAtMs < end + 86_400_000L);
        var open = new[] { IncidentStatus.Closed, IncidentStatus.Cancelled };
        // Open incidents first (oldest first: the longest waiting on top), then the last 200 finished.
        var running = await query.Where(i => !open.Contains(i.Status)).OrderBy(i => i.ReportedAtMs).Take(500).ToListAsync(ct);
        var finished = await query.Where(i => open.Contains(i.Status)).OrderByDescending(i => i.ReportedAtMs).Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var views = new List<IncidentView>();
        foreach (var i in running.Concat(finished))
        {
            views.Add(IncidentViews.Of(i, await milestones.TargetsAsync(i.CategoryCode, ct), now));
        }
        return views;
    }

    public async Task<IncidentDetail> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var incident = await FindAsync(id, user, Permissions.TrafficRead, tracked: false, ct);
        var crewIds = incident.Crews.ToList();
        var crews = await db.RoadCrews.AsNoTracking().Where(c => crewIds.Contains(c.Id) || c.IncidentId == id).OrderBy(c => c.Name).ToListAsync(ct);
        IReadOnlyList<CrewSuggestion> suggested = [];
        var dispatch = await TrafficScope.OfAsync(access, user, Permissions.TrafficDispatch, configuration);
        if (incident.IsOpen && incident.Status != IncidentStatus.LanesClear && (dispatch.Everything || dispatch.Units.Count > 0))
        {
            var free = await dispatch.Filter(db.RoadCrews.AsNoTracking(), c => c.Unit, c => "")
                .Where(c => c.OnDuty && c.IncidentId == null).ToListAsync(ct);
            suggested = IncidentViews.Suggest(incident, free);
        }
        var history = await db.TrafficEvents.AsNoTracking().Where(e => e.SubjectId == id).OrderBy(e => e.AtMs).ThenBy(e => e.Id).ToListAsync(ct);
        var view = IncidentViews.Of(incident, await milestones.TargetsAsync(incident.CategoryCode, ct), clock.GetUtcNow().ToUnixTimeMilliseconds());
        return new IncidentDetail(view, crews.Select(IncidentViews.Crew).ToList(), suggested, history.Select(IncidentViews.History).ToList());
    }

    /// <summary>An incident the user may see with the permission, else 404 (its existence is not disclosed).</summary>
    private async Task<Incident> FindAsync(Guid id, ClaimsPrincipal user, string permission, bool tracked, CancellationToken ct)
    {
        var scope = await TrafficScope.OfAsync(access, user, permission, configuration);
        var source = tracked ? db.Incidents : db.Incidents.AsNoTracking();
        var incident = await source.FirstOrDefaultAsync(i => i.Id == id, ct);
        return incident is not null && scope.Covers(incident.Operator, incident.DistrictCode ?? "")
            ? incident
            : throw new NotFoundException($"No incident {id}.");
    }

    /// <summary>A day (yyyy-MM-dd, China time) as the Unix ms of its start.</summary>
    private static long? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime).ToUnixTimeMilliseconds()
            : throw new RequestValidationException(field, "a day as yyyy-MM-dd");
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
