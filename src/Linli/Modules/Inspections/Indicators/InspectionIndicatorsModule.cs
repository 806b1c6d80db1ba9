namespace Linli.Modules.Inspections.Indicators;

/// <summary>Inspections: indicators per district and inspector.</summary>
internal static class InspectionIndicatorsModule
{
    public static WebApplicationBuilder AddInspectionIndicators(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapInspectionIndicators(this WebApplication app)
    {
        return app;
    }
}
