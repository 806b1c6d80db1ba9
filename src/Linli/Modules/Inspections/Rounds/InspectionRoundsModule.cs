namespace Linli.Modules.Inspections.Rounds;

/// <summary>Inspections: inspectors' rounds and repairs.</summary>
internal static class InspectionRoundsModule
{
    public static WebApplicationBuilder AddInspectionRounds(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapInspectionRounds(this WebApplication app)
    {
        return app;
    }
}
