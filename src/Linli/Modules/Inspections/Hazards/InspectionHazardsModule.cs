namespace Linli.Modules.Inspections.Hazards;

/// <summary>Inspections: checklists, recording an inspection, hazards, notices, escalation.</summary>
internal static class InspectionHazardsModule
{
    public static WebApplicationBuilder AddInspectionHazards(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapInspectionHazards(this WebApplication app)
    {
        return app;
    }
}
