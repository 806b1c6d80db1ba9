using Linli.Infrastructure.Errors;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Traffic.Accidents;

/// <summary>A place as the driver's phone shows it: "G60 沪昆高速 上行 K123+400".</summary>
public sealed record AccidentLocationView(string RouteCode, string RouteName, string Direction, string DirectionName, string Stake, double StakeMeters,
    double Lon, double Lat, double OffsetMeters, string Label)
{
    public static AccidentLocationView Of(RoadPosition p) => new(p.RouteCode, p.RouteName, p.Direction, Directions.ChineseName(p.Direction), p.Stake,
        p.StakeMeters, Math.Round(p.Lon, 6), Math.Round(p.Lat, 6), Math.Round(p.OffsetMeters, 1), LabelOf(p.RouteCode, p.RouteName, p.Direction, p.StakeMeters));

    public static string LabelOf(string code, string name, string direction, double stake) =>
        $"{code} {name} {Directions.ChineseName(direction)} {Stakes.Format(stake)}";
}

public sealed record LocateRequest(double? Lon, double? Lat, double? Heading, string? Route, string? Direction, string? Stake);

/// <summary>
/// GPS point (+ heading) → carriageway and stake; or, when the driver corrects it by hand, route +
/// direction + stake → the point. Off the network is a 400 on <c>location</c>.
/// </summary>
internal static class AccidentLocation
{
    public static async Task<Ok<AccidentLocationView>> Locate(LocateRequest request, IRoadNetwork roads, IConfiguration configuration, CancellationToken ct) =>
        TypedResults.Ok(AccidentLocationView.Of(await ResolveAsync(request, roads, AccidentSettings.Of(configuration), ct)));

    public static async Task<RoadPosition> ResolveAsync(LocateRequest request, IRoadNetwork roads, AccidentSettings settings, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.Stake))
        {
            var route = (request.Route ?? "").Trim().ToUpperInvariant();
            var direction = (request.Direction ?? "").Trim().ToLowerInvariant();
            if (route.Length == 0) throw new RequestValidationException("route", "is required with a stake (e.g. G60)");
            if (!Directions.All.Contains(direction)) throw new RequestValidationException("direction", "must be 'up' (上行) or 'down' (下行)");
            if (!Stakes.TryParse(request.Stake.Trim(), out var meters)) throw new RequestValidationException("stake", "is not a stake like K123+400");
            return await roads.PointAtAsync(route, direction, meters, ct)
                ?? throw new RequestValidationException("location", $"{route} {Directions.ChineseName(direction)} {Stakes.Format(meters)} is not on the expressway network");
        }
        if (request.Lon is not { } lon || request.Lat is not { } lat)
        {
            throw new RequestValidationException("location", "send the phone's position (lon, lat) or the route, direction and stake");
        }
        if (lon is < -180 or > 180 || lat is < -90 or > 90 || double.IsNaN(lon) || double.IsNaN(lat))
        {
            throw new RequestValidationException("location", "lon/lat are not a position on Earth");
        }
        var heading = request.Heading is { } h && double.IsFinite(h) && h >= 0 && h < 360 ? h : (double?)null;
        return await roads.LocateAsync(lon, lat, heading, settings.MaxOffsetMeters, ct)
            ?? throw new RequestValidationException("location",
                $"this position is not on an expressway (more than {settings.MaxOffsetMeters:0} m from every carriageway); quick handling is for expressways — call 122 elsewhere");
    }
}
