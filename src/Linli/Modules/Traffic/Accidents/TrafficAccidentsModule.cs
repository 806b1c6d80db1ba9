namespace Linli.Modules.Traffic.Accidents;

/// <summary>Drivers' self-service reports.</summary>
internal static class TrafficAccidentsModule
{
    public static WebApplicationBuilder AddTrafficAccidents(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTrafficAccidents(this WebApplication app)
    {
        return app;
    }
}
