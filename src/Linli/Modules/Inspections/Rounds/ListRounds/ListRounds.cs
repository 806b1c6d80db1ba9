using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Rounds.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Rounds.ListRounds;

/// <summary>One stop of a round: the visit, the user it goes to, and where.</summary>
public sealed record RoundStopView(Guid InspectionId, int Order, string Status, string Kind, DateOnly DueOn, bool Overdue, bool Started,
    Guid CustomerId, string CustomerNumber, string CustomerName, string Address, double Lon, double Lat);

/// <summary>An inspector's day: stops in order and the great-circle length walked from the start point.</summary>
public sealed record RoundView(string Inspector, DateOnly Date, double StartLon, double StartLat, int Visits, double DistanceKm, IReadOnlyList<RoundStopView> Stops);

/// <summary>All rounds of a utility's day, and how many due visits are still on no round.</summary>
public sealed record RoundsView(string Utility, DateOnly Date, IReadOnlyList<RoundView> Rounds, int Unplanned, int Overdue);

/// <summary>Reading rounds: the dispatcher sees every inspector's day, an inspector their own.</summary>
internal static class ListRounds
{
    public static async Task<Ok<RoundsView>> All(DateOnly? date, string? utility, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IStaffDirectory staff, RoundSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsDispatch);
        var chosen = scope.UtilityFor(utility);
        var inspectors = await staff.UserNamesInDepartmentAsync(Roles.Inspector, chosen, ct);
        return TypedResults.Ok(await LoadAsync(db, chosen, date ?? RoundsSupport.Today(clock), inspectors, null, settings, clock, ct));
    }

    public static async Task<Ok<RoundView>> Mine(DateOnly? date, ClaimsPrincipal user, LinliDb db, IAccessControl access, RoundSettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var me = RoundsSupport.Actor(user);
        // Someone reading without working for a utility (a district officer) has no round: an empty one, not an error.
        var utility = scope.Units.FirstOrDefault() ?? (scope.Everything ? "GAS" : null);
        if (utility is null)
        {
            var day = date ?? RoundsSupport.Today(clock);
            var depot = settings.Depot("GAS");
            return TypedResults.Ok(new RoundView(me, day, depot.Lon, depot.Lat, 0, 0, []));
        }
        var view = await LoadAsync(db, utility, date ?? RoundsSupport.Today(clock), [me], me, settings, clock, ct);
        return TypedResults.Ok(view.Rounds.Single());
    }

    /// <summary>The rounds of a day as stored: planned and done visits by route order, one (possibly empty) round per inspector named.</summary>
    public static async Task<RoundsView> LoadAsync(LinliDb db, string utility, DateOnly day, IReadOnlyList<string> inspectors, string? only,
        RoundSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Inspections.AsNoTracking()
            .Where(i => i.Utility == utility && i.PlannedOn == day && i.Inspector != null && i.Status != InspectionStatus.Cancelled);
        if (only is not null) query = query.Where(i => i.Inspector == only);
        var visits = await query.ToListAsync(ct);
        var customers = await CustomersAsync(db, visits.Select(v => v.CustomerId), ct);
        var depot = settings.Depot(utility);
        var today = RoundsSupport.Today(clock);
        var names = inspectors.Concat(visits.Select(v => v.Inspector!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rounds = names.Select(name =>
        {
            var stops = visits.Where(v => v.Inspector == name).OrderBy(v => v.RouteOrder).ThenBy(v => v.Id)
                .Select(v => Stop(v, customers, today)).ToList();
            var km = RoundPlanner.Km(depot.Lon, depot.Lat, stops.Select(s => (s.Lon, s.Lat)));
            return new RoundView(name, day, depot.Lon, depot.Lat, stops.Count, Math.Round(km, 2), stops);
        }).ToList();
        var waiting = db.Inspections.AsNoTracking().Where(i => i.Utility == utility && i.Status == InspectionStatus.Due && i.DueOn <= day);
        return new RoundsView(utility, day, rounds, only is null ? await waiting.CountAsync(ct) : 0,
            only is null ? await waiting.CountAsync(i => i.DueOn < today, ct) : 0);
    }

    public static async Task<Dictionary<Guid, UtilityCustomer>> CustomersAsync(LinliDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var found = new Dictionary<Guid, UtilityCustomer>();
        // Chunks keep the IN list within every provider's parameter limit.
        foreach (var chunk in distinct.Chunk(500))
        {
            foreach (var c in await db.UtilityCustomers.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
            {
                found[c.Id] = c;
            }
        }
        return found;
    }

    public static RoundStopView Stop(Inspection v, IReadOnlyDictionary<Guid, UtilityCustomer> customers, DateOnly today)
    {
        var c = customers.GetValueOrDefault(v.CustomerId);
        return new RoundStopView(v.Id, v.RouteOrder ?? 0, v.Status.ToString(), v.Kind, v.DueOn, v.Status != InspectionStatus.Done && v.DueOn < today,
            v.StartedAtMs is not null || v.Status == InspectionStatus.Done, v.CustomerId, c?.Number ?? "", c?.Name ?? "", c?.Address ?? "", c?.Lon ?? 0, c?.Lat ?? 0);
    }
}
