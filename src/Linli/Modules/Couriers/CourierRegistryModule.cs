namespace Linli.Modules.Couriers;

/// <summary>Registration with a verified phone, officers' review, complaints, sites and their passages.</summary>
internal static class CourierRegistryModule
{
    public static WebApplicationBuilder AddCourierRegistry(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapCourierRegistry(this WebApplication app)
    {
        return app;
    }
}
