using Linli.Infrastructure.Errors;
using Linli.Modules.Traffic.Roads.ImportRoutes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Traffic.Roads.LocateOnRoad;

/// <summary>Where on the network: route, direction, stake as text and metres, the point on the carriageway and how far the asked point lay off it.</summary>
public sealed record RoadPlace(string Route, string Name, string Direction, string Operator, string Stake, double StakeMeters, double Lon, double Lat,
    double OffsetMeters);

/// <summary>GPS point → route and stake, and back; public for drivers' phones, rate-limited.</summary>
internal static class RoadLookups
{
    /// <summary>The default search radius (<c>Linli:Traffic:MaxOffsetMeters</c>), and the most a caller may widen it to.</summary>
    public const double DefaultMaxOffset = 150;
    public const double WidestOffset = 500;

    public static async Task<Ok<RoadPlace>> Locate(double? lon, double? lat, double? heading, double? maxOffset, IRoadNetwork network,
        IConfiguration configuration, CancellationToken ct)
    {
        if (lon is not { } x || !double.IsFinite(x) || x is < -180 or > 180)
        {
            throw new RequestValidationException("lon", "a WGS 84 longitude between -180 and 180");
        }
        if (lat is not { } y || !double.IsFinite(y) || y is < -85 or > 85)
        {
            throw new RequestValidationException("lat", "a WGS 84 latitude between -85 and 85");
        }
        if (heading is { } h && (!double.IsFinite(h) || h < 0 || h >= 360))
        {
            throw new RequestValidationException("heading", "degrees clockwise from north, 0 to 360");
        }
        var radius = maxOffset ?? configuration.GetValue("Linli:Traffic:MaxOffsetMeters", DefaultMaxOffset);
        if (!double.IsFinite(radius) || radius <= 0 || radius > WidestOffset)
        {
            throw new RequestValidationException("maxOffset", $"metres, more than 0 and at most {WidestOffset:0}");
        }
        var at = await network.LocateAsync(x, y, heading, radius, ct)
            ?? throw new NotFoundException($"No expressway carriageway within {radius:0} m of the point.");
        return TypedResults.Ok(Place(at));
    }

    public static async Task<Ok<RoadPlace>> PointAt(string code, string direction, string stake, RoadNetwork network, CancellationToken ct)
    {
        var way = RouteGeoJson.DirectionOf(direction) ?? throw new RequestValidationException("direction", "up or down (上行 or 下行)");
        var meters = RouteGeoJson.StakeOf(Uri.UnescapeDataString(stake)) ?? throw new RequestValidationException("stake", "a stake such as K123+400, or metres");
        var route = code.Trim().ToUpperInvariant();
        var at = await network.PointAtAsync(route, way, meters, ct);
        if (at is null)
        {
            var lines = await network.CarriagewaysAsync(ct);
            var line = lines.FirstOrDefault(c => c.Road.Code == route && c.Road.Direction == way)
                ?? throw new NotFoundException($"No carriageway {route} {way} on the network.");
            var (low, high) = (Math.Min(line.Line.FirstStake, line.Line.LastStake), Math.Max(line.Line.FirstStake, line.Line.LastStake));
            throw new NotFoundException($"{Stakes.Format(meters)} is off {route} {way}, which runs {Stakes.Format(low)} to {Stakes.Format(high)}.");
        }
        return TypedResults.Ok(Place(at));
    }

    public static RoadPlace Place(RoadPosition at) => new(at.RouteCode, at.RouteName, at.Direction, at.Operator, at.Stake, Math.Round(at.StakeMeters, 1),
        Math.Round(at.Lon, 7), Math.Round(at.Lat, 7), Math.Round(at.OffsetMeters, 1));
}
