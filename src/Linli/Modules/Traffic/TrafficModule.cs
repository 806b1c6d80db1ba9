using Linli.Modules.Traffic.Accidents;
using Linli.Modules.Traffic.Board;
using Linli.Modules.Traffic.Incidents;
using Linli.Modules.Traffic.Roads;

namespace Linli.Modules.Traffic;

/// <summary>
/// Expressway incidents and quick clearance (快处快撤): the road network reference with stake
/// numbers, drivers' self-service reports with the other party's confirmation, the incident desk
/// that sends crews against the 1315 and road-company targets, and the route board.
/// </summary>
internal static class TrafficModule
{
    public static WebApplicationBuilder AddTraffic(this WebApplicationBuilder builder)
    {
        builder.AddTrafficRoads();
        builder.AddTrafficAccidents();
        builder.AddTrafficIncidents();
        builder.AddTrafficBoard();
        return builder;
    }

    public static WebApplication MapTraffic(this WebApplication app)
    {
        app.MapTrafficRoads();
        app.MapTrafficAccidents();
        app.MapTrafficIncidents();
        app.MapTrafficBoard();
        return app;
    }
}
