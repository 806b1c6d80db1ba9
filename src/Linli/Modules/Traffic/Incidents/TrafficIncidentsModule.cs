namespace Linli.Modules.Traffic.Incidents;

/// <summary>Incident desk and crews.</summary>
internal static class TrafficIncidentsModule
{
    public static WebApplicationBuilder AddTrafficIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentIntake>();
        return builder;
    }

    public static WebApplication MapTrafficIncidents(this WebApplication app)
    {
        return app;
    }
}
