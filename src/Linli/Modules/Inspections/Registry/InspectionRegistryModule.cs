namespace Linli.Modules.Inspections.Registry;

/// <summary>Inspections: the registry of users (import/export), frequency rules, due inspections.</summary>
internal static class InspectionRegistryModule
{
    public static WebApplicationBuilder AddInspectionRegistry(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapInspectionRegistry(this WebApplication app)
    {
        return app;
    }
}
