using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs.RepairSteps;

public sealed record DispatchRequest(Guid? CrewId);

public sealed record FinishRequest(string? Resolution);

public sealed record CancelRequest(string? Reason);

/// <summary>
/// A ticket's steps, each with its time: the desk dispatches (a named crew or the nearest free one)
/// and cancels; the crew's members (or the desk) record arriving, making safe and finishing. A crew
/// that finishes or is released takes the oldest emergency waiting for a crew.
/// </summary>
internal static class RepairSteps
{
    public static async Task<Ok<RepairDetail>> Dispatch(Guid id, DispatchRequest? request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        await RepairSupport.EnsureDeskAsync(access, user);
        var ticket = await FindAsync(db, id, user, access, ct);
        ticket.CheckDispatch();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var crewId = request?.CrewId ?? (ticket.Kind == RepairKinds.Planned ? ticket.CrewId : null);
        RepairCrew crew;
        if (crewId is { } chosen)
        {
            crew = await db.RepairCrews.FirstOrDefaultAsync(c => c.Id == chosen && c.Utility == ticket.Utility, ct)
                ?? throw new RequestValidationException("crewId", "no crew of the utility has this id");
        }
        else
        {
            crew = await CrewDispatch.NearestFreeAsync(db, ticket.Utility, ticket.Lon, ticket.Lat, ct)
                ?? throw new DomainException("No crew free", "Every on-duty crew has a ticket; the ticket waits for the next one to free up.");
        }
        await CrewDispatch.AssignAsync(db, ticket, crew, RepairSupport.Actor(user), crewId is null ? "(nearest free crew)" : "(chosen by the desk)", now, ct);
        return await SaveAsync(db, ticket, now, ct);
    }

    public static async Task<Ok<RepairDetail>> Arrive(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var (ticket, crew) = await CrewTicketAsync(db, id, user, access, ct);
        ticket.CheckArrive();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        ticket.ArriveOnSite(now);
        crew?.MoveTo(ticket.Lon, ticket.Lat, now);
        var met = ticket.TargetMet(now);
        RepairSupport.History(db, ticket.Id, "arrive", RepairSupport.Actor(user),
            ticket.IsEmergency ? $"{ticket.MinutesToSite} min after the call (target {ticket.TargetOnSiteMinutes}{(met == true ? ", met" : ", missed")})" : null, now);
        return await SaveAsync(db, ticket, now, ct);
    }

    public static async Task<Ok<RepairDetail>> MakeSafe(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var (ticket, _) = await CrewTicketAsync(db, id, user, access, ct);
        ticket.CheckMakeSafe();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        ticket.MakeSafe(now);
        RepairSupport.History(db, ticket.Id, "made-safe", RepairSupport.Actor(user), null, now);
        return await SaveAsync(db, ticket, now, ct);
    }

    public static async Task<Ok<RepairDetail>> Finish(Guid id, FinishRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var resolution = request.Resolution?.Trim() ?? "";
        if (resolution.Length is 0 or > 2000) throw new RequestValidationException("resolution", "say what was done (up to 2000 characters)");
        var (ticket, crew) = await CrewTicketAsync(db, id, user, access, ct);
        ticket.CheckFinish();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        ticket.Finish(resolution, now);
        RepairSupport.History(db, ticket.Id, "finish", RepairSupport.Actor(user), resolution, now);
        await ReleaseAsync(db, ticket, crew, RepairSupport.Actor(user), now, ct);
        return await SaveAsync(db, ticket, now, ct);
    }

    public static async Task<Ok<RepairDetail>> Cancel(Guid id, CancelRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        await RepairSupport.EnsureDeskAsync(access, user);
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 2000) throw new RequestValidationException("reason", "say why (up to 2000 characters)");
        var ticket = await FindAsync(db, id, user, access, ct);
        ticket.CheckCancel();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var crew = ticket.CrewId is { } c ? await db.RepairCrews.FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        ticket.Cancel(reason, now);
        RepairSupport.History(db, ticket.Id, "cancel", RepairSupport.Actor(user), reason, now);
        await ReleaseAsync(db, ticket, crew, RepairSupport.Actor(user), now, ct);
        return await SaveAsync(db, ticket, now, ct);
    }

    private static async Task ReleaseAsync(LinliDb db, RepairTicket ticket, RepairCrew? crew, string actor, long now, CancellationToken ct)
    {
        if (crew is null || crew.CurrentTicketId != ticket.Id) return;
        crew.Take(null);
        await CrewDispatch.TakeWaitingAsync(db, crew, actor, now, ct);
    }

    public static async Task<RepairTicket> FindAsync(LinliDb db, Guid id, ClaimsPrincipal user, IAccessControl access, CancellationToken ct)
    {
        var scope = await RepairSupport.ScopeAsync(access, user);
        var ticket = await db.RepairTickets.FirstOrDefaultAsync(t => t.Id == id, ct);
        return ticket is not null && scope.CoversUnit(ticket.Utility) ? ticket : throw new NotFoundException($"No repair ticket {id}.");
    }

    /// <summary>The ticket and its crew, for a step only the crew's members or the desk may record.</summary>
    private static async Task<(RepairTicket, RepairCrew?)> CrewTicketAsync(LinliDb db, Guid id, ClaimsPrincipal user, IAccessControl access, CancellationToken ct)
    {
        var ticket = await FindAsync(db, id, user, access, ct);
        var crew = ticket.CrewId is { } c ? await db.RepairCrews.FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        var me = RepairSupport.Actor(user);
        if ((crew is null || !RepairSupport.Members(crew).Contains(me, StringComparer.Ordinal)) && !await RepairSupport.IsDeskAsync(access, user))
        {
            throw new ForbiddenException("Only the crew on this ticket or the repair desk may record its steps.");
        }
        return (ticket, crew);
    }

    private static async Task<Ok<RepairDetail>> SaveAsync(LinliDb db, RepairTicket ticket, long now, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", $"{ticket.Number} or its crew changed meanwhile; reload and try again.");
        }
        return TypedResults.Ok(await RepairViews.DetailAsync(db, ticket, now, ct));
    }
}
