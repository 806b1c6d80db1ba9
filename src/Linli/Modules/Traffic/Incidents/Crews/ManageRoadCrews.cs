using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Incidents.Crews;

/// <summary>A crew: name, kind (patrol, clearance, police, rescue), members (user names), base as route+direction+stake or lon/lat.</summary>
public sealed record RoadCrewRequest(string? Name, string? Kind, IReadOnlyList<string>? Members, string? Route, string? Direction, string? Stake,
    double? Lon, double? Lat, bool? OnDuty, string? Unit);

public sealed record CrewPositionRequest(double? Lon, double? Lat, double? Heading);

public sealed record CrewDutyRequest(bool? OnDuty);

/// <summary>
/// The control room keeps its unit's crews (traffic:manage); a member reports the crew's position and
/// goes on or off duty from the phone (traffic:work), as may the control room.
/// </summary>
public sealed class ManageRoadCrews(LinliDb db, IAccessControl access, IConfiguration configuration, IAccountDirectory accounts, IRoadNetwork roads,
    TimeProvider clock)
{
    public async Task<List<CrewView>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficRead, configuration);
        var crews = await scope.Filter(db.RoadCrews.AsNoTracking(), c => c.Unit, c => "").OrderBy(c => c.Unit).ThenBy(c => c.Name).ToListAsync(ct);
        return crews.Select(IncidentViews.Crew).ToList();
    }

    /// <summary>The crews the user rides with (their member list names them).</summary>
    public async Task<List<CrewView>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var name = user.Identity?.Name ?? "";
        var candidates = await db.RoadCrews.AsNoTracking().Where(c => c.Members.Contains(name)).ToListAsync(ct);
        return candidates.Where(c => c.HasMember(name)).Select(IncidentViews.Crew).ToList();
    }

    public async Task<CrewView> CreateAsync(RoadCrewRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficManage, configuration);
        var unit = scope.UnitFor(request.Unit?.Trim(), TrafficScope.DefaultOperator, "unit");
        var (name, kind, members) = await CheckAsync(request, ct);
        if (await db.RoadCrews.AnyAsync(c => c.Unit == unit && c.Name == name, ct)) throw new RequestValidationException("name", "another crew has this name");
        var at = await PlaceAsync(request.Route, request.Direction, request.Stake, request.Lon, request.Lat, null, ct)
            ?? throw new RequestValidationException("location", "the crew's base: route, direction and stake, or lon/lat on a carriageway");
        var crew = new RoadCrew(Guid.CreateVersion7(), unit, name, kind, members, at.RouteCode, at.StakeMeters, at.Lon, at.Lat);
        if (request.OnDuty == false) crew.Update(name, kind, members, false);
        db.RoadCrews.Add(crew);
        db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", "created", Actor(user), name, Now()));
        await db.SaveChangesAsync(ct);
        return IncidentViews.Crew(crew);
    }

    public async Task<CrewView> UpdateAsync(Guid id, RoadCrewRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var crew = await FindAsync(id, await TrafficScope.OfAsync(access, user, Permissions.TrafficManage, configuration), ct);
        var (name, kind, members) = await CheckAsync(request, ct);
        if (await db.RoadCrews.AnyAsync(c => c.Unit == crew.Unit && c.Name == name && c.Id != crew.Id, ct))
            throw new RequestValidationException("name", "another crew has this name");
        var onDuty = request.OnDuty ?? crew.OnDuty;
        if (!onDuty && crew.IncidentId is not null) throw new DomainException("Crew busy", $"{crew.Name} is on an incident; close it first.");
        crew.Update(name, kind, members, onDuty);
        if (await PlaceAsync(request.Route, request.Direction, request.Stake, request.Lon, request.Lat, null, ct) is { } at)
        {
            crew.MoveTo(at.RouteCode, at.StakeMeters, at.Lon, at.Lat, Now());
        }
        db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", "updated", Actor(user), null, Now()));
        await SaveAsync(ct);
        return IncidentViews.Crew(crew);
    }

    public async Task<CrewView> DutyAsync(Guid id, CrewDutyRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var crew = await MemberOrDeskAsync(id, user, ct);
        if (request.OnDuty is not { } onDuty) throw new RequestValidationException("onDuty", "true or false");
        if (!onDuty && crew.IncidentId is not null) throw new DomainException("Crew busy", $"{crew.Name} is on an incident; it goes off duty once that is closed.");
        crew.Update(crew.Name, crew.Kind, crew.Members, onDuty);
        db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", onDuty ? "on-duty" : "off-duty", Actor(user), null, Now()));
        await SaveAsync(ct);
        return IncidentViews.Crew(crew);
    }

    public async Task<CrewView> PositionAsync(Guid id, CrewPositionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var crew = await MemberOrDeskAsync(id, user, ct);
        if (request.Lon is null || request.Lat is null) throw new RequestValidationException("location", "the position as lon/lat");
        var at = await PlaceAsync(null, null, null, request.Lon, request.Lat, request.Heading, ct)
            ?? throw new RequestValidationException("location", "the position as lon/lat");
        crew.MoveTo(at.RouteCode, at.StakeMeters, at.Lon, at.Lat, Now());
        await SaveAsync(ct);
        return IncidentViews.Crew(crew);
    }

    private async Task<RoadCrew> MemberOrDeskAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var crew = await FindAsync(id, await TrafficScope.OfAsync(access, user, Permissions.TrafficWork, configuration), ct);
        if (!crew.HasMember(Actor(user)) && !(await TrafficScope.OfAsync(access, user, Permissions.TrafficDispatch, configuration)).CoversUnit(crew.Unit))
        {
            throw new ForbiddenException("Only the crew's members or its control room may do this.");
        }
        return crew;
    }

    /// <summary>Null when nothing is given; 400 <c>location</c> when what is given is not on the network.</summary>
    private async Task<RoadPosition?> PlaceAsync(string? route, string? direction, string? stake, double? lon, double? lat, double? heading, CancellationToken ct)
    {
        if (lon is { } x && lat is { } y)
        {
            if (x is < -180 or > 180 || y is < -90 or > 90) throw new RequestValidationException("location", "lon/lat is not a WGS 84 point");
            var maxOffset = configuration.GetValue("Linli:Traffic:MaxOffsetMeters", 150.0);
            return await roads.LocateAsync(x, y, heading, maxOffset, ct)
                ?? throw new RequestValidationException("location", $"the point is more than {maxOffset:0} m from every expressway carriageway");
        }
        if (string.IsNullOrWhiteSpace(route)) return null;
        var dir = direction?.Trim().ToLowerInvariant() ?? Directions.Up;
        if (!Directions.All.Contains(dir)) throw new RequestValidationException("direction", "up or down");
        if (!Stakes.TryParse(stake, out var meters)) throw new RequestValidationException("stake", "a stake such as K123+400");
        return await roads.PointAtAsync(route.Trim().ToUpperInvariant(), dir, meters, ct)
            ?? throw new RequestValidationException("location", $"{route} {dir} {stake} is not on the network");
    }

    private async Task<(string, string, string)> CheckAsync(RoadCrewRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new RequestValidationException("name", "the crew's name (up to 100 characters)");
        var kind = request.Kind?.Trim().ToLowerInvariant() ?? "";
        if (!CrewKinds.All.Contains(kind)) throw new RequestValidationException("kind", $"one of {string.Join(", ", CrewKinds.All)}");
        var members = (request.Members ?? []).Select(m => m?.Trim() ?? "").Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var m in members)
        {
            if (m.Contains(',') || await accounts.ResolveAsync(m, ct) is null) throw new RequestValidationException("members", $"no account is called '{m}'");
        }
        var joined = string.Join(',', members);
        return joined.Length > 1000 ? throw new RequestValidationException("members", "too many members") : (name, kind, joined);
    }

    private async Task<RoadCrew> FindAsync(Guid id, UnitScope scope, CancellationToken ct)
    {
        var crew = await db.RoadCrews.FirstOrDefaultAsync(c => c.Id == id, ct);
        return crew is not null && scope.CoversUnit(crew.Unit) ? crew : throw new NotFoundException($"No crew {id}.");
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", "The crew was changed by someone else at the same moment; reload and try again.");
        }
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
