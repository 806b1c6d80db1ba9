using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs.Crews;

/// <summary>A crew: its name, members (user names, who may record its times), base or last position, and whether it is on duty.</summary>
public sealed record CrewRequest(string? Name, IReadOnlyList<string>? Members, double? Lon, double? Lat, bool? OnDuty, string? Utility);

public sealed record PositionRequest(double? Lon, double? Lat);

/// <summary>The desk keeps its utility's crews; a member reports the crew's position from the phone.</summary>
internal static class ManageCrews
{
    public static async Task<Created<CrewView>> Create(CrewRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access, IAccountDirectory accounts,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsDispatch);
        var utility = scope.UtilityFor(request.Utility);
        var (name, members) = await CheckAsync(request, accounts, ct);
        if (request.Lon is not { } lon || request.Lat is not { } lat) throw new RequestValidationException("lon", "the crew's base as lon/lat");
        CheckPoint(lon, lat);
        if (await db.RepairCrews.AnyAsync(c => c.Utility == utility && c.Name == name, ct)) throw new RequestValidationException("name", "another crew has this name");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var crew = new RepairCrew(Guid.CreateVersion7(), utility, name, members, lon, lat, now);
        if (request.OnDuty == false) crew.Set(name, members, false);
        db.RepairCrews.Add(crew);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/repairs/crews/{crew.Id}", RepairViews.Crew(crew, null));
    }

    public static async Task<Ok<List<CrewView>>> List(string? utility, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var scope = await RepairSupport.ScopeAsync(access, user);
        var query = scope.Filter(db.RepairCrews.AsNoTracking(), c => c.Utility, c => "");
        if (!string.IsNullOrWhiteSpace(utility)) query = query.Where(c => c.Utility == utility);
        var crews = await query.OrderBy(c => c.Name).ToListAsync(ct);
        var ids = crews.Where(c => c.CurrentTicketId != null).Select(c => c.CurrentTicketId!.Value).ToList();
        var numbers = await db.RepairTickets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number, ct);
        return TypedResults.Ok(crews.Select(c => RepairViews.Crew(c, c.CurrentTicketId is { } t ? numbers.GetValueOrDefault(t) : null)).ToList());
    }

    public static async Task<Ok<CrewView>> Get(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var crew = await FindAsync(db, id, await RepairSupport.ScopeAsync(access, user), ct);
        return TypedResults.Ok(RepairViews.Crew(crew, await NumberAsync(db, crew, ct)));
    }

    /// <summary>Renames, changes members, goes on or off duty; coming on duty, a free crew takes the oldest waiting emergency.</summary>
    public static async Task<Ok<CrewView>> Update(Guid id, CrewRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access, IAccountDirectory accounts,
        TimeProvider clock, CancellationToken ct)
    {
        var crew = await FindAsync(db, id, await UnitScope.OfAsync(access, user, Permissions.InspectionsDispatch), ct);
        var (name, members) = await CheckAsync(request, accounts, ct);
        if (await db.RepairCrews.AnyAsync(c => c.Utility == crew.Utility && c.Name == name && c.Id != crew.Id, ct))
            throw new RequestValidationException("name", "another crew has this name");
        var onDuty = request.OnDuty ?? crew.OnDuty;
        if (!onDuty && crew.CurrentTicketId is not null) throw new DomainException("Crew busy", $"{crew.Name} is on a ticket; finish or hand it over first.");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        crew.Set(name, members, onDuty);
        if (request.Lon is { } lon && request.Lat is { } lat)
        {
            CheckPoint(lon, lat);
            crew.MoveTo(lon, lat, now);
        }
        await CrewDispatch.TakeWaitingAsync(db, crew, RepairSupport.Actor(user), now, ct);
        await SaveAsync(db, ct);
        return TypedResults.Ok(RepairViews.Crew(crew, await NumberAsync(db, crew, ct)));
    }

    /// <summary>Only a crew that never worked a ticket is removed; one with history goes off duty instead.</summary>
    public static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var crew = await FindAsync(db, id, await UnitScope.OfAsync(access, user, Permissions.InspectionsDispatch), ct);
        if (await db.RepairTickets.AnyAsync(t => t.CrewId == crew.Id, ct))
            throw new DomainException("Crew has tickets", $"{crew.Name} has worked tickets; set it off duty instead so its history keeps its name.");
        db.RepairCrews.Remove(crew);
        await SaveAsync(db, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CrewView>> Position(Guid id, PositionRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var crew = await FindAsync(db, id, await RepairSupport.ScopeAsync(access, user), ct);
        if (!RepairSupport.Members(crew).Contains(RepairSupport.Actor(user), StringComparer.Ordinal) && !await RepairSupport.IsDeskAsync(access, user))
            throw new ForbiddenException("Only the crew's members or the desk may move it.");
        if (request.Lon is not { } lon || request.Lat is not { } lat) throw new RequestValidationException("lon", "the position as lon/lat");
        CheckPoint(lon, lat);
        crew.MoveTo(lon, lat, clock.GetUtcNow().ToUnixTimeMilliseconds());
        await SaveAsync(db, ct);
        return TypedResults.Ok(RepairViews.Crew(crew, await NumberAsync(db, crew, ct)));
    }

    private static async Task<(string, string)> CheckAsync(CrewRequest request, IAccountDirectory accounts, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new RequestValidationException("name", "the crew's name (up to 100 characters)");
        var members = (request.Members ?? []).Select(m => m?.Trim() ?? "").Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var m in members)
        {
            if (m.Contains(',') || await accounts.ResolveAsync(m, ct) is null) throw new RequestValidationException("members", $"no account is called '{m}'");
        }
        var joined = string.Join(',', members);
        return joined.Length > 1000 ? throw new RequestValidationException("members", "too many members") : (name, joined);
    }

    private static void CheckPoint(double lon, double lat)
    {
        if (lon is < -180 or > 180 || lat is < -90 or > 90) throw new RequestValidationException("lon", "not a WGS 84 point");
    }

    private static async Task<RepairCrew> FindAsync(LinliDb db, Guid id, UnitScope scope, CancellationToken ct)
    {
        var crew = await db.RepairCrews.FirstOrDefaultAsync(c => c.Id == id, ct);
        return crew is not null && scope.CoversUnit(crew.Utility) ? crew : throw new NotFoundException($"No crew {id}.");
    }

    private static async Task<string?> NumberAsync(LinliDb db, RepairCrew crew, CancellationToken ct) =>
        crew.CurrentTicketId is { } t ? await db.RepairTickets.AsNoTracking().Where(x => x.Id == t).Select(x => x.Number).FirstOrDefaultAsync(ct) : null;

    private static async Task SaveAsync(LinliDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", "The crew changed meanwhile (a ticket took it?); reload and try again.");
        }
    }
}
