using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Rounds.Planning;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs;

/// <summary>
/// Who goes: an emergency goes to the nearest on-duty crew with no ticket (great-circle distance
/// from its last known position); with none free it waits as Reported, and the next crew that
/// frees up takes the oldest waiting emergency of its utility. A crew row's version makes two
/// tickets taking the same crew at once a conflict, so one of them waits instead.
/// </summary>
internal static class CrewDispatch
{
    public static async Task<RepairCrew?> NearestFreeAsync(LinliDb db, string utility, double lon, double lat, CancellationToken ct)
    {
        var free = await db.RepairCrews.Where(c => c.Utility == utility && c.OnDuty && c.CurrentTicketId == null).ToListAsync(ct);
        return free.OrderBy(c => GreatCircle.Km(c.Lon, c.Lat, lon, lat)).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Sends the crew; a crew this ticket had before is freed (and takes the oldest waiting emergency).</summary>
    public static async Task AssignAsync(LinliDb db, RepairTicket ticket, RepairCrew crew, string actor, string how, long now, CancellationToken ct)
    {
        ticket.CheckDispatch();
        if (crew.Utility != ticket.Utility) throw new RequestValidationException("crewId", "the crew works for another utility");
        if (!crew.OnDuty) throw new DomainException("Crew off duty", $"{crew.Name} is off duty.");
        if (crew.CurrentTicketId is { } busy && busy != ticket.Id) throw new DomainException("Crew busy", $"{crew.Name} is on another ticket.");
        RepairCrew? previous = null;
        if (ticket.Status == RepairStatus.Dispatched && ticket.CrewId is { } before && before != crew.Id)
        {
            previous = await db.RepairCrews.FirstOrDefaultAsync(c => c.Id == before, ct);
        }
        var km = GreatCircle.Km(crew.Lon, crew.Lat, ticket.Lon, ticket.Lat);
        ticket.Dispatch(crew.Id, now);
        crew.Take(ticket.Id);
        RepairSupport.History(db, ticket.Id, "dispatch", actor, $"{crew.Name}, {km:F1} km {how}", now);
        if (previous is not null && previous.CurrentTicketId == ticket.Id)
        {
            previous.Take(null);
            await TakeWaitingAsync(db, previous, actor, now, ct);
        }
    }

    /// <summary>A crew free again takes the oldest emergency still waiting for one, if any.</summary>
    public static async Task<RepairTicket?> TakeWaitingAsync(LinliDb db, RepairCrew crew, string actor, long now, CancellationToken ct)
    {
        if (!crew.OnDuty || crew.CurrentTicketId is not null) return null;
        var waiting = await db.RepairTickets
            .Where(t => t.Utility == crew.Utility && t.Kind == RepairKinds.Emergency && t.Status == RepairStatus.Reported)
            .OrderBy(t => t.ReportedAtMs).ThenBy(t => t.Number).FirstOrDefaultAsync(ct);
        if (waiting is null) return null;
        await AssignAsync(db, waiting, crew, actor, "(was waiting; the crew freed up)", now, ct);
        return waiting;
    }

    /// <summary>Tries the nearest free crew, again when another request took it first; leaves the ticket waiting when none is free.</summary>
    public static async Task<bool> DispatchNearestAsync(LinliDb db, RepairTicket ticket, string actor, long now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var crew = await NearestFreeAsync(db, ticket.Utility, ticket.Lon, ticket.Lat, ct);
            if (crew is null) return false;
            await AssignAsync(db, ticket, crew, actor, "(nearest free crew)", now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another ticket took the crew: forget this attempt and look again.
                foreach (var entry in db.ChangeTracker.Entries().ToList())
                {
                    if (entry.State == EntityState.Added) entry.State = EntityState.Detached;
                    else await entry.ReloadAsync(ct);
                }
            }
        }
        return false;
    }
}
