using Linli.Infrastructure.Auth;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>Inspections: indicators per district and inspector.</summary>
internal static class InspectionIndicatorsModule
{
    private const string Query = "Period from/to as yyyy-MM-dd in China time (default: this month), both days included; utility and district (6 digits) narrow it. ";

    public static WebApplicationBuilder AddInspectionIndicators(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Contracts.IInspectionFacts, InspectionFacts>();
        return builder;
    }

    public static WebApplication MapInspectionIndicators(this WebApplication app)
    {
        var indicators = app.MapGroup("/api/v1/inspections/indicators").WithTags("Inspections");
        indicators.MapGet("/", GetIndicators.Handle).WithName("GetInspectionIndicators")
            .WithSummary("Plan completion, hazards found (general/major), rectified on time, emergency repair times and users overdue, "
                + "as a total and per district, inspector and crew, within your utility or districts")
            .WithDescription(Query + "Plan: periodic inspections due in the period (not cancelled), done, done by the due day. "
                + "Rectification: hazards whose deadline is in the period; on-time rate = on time / (on time + late + open past deadline). "
                + "Repairs: emergencies reported in the period; median and p90 are nearest-rank percentiles (the value at rank ceil(p/100 x n) "
                + "of the sorted minutes, so the median of an even count is the lower middle); the target share counts tickets on site within "
                + "their target of those on site or already past it. Users overdue: active users now with an open periodic inspection due "
                + "before today or a next due day before today. Per inspector: the inspections planned for or completed by them, the hazards they found; "
                + "per crew: the emergencies dispatched to it; per district: by the user's (or the ticket's) region code.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.InspectionsRead);
        indicators.MapGet("/export", GetIndicators.Export).WithName("ExportInspectionIndicators")
            .WithSummary("The same table as a spreadsheet: format=xlsx (default) or csv")
            .WithDescription(Query)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.InspectionsRead);
        return app;
    }
}
