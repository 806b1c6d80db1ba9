using Linli.Infrastructure.Auth;
using Linli.Modules.Inspections.Repairs.Crews;
using Linli.Modules.Inspections.Repairs.ListRepairs;
using Linli.Modules.Inspections.Repairs.ReportRepair;
using Linli.Modules.Inspections.Repairs.RepairSteps;

namespace Linli.Modules.Inspections.Repairs;

/// <summary>Emergency repairs and planned maintenance: crews, tickets and their steps. Registered from the rounds module.</summary>
internal static class RepairsModule
{
    public static WebApplicationBuilder AddRepairs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RepairSettings>();
        builder.Services.AddHostedService<RepairDemoData>();
        return builder;
    }

    public static WebApplication MapRepairs(this WebApplication app)
    {
        var repairs = app.MapGroup("/api/v1/repairs").WithTags("Repairs");
        var crews = repairs.MapGroup("/crews");
        crews.MapPost("/", ManageCrews.Create).WithName("CreateRepairCrew")
            .WithSummary("A crew of the desk's utility: name, members (user names), base lon/lat, onDuty").RequireAuthorization(Policies.InspectionsDispatch);
        crews.MapGet("/", ManageCrews.List).WithName("ListRepairCrews")
            .WithSummary("Crews of your utility with position, duty and current ticket").RequireAuthorization(Policies.RepairsWork);
        crews.MapGet("/{id:guid}", ManageCrews.Get).WithName("GetRepairCrew").RequireAuthorization(Policies.RepairsWork);
        crews.MapPut("/{id:guid}", ManageCrews.Update).WithName("UpdateRepairCrew")
            .WithSummary("Rename, change members, go on or off duty (a free crew coming on duty takes the oldest waiting emergency)")
            .RequireAuthorization(Policies.InspectionsDispatch);
        crews.MapDelete("/{id:guid}", ManageCrews.Delete).WithName("DeleteRepairCrew")
            .WithSummary("Remove a crew that never worked a ticket (409 otherwise: set it off duty)").RequireAuthorization(Policies.InspectionsDispatch);
        crews.MapPut("/{id:guid}/position", ManageCrews.Position).WithName("MoveRepairCrew")
            .WithSummary("A member reports the crew's position (lon/lat)").RequireAuthorization(Policies.RepairsWork);

        repairs.MapPost("/", ReportRepair.ReportRepair.Handle).WithName("ReportRepair")
            .WithSummary("Log an emergency (dispatched at once to the nearest free crew, else waiting) or planned maintenance (kind planned, plannedOn, crewId?)")
            .RequireAuthorization(Policies.RepairsWork);
        repairs.MapGet("/", ListRepairs.ListRepairs.List).WithName("ListRepairs")
            .WithSummary("Tickets newest first; filters status, kind, from/to (reported day), open=true; minutes to site and target met")
            .RequireAuthorization(Policies.RepairsWork);
        repairs.MapGet("/{id:guid}", ListRepairs.ListRepairs.Get).WithName("GetRepair")
            .WithSummary("A ticket with its time line").RequireAuthorization(Policies.RepairsWork);
        repairs.MapPost("/{id:guid}/dispatch", RepairSteps.RepairSteps.Dispatch).WithName("DispatchRepair")
            .WithSummary("The desk sends a crew (crewId, or the nearest free one); 409 when none is free or the step is out of order")
            .RequireAuthorization(Policies.RepairsWork);
        repairs.MapPost("/{id:guid}/arrive", RepairSteps.RepairSteps.Arrive).WithName("ArriveAtRepair")
            .WithSummary("The crew is on site (its members or the desk)").RequireAuthorization(Policies.RepairsWork);
        repairs.MapPost("/{id:guid}/made-safe", RepairSteps.RepairSteps.MakeSafe).WithName("MakeRepairSafe")
            .WithSummary("The danger is off (valve shut, area cleared)").RequireAuthorization(Policies.RepairsWork);
        repairs.MapPost("/{id:guid}/finish", RepairSteps.RepairSteps.Finish).WithName("FinishRepair")
            .WithSummary("Finished with a resolution; the crew frees up and takes the oldest waiting emergency").RequireAuthorization(Policies.RepairsWork);
        repairs.MapPost("/{id:guid}/cancel", RepairSteps.RepairSteps.Cancel).WithName("CancelRepair")
            .WithSummary("The desk cancels with a reason (a false alarm, a duplicate)").RequireAuthorization(Policies.RepairsWork);
        return app;
    }
}
