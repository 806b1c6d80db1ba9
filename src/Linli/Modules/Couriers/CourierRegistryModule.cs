using Linli.Infrastructure.Auth;
using Linli.Modules.Couriers.Gate;

namespace Linli.Modules.Couriers;

/// <summary>Registration with a verified phone, officers' review, complaints, sites and their passages.</summary>
internal static class CourierRegistryModule
{
    public static WebApplicationBuilder AddCourierRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IGateFeed, SignalRGateFeed>();
        return builder;
    }

    public static WebApplication MapCourierRegistry(this WebApplication app)
    {
        // Who may join a site's group is decided inside (the site's guards, staff keeping it).
        app.MapHub<GateHub>(GateHub.Route).RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
