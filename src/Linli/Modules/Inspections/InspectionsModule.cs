using Linli.Modules.Inspections.Hazards;
using Linli.Modules.Inspections.Indicators;
using Linli.Modules.Inspections.Registry;
using Linli.Modules.Inspections.Rounds;

namespace Linli.Modules.Inspections;

/// <summary>
/// Inspections for a utility (the city gas group first): the registry of its users, frequency
/// rules and due inspections, inspectors' rounds, checklists on the phone, hazards through written
/// notice and rectification to re-inspection, emergency repairs, and the indicators.
/// </summary>
internal static class InspectionsModule
{
    public static WebApplicationBuilder AddInspections(this WebApplicationBuilder builder)
    {
        builder.AddInspectionRegistry();
        builder.AddInspectionHazards();
        builder.AddInspectionRounds();
        builder.AddInspectionIndicators();
        return builder;
    }

    public static WebApplication MapInspections(this WebApplication app)
    {
        app.MapInspectionRegistry();
        app.MapInspectionHazards();
        app.MapInspectionRounds();
        app.MapInspectionIndicators();
        return app;
    }
}
