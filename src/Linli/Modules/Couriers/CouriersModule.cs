using Linli.Modules.Couriers.Passes;
using Linli.Modules.Couriers.Riders;

namespace Linli.Modules.Couriers;

/// <summary>
/// Couriers and riders (新就业群体): registration and review, the courier pass (小哥码) online at a
/// site's poster and offline at a gate device, passages, complaints, and what the city offers riders.
/// </summary>
internal static class CouriersModule
{
    public static WebApplicationBuilder AddCouriers(this WebApplicationBuilder builder)
    {
        builder.AddCourierRegistry();
        builder.AddPassTokens();
        builder.AddRiderServices();
        return builder;
    }

    public static WebApplication MapCouriers(this WebApplication app)
    {
        app.MapCourierRegistry();
        app.MapPassTokens();
        app.MapRiderServices();
        return app;
    }
}
