using Linli.Infrastructure.Auth;
using Linli.Modules.Traffic.Roads.ImportRoutes;
using Linli.Modules.Traffic.Roads.ListRoutes;
using Linli.Modules.Traffic.Roads.LocateOnRoad;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Modules.Traffic.Roads;

/// <summary>
/// Road network reference: carriageways with stake numbers, their GeoJSON import and export, and
/// point ↔ route + stake. The two conversions are public (rate-limited) because drivers' phones ask
/// them before anyone signs in, and a stake on a road is what the roadside signs already say.
/// </summary>
internal static class TrafficRoadsModule
{
    public static WebApplicationBuilder AddTrafficRoads(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<RoadNetwork>();
        builder.Services.TryAddSingleton<IRoadNetwork>(sp => sp.GetRequiredService<RoadNetwork>());
        builder.Services.AddScoped<RouteImporter>();
        builder.Services.AddHostedService<RoadDemoData>();
        return builder;
    }

    public static WebApplication MapTrafficRoads(this WebApplication app)
    {
        var traffic = app.MapGroup("/api/v1/traffic").WithTags("Traffic: roads");
        traffic.MapPost("/routes/import", ImportRoutesEndpoint.Handle).WithName("ImportTrafficRoutes")
            .WithSummary("GeoJSON FeatureCollection of carriageways (LineString; properties code, name, direction up|down, operator, startStake, endStake?, stakeMarks?); all or nothing, 422 lists every bad feature; a known code+direction is redrawn")
            .RequireAuthorization(Policies.TrafficManage);
        traffic.MapGet("/routes", RouteQueries.List).WithName("ListTrafficRoutes")
            .WithSummary("Carriageways: code, name, direction, operator, first/last stake, length; retired ones with all=true").RequireAuthorization(Policies.TrafficRead);
        traffic.MapGet("/routes.geojson", RouteQueries.Export).WithName("ExportTrafficRoutes")
            .WithSummary("The active network as the import's GeoJSON (imports back unchanged)").RequireAuthorization(Policies.TrafficRead);
        traffic.MapGet("/routes/{code}", RouteQueries.Get).WithName("GetTrafficRoute")
            .WithSummary("A route's carriageways (both directions) with stake marks and districts").RequireAuthorization(Policies.TrafficRead);
        traffic.MapDelete("/routes/{code}/{direction}", RouteQueries.Retire).WithName("RetireTrafficRoute")
            .WithSummary("Retire a carriageway (it leaves locate and stake look-ups; importing it again brings it back)").RequireAuthorization(Policies.TrafficManage);
        traffic.MapGet("/locate", RoadLookups.Locate).WithName("LocateOnRoad")
            .WithSummary("GPS point (lon, lat, heading?, maxOffset?) → route, direction, stake K123+400 and the snapped point; 404 when no carriageway is near")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        traffic.MapGet("/routes/{code}/{direction}/stakes/{stake}", RoadLookups.PointAt).WithName("PointAtStake")
            .WithSummary("Route + direction + stake (K123+400 or metres) → the point; 400 for a malformed stake, 404 off the stretch")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        return app;
    }
}
