using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Rounds.ListRounds;
using Linli.Modules.Inspections.Rounds.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Rounds.AssignVisit;

public sealed record AssignVisitRequest(string? Inspector, DateOnly? Date);

/// <summary>The round the visit left and the round it joined, both in their new order.</summary>
public sealed record AssignVisitResponse(Guid InspectionId, RoundView To, RoundView? From);

/// <summary>
/// The dispatcher moves one visit to another inspector or day. Both rounds are ordered again (the
/// unstarted part of each, after the visits already done), and the move is kept in the history.
/// </summary>
internal static class AssignVisit
{
    public static async Task<Ok<AssignVisitResponse>> Handle(Guid id, AssignVisitRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IStaffDirectory staff, IAccountDirectory accounts, RoundSettings settings, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Inspector)) throw new RequestValidationException("inspector", "name the inspector");
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsDispatch);
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException($"No inspection {id}.");
        if (!scope.CoversUnit(inspection.Utility)) throw new NotFoundException($"No inspection {id}.");
        var day = RoundsSupport.NotPast(request.Date, clock);
        var inspector = (await RoundsSupport.InspectorsAsync(staff, accounts, inspection.Utility, [request.Inspector], "inspector", ct))[0];
        if (inspection.Status is InspectionStatus.Done or InspectionStatus.Cancelled)
            throw new DomainException("Visit closed", $"The visit is {inspection.Status.ToString().ToLowerInvariant()}; it cannot be moved.");
        if (inspection.StartedAtMs is not null) throw new DomainException("Visit started", "The inspector has started this visit; it cannot be moved.");

        var from = inspection.Status == InspectionStatus.Planned ? (inspection.Inspector, inspection.PlannedOn) : (null, null);
        var now = RoundsSupport.Now(clock);
        inspection.Plan(inspector, day, int.MaxValue, now);
        db.InspectionEvents.Add(new InspectionEvent(inspection.Id, "inspection", "assign", RoundsSupport.Actor(user),
            from.Inspector is null ? $"{inspector} {day:yyyy-MM-dd}" : $"{from.Inspector} {from.PlannedOn:yyyy-MM-dd} → {inspector} {day:yyyy-MM-dd}", now));
        await ReorderAsync(db, inspection.Utility, inspector, day, settings, now, ct);
        if (from.Inspector is not null && (from.Inspector != inspector || from.PlannedOn != day))
        {
            await ReorderAsync(db, inspection.Utility, from.Inspector, from.PlannedOn!.Value, settings, now, ct);
        }
        await PlanRounds.PlanRounds.SaveAsync(db, ct);

        var to = await ListRounds.ListRounds.LoadAsync(db, inspection.Utility, day, [inspector], inspector, settings, clock, ct);
        RoundView? left = null;
        if (from.Inspector is not null && (from.Inspector != inspector || from.PlannedOn != day))
        {
            left = (await ListRounds.ListRounds.LoadAsync(db, inspection.Utility, from.PlannedOn!.Value, [from.Inspector], from.Inspector, settings, clock, ct)).Rounds[0];
        }
        return TypedResults.Ok(new AssignVisitResponse(inspection.Id, to.Rounds[0], left));
    }

    /// <summary>Orders a round again: visits done keep their places, the rest follows from the last of them by nearest neighbour and 2-opt.</summary>
    private static async Task ReorderAsync(LinliDb db, string utility, string inspector, DateOnly day, RoundSettings settings, long now, CancellationToken ct)
    {
        // Tracked entities of this request (the moved visit) are seen as changed, so the query is completed from the tracker.
        var stored = await db.Inspections.Where(i => i.Utility == utility && i.Inspector == inspector && i.PlannedOn == day
            && i.Status != InspectionStatus.Cancelled).ToListAsync(ct);
        var round = stored.Concat(db.ChangeTracker.Entries<Inspection>().Select(e => e.Entity))
            .Where(i => i.Utility == utility && i.Inspector == inspector && i.PlannedOn == day && i.Status != InspectionStatus.Cancelled)
            .DistinctBy(i => i.Id).ToList();
        var kept = round.Where(i => i.StartedAtMs is not null || i.Status == InspectionStatus.Done).OrderBy(i => i.RouteOrder).ToList();
        var open = round.Except(kept).ToList();
        var customers = await ListRounds.ListRounds.CustomersAsync(db, round.Select(i => i.CustomerId), ct);
        var depot = settings.Depot(utility);
        var last = kept.Count > 0 ? customers.GetValueOrDefault(kept[^1].CustomerId) : null;
        var (ordered, _) = RoundPlanner.Order(last?.Lon ?? depot.Lon, last?.Lat ?? depot.Lat,
            open.Select(i => new PlanVisit(i.Id, customers.GetValueOrDefault(i.CustomerId)?.Lon ?? depot.Lon,
                customers.GetValueOrDefault(i.CustomerId)?.Lat ?? depot.Lat, i.DueOn)).ToList());
        var order = kept.Select(k => k.RouteOrder ?? 0).DefaultIfEmpty(0).Max();
        foreach (var visit in ordered)
        {
            var inspection = open.First(i => i.Id == visit.Id);
            order++;
            if (inspection.RouteOrder != order) inspection.Plan(inspector, day, order, now);
        }
    }
}
