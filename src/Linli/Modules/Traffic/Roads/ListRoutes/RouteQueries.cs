using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads.ImportRoutes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Roads.ListRoutes;

/// <summary>One carriageway in a list: stakes as text and metres, length in metres.</summary>
public sealed record RouteView(string Code, string Name, string Direction, string Operator, string FirstStake, double FirstStakeMeters,
    string LastStake, double LastStakeMeters, double LengthMeters, bool Active, long UpdatedAtMs);

/// <summary>A calibration mark: metres along the line, the stake there and its point.</summary>
public sealed record StakeMarkView(double Along, string Stake, double StakeMeters, double Lon, double Lat);

/// <summary>One carriageway in full: its list row, marks, districts crossed and the line as [lon, lat] pairs.</summary>
public sealed record CarriagewayView(RouteView Route, IReadOnlyList<StakeMarkView> Marks, IReadOnlyList<string> DistrictCodes, int Version,
    IReadOnlyList<double[]> Line);

/// <summary>A route with both its directions.</summary>
public sealed record RouteDetail(string Code, string Name, IReadOnlyList<CarriagewayView> Carriageways);

/// <summary>The network as staff read it (straight from the table, retired lines too on request), its export, and retiring a line.</summary>
internal static class RouteQueries
{
    public static async Task<Ok<List<RouteView>>> List(bool? all, LinliDb db, CancellationToken ct)
    {
        var query = db.Expressways.AsNoTracking();
        if (all != true)
        {
            query = query.Where(e => e.Active);
        }
        var roads = await query.OrderBy(e => e.Code).ThenBy(e => e.Direction).ToListAsync(ct);
        return TypedResults.Ok(roads.Select(r => View(r, RoadNetwork.LineOf(r))).ToList());
    }

    public static async Task<Ok<RouteDetail>> Get(string code, LinliDb db, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var roads = await db.Expressways.AsNoTracking().Where(e => e.Code == normalized).OrderBy(e => e.Direction).ToListAsync(ct);
        if (roads.Count == 0)
        {
            throw new NotFoundException($"No route {normalized} on the network.");
        }
        var carriageways = roads.Select(r =>
        {
            var line = RoadNetwork.LineOf(r);
            return new CarriagewayView(View(r, line), MarksOf(line, RoadNetwork.MarksOf(r)),
                r.DistrictCodes?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], r.Version,
                [.. r.Line.Coordinates.Select(c => new[] { Math.Round(c.X, 7), Math.Round(c.Y, 7) })]);
        }).ToList();
        return TypedResults.Ok(new RouteDetail(normalized, roads[0].Name, carriageways));
    }

    /// <summary>The import's format and property names; interior marks become stakeMarks with their points, so the file imports back.</summary>
    public static async Task<FileContentHttpResult> Export(LinliDb db, CancellationToken ct)
    {
        var roads = await db.Expressways.AsNoTracking().Where(e => e.Active).OrderBy(e => e.Code).ThenBy(e => e.Direction).ToListAsync(ct);
        var features = roads.Select(r =>
        {
            var line = RoadNetwork.LineOf(r);
            var interior = RoadNetwork.MarksOf(r).Where(m => m.Along > 0.5 && m.Along < line.LengthMeters - 0.5);
            return new
            {
                type = "Feature",
                properties = new
                {
                    code = r.Code, name = r.Name, direction = r.Direction, @operator = r.Operator,
                    startStake = StakeText(line.FirstStake), endStake = StakeText(line.LastStake),
                    stakeMarks = interior.Select(m =>
                    {
                        var p = line.PointAlong(m.Along);
                        return new { stake = StakeText(m.Stake), lon = Math.Round(p.X, 7), lat = Math.Round(p.Y, 7) };
                    }).ToList(),
                },
                geometry = new { type = "LineString", coordinates = r.Line.Coordinates.Select(c => new[] { Math.Round(c.X, 7), Math.Round(c.Y, 7) }) },
            };
        });
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { type = "FeatureCollection", features });
        return TypedResults.File(bytes, "application/geo+json", "linli-expressways.geojson");
    }

    public static async Task<NoContent> Retire(string code, string direction, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IConfiguration configuration, RoadNetwork network, TimeProvider clock, CancellationToken ct)
    {
        var way = RouteGeoJson.DirectionOf(direction) ?? throw new RequestValidationException("direction", "up or down (上行 or 下行)");
        var normalized = code.Trim().ToUpperInvariant();
        var road = await db.Expressways.SingleOrDefaultAsync(e => e.Code == normalized && e.Direction == way, ct)
            ?? throw new NotFoundException($"No carriageway {normalized} {way}.");
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficManage, configuration);
        if (!scope.CoversUnit(road.Operator))
        {
            throw new ForbiddenException($"{road.Code} {road.Direction} is run by {road.Operator}, not your unit.");
        }
        if (road.Active)
        {
            var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            road.Retire(nowMs);
            db.TrafficEvents.Add(new TrafficEvent(road.Id, "route", "retired", RouteImporter.Actor(user), $"{road.Code} {road.Direction}", nowMs));
            await db.SaveChangesAsync(ct);
            network.Invalidate();
        }
        return TypedResults.NoContent();
    }

    public static RouteView View(Expressway r, RouteLine line) => new(r.Code, r.Name, r.Direction, r.Operator,
        Stakes.Format(line.FirstStake), Math.Round(line.FirstStake, 1), Stakes.Format(line.LastStake), Math.Round(line.LastStake, 1),
        Math.Round(r.LengthMeters, 1), r.Active, r.UpdatedAtMs);

    private static List<StakeMarkView> MarksOf(RouteLine line, IEnumerable<StakeMark> marks) => [.. marks.Select(m =>
    {
        var p = line.PointAlong(m.Along);
        return new StakeMarkView(Math.Round(m.Along, 1), Stakes.Format(m.Stake), Math.Round(m.Stake, 1), Math.Round(p.X, 7), Math.Round(p.Y, 7));
    })];

    /// <summary>K123+400, or K123+400.5 when the stake is not a whole metre (so an export keeps what was imported).</summary>
    private static string StakeText(double meters)
    {
        var tenths = Math.Round(meters, 1);
        return Math.Abs(tenths - Math.Round(tenths)) < 0.05 ? Stakes.Format(tenths)
            : $"K{(long)(tenths / 1000)}+{(tenths % 1000).ToString("000.0", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
