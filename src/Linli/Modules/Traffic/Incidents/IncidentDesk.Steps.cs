using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Incidents;

public sealed record DispatchIncidentRequest(IReadOnlyList<Guid>? CrewIds);

public sealed record CancelIncidentRequest(string? Reason);

/// <summary>On scene or lanes clear: which crew (a member on the phone need not say; the desk names one or not).</summary>
public sealed record CrewStepRequest(Guid? CrewId);

/// <summary>
/// The steps of an incident: each a transition of <see cref="Incident"/>, a line of history, and the
/// case's milestone once saved (the case's targets run on it). Two desks acting at once: one gets a 409.
/// </summary>
public sealed partial class IncidentDesk
{
    public async Task<IncidentView> DispatchAsync(Guid id, DispatchIncidentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = (request.CrewIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 10) throw new RequestValidationException("crewIds", "one to ten crews to send");
        var incident = await FindAsync(id, user, Permissions.TrafficDispatch, tracked: true, ct);
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficDispatch, configuration);
        var crews = await db.RoadCrews.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var unknown = ids.Where(i => !crews.Any(c => c.Id == i && scope.CoversUnit(c.Unit))).ToList();
        if (unknown.Count > 0) throw new RequestValidationException("crewIds", $"no crew of yours has the id {unknown[0]}");
        var now = Now();
        incident.Dispatch(ids, now);
        foreach (var crew in crews)
        {
            if (crew.IncidentId == incident.Id) continue;
            if (!crew.IsFree)
            {
                throw new DomainException("Crew not free", crew.OnDuty ? $"{crew.Name} is on another incident." : $"{crew.Name} is off duty.");
            }
            crew.Take(incident.Id);
            db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", "dispatched", Actor(user), incident.Number, now));
        }
        return await SaveAsync(incident, "dispatched", string.Join("、", crews.Select(c => c.Name)), user, Milestones.Dispatched, incident.DispatchedAtMs, ct);
    }

    public async Task<IncidentView> CallBackAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var incident = await FindAsync(id, user, Permissions.TrafficDispatch, tracked: true, ct);
        incident.CallBack(Now());
        return await SaveAsync(incident, "called-back", null, user, Milestones.CalledBack, incident.CalledBackAtMs, ct);
    }

    public async Task<IncidentView> OnSceneAsync(Guid id, CrewStepRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (incident, crew) = await CrewStepAsync(id, request, user, ct);
        var first = incident.ArriveOnScene(Now());
        if (crew is not null)
        {
            db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", "on-scene", Actor(user), incident.Number, Now()));
        }
        return await SaveAsync(incident, first ? "on-scene" : "crew-on-scene", crew?.Name, user, Milestones.OnScene, incident.OnSceneAtMs, ct);
    }

    public async Task<IncidentView> LanesClearAsync(Guid id, CrewStepRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (incident, crew) = await CrewStepAsync(id, request, user, ct);
        incident.ClearLanes(Now());
        return await SaveAsync(incident, "lanes-clear", crew?.Name, user, Milestones.LanesClear, incident.LanesClearAtMs, ct);
    }

    public async Task<IncidentView> CloseAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var incident = await FindAsync(id, user, Permissions.TrafficDispatch, tracked: true, ct);
        incident.Close(Now());
        await ReleaseCrewsAsync(incident, user, ct);
        return await SaveAsync(incident, "closed", null, user, Milestones.Closed, incident.ClosedAtMs, ct);
    }

    public async Task<IncidentView> CancelAsync(Guid id, CancelIncidentRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 500) throw new RequestValidationException("reason", "why (a false alarm, a duplicate), up to 500 characters");
        var incident = await FindAsync(id, user, Permissions.TrafficDispatch, tracked: true, ct);
        incident.Cancel(reason, Now());
        await ReleaseCrewsAsync(incident, user, ct);
        return await SaveAsync(incident, "cancelled", reason, user, null, null, ct);
    }

    /// <summary>A member of a crew on the incident (from the phone), or the desk; 403 for anyone else.</summary>
    private async Task<(Incident, RoadCrew?)> CrewStepAsync(Guid id, CrewStepRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var incident = await FindAsync(id, user, Permissions.TrafficWork, tracked: true, ct);
        var onIt = await db.RoadCrews.Where(c => c.IncidentId == incident.Id).ToListAsync(ct);
        var actor = Actor(user);
        var crew = request.CrewId is { } crewId ? onIt.FirstOrDefault(c => c.Id == crewId)
            ?? throw new RequestValidationException("crewId", "that crew is not on this incident")
            : onIt.FirstOrDefault(c => c.HasMember(actor));
        var desk = await TrafficScope.OfAsync(access, user, Permissions.TrafficDispatch, configuration);
        if (!desk.Covers(incident.Operator, incident.DistrictCode ?? "") && (crew is null || !crew.HasMember(actor)))
        {
            throw new ForbiddenException("Only the members of a crew on this incident or the control room may record this.");
        }
        return (incident, crew);
    }

    private async Task ReleaseCrewsAsync(Incident incident, ClaimsPrincipal user, CancellationToken ct)
    {
        foreach (var crew in await db.RoadCrews.Where(c => c.IncidentId == incident.Id).ToListAsync(ct))
        {
            crew.Release();
            db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", "released", Actor(user), incident.Number, Now()));
        }
    }

    private async Task<IncidentView> SaveAsync(Incident incident, string action, string? note, ClaimsPrincipal user, string? milestone, long? atMs,
        CancellationToken ct)
    {
        db.TrafficEvents.Add(new TrafficEvent(incident.Id, "incident", action, Actor(user), note, Now()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", $"{incident.Number} or one of its crews was changed by someone else at the same moment; reload and try again.");
        }
        if (milestone is not null && atMs is not null && incident.CaseId is { } caseId)
        {
            // Every milestone the incident has reached, not only this step's: first time wins on the case, so a write
            // lost between the incident's save and the case's (a crash in between) is put right by the next step.
            foreach (var m in Milestones.All)
            {
                if (IncidentViews.ReachedAt(incident, m) is { } at)
                {
                    await milestones.ReachAsync(caseId, m, at, Actor(user), ct);
                }
            }
        }
        return IncidentViews.Of(incident, await milestones.TargetsAsync(incident.CategoryCode, ct), Now());
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
