using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Modules.Traffic.Roads;

/// <summary>Road network reference.</summary>
internal static class TrafficRoadsModule
{
    public static WebApplicationBuilder AddTrafficRoads(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IRoadNetwork, RoadNetwork>();
        return builder;
    }

    public static WebApplication MapTrafficRoads(this WebApplication app)
    {
        return app;
    }
}
