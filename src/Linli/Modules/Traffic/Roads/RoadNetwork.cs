using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

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

/// <summary>
/// The network held per node as ready <see cref="RouteLine"/>s (the network is tens of lines, and a
/// phone's locate must not cost a database read plus rebuilding every line). Several nodes run behind a
/// load balancer, so each checks a cheap revision of the table (count, newest update, sum of versions)
/// at most every <c>Linli:Traffic:NetworkRefreshSeconds</c> (5) and reloads when it moved; an import
/// on this node reloads at once through <see cref="Invalidate"/>.
/// </summary>
internal sealed class RoadNetwork(IDbContextFactory<LinliDb> dbFactory, IConfiguration configuration, ILogger<RoadNetwork> logger) : IRoadNetwork, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly long _refreshMs = (long)(configuration.GetValue("Linli:Traffic:NetworkRefreshSeconds", 5.0) * 1000);
    private volatile Snapshot? _snapshot;
    // Wall time for a cache's age, not TimeProvider: a frozen fake clock in tests must not freeze the cache.
    private long _checkedAt;
    private volatile bool _stale = true;

    /// <summary>One loaded carriageway with its bounding box in degrees.</summary>
    internal sealed record Carriageway(Expressway Road, RouteLine Line, Envelope Box);

    private sealed record Snapshot((int Count, long Newest, long Versions) Revision, IReadOnlyList<Carriageway> Lines,
        IReadOnlyDictionary<(string Code, string Direction), Carriageway> ByRoute);

    /// <summary>Forget the loaded network: the next question reloads it (after an import or a retirement on this node).</summary>
    public void Invalidate() => _stale = true;

    public void Dispose() => _gate.Dispose();

    public async Task<RoadPosition?> LocateAsync(double lon, double lat, double? headingDegrees, double maxOffsetMeters, CancellationToken ct) =>
        Locate((await CurrentAsync(ct)).Lines, lon, lat, headingDegrees, maxOffsetMeters);

    public async Task<RoadPosition?> PointAtAsync(string routeCode, string direction, double stakeMeters, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        if (!snapshot.ByRoute.TryGetValue((routeCode, direction), out var c) || c.Line.PointAtStake(stakeMeters) is not { } point)
        {
            return null;
        }
        return new RoadPosition(c.Road.Code, c.Road.Name, c.Road.Direction, c.Road.Operator, stakeMeters, point.X, point.Y, 0);
    }

    /// <summary>The active carriageways as loaded now (for pages that draw them).</summary>
    public async Task<IReadOnlyList<Carriageway>> CarriagewaysAsync(CancellationToken ct) => (await CurrentAsync(ct)).Lines;

    /// <summary>The nearest carriageway within the offset; public for the benchmark, which compares it with a scan of every line.</summary>
    public static RoadPosition? Locate(IReadOnlyList<Carriageway> lines, double lon, double lat, double? headingDegrees, double maxOffsetMeters)
    {
        RoadPosition? best = null;
        var bestScore = double.MaxValue;
        // Degrees of latitude and (at this latitude) longitude that the offset spans, to skip lines whose box is far.
        var dLat = maxOffsetMeters / 111_000.0;
        var dLon = dLat / Math.Max(0.01, Math.Cos(lat * Math.PI / 180));
        foreach (var (road, line, box) in lines)
        {
            if (lon < box.MinX - dLon || lon > box.MaxX + dLon || lat < box.MinY - dLat || lat > box.MaxY + dLat)
            {
                continue;
            }
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

    public static RouteLine LineOf(Expressway road) => new(road.Line, MarksOf(road));

    public static List<StakeMark> MarksOf(Expressway road) =>
        JsonSerializer.Deserialize<List<StakeMark>>(road.StakeMarksJson, JsonSerializerOptions.Web) ?? [];

    public static Carriageway Load(Expressway road) => new(road, LineOf(road), road.Line.EnvelopeInternal);

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        var now = Environment.TickCount64;
        if (snapshot is not null && !_stale && now - Interlocked.Read(ref _checkedAt) < _refreshMs)
        {
            return snapshot;
        }
        await _gate.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && !_stale && Environment.TickCount64 - Interlocked.Read(ref _checkedAt) < _refreshMs)
            {
                return snapshot; // another caller refreshed while this one waited
            }
            var forced = _stale;
            _stale = false; // an invalidation during this load is seen by the next caller
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Expressways.Select(e => new { e.UpdatedAtMs, e.Version }).ToListAsync(ct);
            var revision = (rows.Count, rows.Count == 0 ? 0 : rows.Max(r => r.UpdatedAtMs), rows.Sum(r => (long)r.Version));
            if (snapshot is null || forced || snapshot.Revision != revision)
            {
                var roads = await db.Expressways.AsNoTracking().Where(e => e.Active).OrderBy(e => e.Code).ThenBy(e => e.Direction).ToListAsync(ct);
                var lines = new List<Carriageway>(roads.Count);
                foreach (var road in roads)
                {
                    try
                    {
                        lines.Add(Load(road));
                    }
                    catch (Exception e) when (e is ArgumentException or JsonException)
                    {
                        // A row written around the importer must not take the whole network down.
                        logger.LogWarning(e, "Carriageway {Code} {Direction} is unusable and left out", road.Code, road.Direction);
                    }
                }
                snapshot = new Snapshot(revision, lines, lines.ToDictionary(c => (c.Road.Code, c.Road.Direction)));
                _snapshot = snapshot;
                logger.LogDebug("Road network loaded: {Count} carriageways", lines.Count);
            }
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
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
