using Linli.Infrastructure.Auth;
using Linli.Modules.Inspections.Repairs;
using Linli.Modules.Inspections.Rounds.AssignVisit;
using Linli.Modules.Inspections.Rounds.ListRounds;
using Linli.Modules.Inspections.Rounds.PlanRounds;

namespace Linli.Modules.Inspections.Rounds;

/// <summary>Inspections: inspectors' rounds (planning, reassignment, the dispatcher's map) and repairs.</summary>
internal static class InspectionRoundsModule
{
    public static WebApplicationBuilder AddInspectionRounds(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoundSettings>();
        builder.AddRepairs();
        return builder;
    }

    public static WebApplication MapInspectionRounds(this WebApplication app)
    {
        var rounds = app.MapGroup("/api/v1/inspections/rounds").WithTags("Inspections");
        rounds.MapPost("/plan", PlanRounds.PlanRounds.Handle).WithName("PlanInspectionRounds")
            .WithSummary("Plan a day's rounds from the due list (overdue first), balanced across inspectors, ordered by nearest neighbour + 2-opt; " +
                "visits started or done stay").RequireAuthorization(Policies.InspectionsDispatch);
        rounds.MapGet("/", ListRounds.ListRounds.All).WithName("ListInspectionRounds")
            .WithSummary("Every inspector's round of a day (date, default today)").RequireAuthorization(Policies.InspectionsDispatch);
        rounds.MapGet("/mine", ListRounds.ListRounds.Mine).WithName("MyInspectionRound")
            .WithSummary("Your own round of a day").RequireAuthorization(Policies.InspectionsRead);
        app.MapPost("/api/v1/inspections/{id:guid}/assign", AssignVisit.AssignVisit.Handle).WithName("AssignInspection").WithTags("Inspections")
            .WithSummary("Move a visit to an inspector and day; both rounds are ordered again").RequireAuthorization(Policies.InspectionsDispatch);
        app.MapRepairs();
        return app;
    }
}
