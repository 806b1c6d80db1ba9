using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Rounds.ListRounds;
using Linli.Modules.Inspections.Rounds.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Rounds.PlanRounds;

/// <summary>Plan a day: which inspectors (default all of the utility's), how many visits each at most (default from settings).</summary>
public sealed record PlanRoundsRequest(DateOnly? Date, IReadOnlyList<string>? Inspectors, int? Capacity, string? Utility);

/// <summary>
/// Plans (or replans) a day's rounds. Visits already started or done stay where they are and use up
/// their inspector's capacity; the inspector's round then continues from the last of them. Every
/// other visit of those inspectors that day goes back into the pool with the due ones and is planned
/// again; a visit that no longer fits goes back to Due.
/// </summary>
internal static class PlanRounds
{
    public static async Task<Ok<RoundsView>> Handle(PlanRoundsRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IStaffDirectory staff, IAccountDirectory accounts, RoundSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsDispatch);
        var utility = scope.UtilityFor(request.Utility);
        var day = RoundsSupport.NotPast(request.Date, clock);
        var capacity = request.Capacity ?? settings.Capacity;
        if (capacity is < 1 or > 100) throw new RequestValidationException("capacity", "between 1 and 100 visits a day");
        var names = await RoundsSupport.InspectorsAsync(staff, accounts, utility, request.Inspectors, "inspectors", ct);
        if (names.Count == 0) throw new UnprocessableException("No inspectors", $"{utility} has no inspectors to plan rounds for.");

        var today = RoundsSupport.Today(clock);
        var horizon = day.AddDays(settings.LookaheadDays);
        var nameList = names.ToList();
        var ofDay = await db.Inspections
            .Where(i => i.Utility == utility && i.PlannedOn == day && i.Inspector != null && nameList.Contains(i.Inspector!)
                && i.Status != InspectionStatus.Cancelled)
            .ToListAsync(ct);
        var kept = ofDay.Where(i => i.StartedAtMs is not null || i.Status == InspectionStatus.Done).ToList();
        // Due visits, this day's unstarted visits of these inspectors, and visits left over from a past day.
        var pool = ofDay.Except(kept).ToList();
        pool.AddRange(await db.Inspections
            .Where(i => i.Utility == utility && i.StartedAtMs == null
                && ((i.Status == InspectionStatus.Due && i.DueOn <= horizon) || (i.Status == InspectionStatus.Planned && i.PlannedOn < today)))
            .ToListAsync(ct));
        var customers = await ListRounds.ListRounds.CustomersAsync(db, pool.Concat(kept).Select(i => i.CustomerId), ct);
        // A user who left supply is not visited; the registry cancels those visits.
        var plannable = pool.Where(i => customers.TryGetValue(i.CustomerId, out var c) && c.Active).ToList();

        var depot = settings.Depot(utility);
        var crew = names.Select(name =>
        {
            var done = kept.Where(k => k.Inspector == name).OrderBy(k => k.RouteOrder).ToList();
            var last = done.Count > 0 ? customers.GetValueOrDefault(done[^1].CustomerId) : null;
            return new PlanInspector(name, last?.Lon ?? depot.Lon, last?.Lat ?? depot.Lat, capacity - done.Count);
        }).ToList();
        var plan = RoundPlanner.Plan(
            plannable.Select(i => new PlanVisit(i.Id, customers[i.CustomerId].Lon, customers[i.CustomerId].Lat, i.DueOn)).ToList(), crew, day);

        var now = RoundsSupport.Now(clock);
        var actor = RoundsSupport.Actor(user);
        var byId = plannable.ToDictionary(i => i.Id);
        var placed = new HashSet<Guid>();
        foreach (var round in plan.Rounds)
        {
            var order = kept.Where(k => k.Inspector == round.Inspector).Select(k => k.RouteOrder ?? 0).DefaultIfEmpty(0).Max();
            foreach (var visit in round.Visits)
            {
                var inspection = byId[visit.Id];
                placed.Add(inspection.Id);
                order++;
                if (inspection.Status == InspectionStatus.Planned && inspection.Inspector == round.Inspector && inspection.PlannedOn == day
                    && inspection.RouteOrder == order)
                {
                    continue;
                }
                inspection.Plan(round.Inspector, day, order, now);
                db.InspectionEvents.Add(new InspectionEvent(inspection.Id, "inspection", "plan", actor, $"{round.Inspector} {day:yyyy-MM-dd} #{order}", now));
            }
        }
        foreach (var inspection in pool.Where(i => i.Status == InspectionStatus.Planned && !placed.Contains(i.Id)))
        {
            inspection.Unplan(now);
            db.InspectionEvents.Add(new InspectionEvent(inspection.Id, "inspection", "unplan", actor, $"no room on {day:yyyy-MM-dd}", now));
        }
        await SaveAsync(db, ct);
        return TypedResults.Ok(await ListRounds.ListRounds.LoadAsync(db, utility, day, names, null, settings, clock, ct));
    }

    /// <summary>An inspector starting a visit while it is being replanned wins; the dispatcher plans again.</summary>
    public static async Task SaveAsync(LinliDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", "A visit changed while the rounds were planned (an inspector started it?); plan again.");
        }
    }
}
