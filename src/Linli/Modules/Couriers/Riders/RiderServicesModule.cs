namespace Linli.Modules.Couriers.Riders;

/// <summary>Riders as mobile grid workers (leaderboard, public thanks) and the services the city offers them.</summary>
internal static class RiderServicesModule
{
    public static WebApplicationBuilder AddRiderServices(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapRiderServices(this WebApplication app)
    {
        return app;
    }
}
