using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Roads;

/// <summary>A place on the network: carriageway, stake, the point on the line and how far the asked point lay off it.</summary>
public sealed record RoadPosition(string RouteCode, string RouteName, string Direction, string Operator, double StakeMeters, double Lon, double Lat,
    double OffsetMeters)
{
    public string Stake => Stakes.Format(StakeMeters);
}

/// <summary>GPS point ↔ route and stake over every active carriageway.</summary>
public interface IRoadNetwork
{
    /// <summary>
    /// The nearest carriageway within <paramref name="maxOffsetMeters"/>; with a heading (degrees from
    /// north) the one whose direction of travel agrees wins between two parallel carriageways.
    /// </summary>
    Task<RoadPosition?> LocateAsync(double lon, double lat, double? headingDegrees, double maxOffsetMeters, CancellationToken ct);

    /// <summary>The point of a stake on a carriageway, or null when the route, direction or stake is not on the network.</summary>
    Task<RoadPosition?> PointAtAsync(string routeCode, string direction, double stakeMeters, CancellationToken ct);
}

/// <summary>Reads the carriageways from the database on each question (the network is tens of lines).</summary>
internal sealed class RoadNetwork(IDbContextFactory<LinliDb> dbFactory) : IRoadNetwork
{
    public async Task<RoadPosition?> LocateAsync(double lon, double lat, double? headingDegrees, double maxOffsetMeters, CancellationToken ct)
    {
        RoadPosition? best = null;
        var bestScore = double.MaxValue;
        foreach (var (road, line) in await LinesAsync(null, null, ct))
        {
            var at = line.Project(lon, lat);
            if (at.OffsetMeters > maxOffsetMeters)
            {
                continue;
            }
            // A carriageway heading against the driver is 40 m "further" than it is: the two halves of a road lie ~20-40 m apart.
            var score = at.OffsetMeters + (headingDegrees is { } h && !Agrees(line, at.AlongMeters, h) ? 40 : 0);
            if (score < bestScore)
            {
                bestScore = score;
                best = new RoadPosition(road.Code, road.Name, road.Direction, road.Operator, at.StakeMeters, at.Lon, at.Lat, at.OffsetMeters);
            }
        }
        return best;
    }

    public async Task<RoadPosition?> PointAtAsync(string routeCode, string direction, double stakeMeters, CancellationToken ct)
    {
        foreach (var (road, line) in await LinesAsync(routeCode, direction, ct))
        {
            if (line.PointAtStake(stakeMeters) is { } point)
            {
                return new RoadPosition(road.Code, road.Name, road.Direction, road.Operator, stakeMeters, point.X, point.Y, 0);
            }
        }
        return null;
    }

    public static RouteLine LineOf(Expressway road) =>
        new(road.Line, JsonSerializer.Deserialize<List<StakeMark>>(road.StakeMarksJson, JsonSerializerOptions.Web) ?? []);

    private async Task<List<(Expressway Road, RouteLine Line)>> LinesAsync(string? code, string? direction, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Expressways.AsNoTracking().Where(e => e.Active);
        if (code is not null)
        {
            query = query.Where(e => e.Code == code);
        }
        if (direction is not null)
        {
            query = query.Where(e => e.Direction == direction);
        }
        return [.. (await query.ToListAsync(ct)).Select(e => (e, LineOf(e)))];
    }

    private static bool Agrees(RouteLine line, double along, double heading)
    {
        var a = line.PointAlong(Math.Max(0, along - 25));
        var b = line.PointAlong(Math.Min(line.LengthMeters, along + 25));
        var bearing = Math.Atan2((b.X - a.X) * Math.Cos(a.Y * Math.PI / 180), b.Y - a.Y) * 180 / Math.PI;
        var difference = Math.Abs(((heading - bearing) % 360 + 540) % 360 - 180);
        return difference <= 90;
    }
}
