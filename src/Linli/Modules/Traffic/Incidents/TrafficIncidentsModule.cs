using System.Security.Claims;
using Linli.Infrastructure.Auth;
using Linli.Modules.Traffic.Incidents.Crews;

namespace Linli.Modules.Traffic.Incidents;

/// <summary>Incident desk and crews: the control room of the operator (GS) and of the expressway police (JJ).</summary>
internal static class TrafficIncidentsModule
{
    public static WebApplicationBuilder AddTrafficIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IncidentIntake>();
        builder.Services.AddScoped<IncidentDesk>();
        builder.Services.AddScoped<ManageRoadCrews>();
        builder.Services.AddHostedService<IncidentDemoData>();
        return builder;
    }

    public static WebApplication MapTrafficIncidents(this WebApplication app)
    {
        var incidents = app.MapGroup("/api/v1/traffic/incidents").WithTags("Traffic");
        incidents.MapPost("/", async (ReportIncidentRequest request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
            {
                var view = await desk.ReportAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/traffic/incidents/{view.Id}", view);
            }).WithName("ReportTrafficIncident")
            .WithSummary("The desk logs a hotline call, a patrol's or a camera's report: lon/lat or route+direction+stake, category 2201–2204, lanesBlocked, description, callerName/callerPhone (encrypted in the case)")
            .RequireAuthorization(Policies.TrafficDispatch);
        incidents.MapGet("/", (string? status, string? route, string? from, string? to, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
                desk.ListAsync(user, status, route, from, to, ct)).WithName("ListTrafficIncidents")
            .WithSummary("Incidents within your scope, open first (oldest on top), with elapsed minutes and each target's due time and state; filters status (open or names, comma-separated), route, from/to (yyyy-MM-dd)")
            .RequireAuthorization(Policies.TrafficRead);
        incidents.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) => desk.GetAsync(id, user, ct))
            .WithName("GetTrafficIncident")
            .WithSummary("An incident with its targets, crews, the nearest free crews to send (same route by stake first) and its history")
            .RequireAuthorization(Policies.TrafficRead);
        incidents.MapPost("/{id:guid}/dispatch", (Guid id, DispatchIncidentRequest request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
                desk.DispatchAsync(id, request, user, ct)).WithName("DispatchTrafficIncident")
            .WithSummary("Send free crews (crewIds); 409 when one is busy elsewhere or off duty").RequireAuthorization(Policies.TrafficDispatch);
        incidents.MapPost("/{id:guid}/call-back", (Guid id, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) => desk.CallBackAsync(id, user, ct))
            .WithName("CallBackTrafficIncident").WithSummary("The desk called the reporter back (1315: within 3 minutes)")
            .RequireAuthorization(Policies.TrafficDispatch);
        incidents.MapPost("/{id:guid}/on-scene", (Guid id, CrewStepRequest? request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
                desk.OnSceneAsync(id, request ?? new CrewStepRequest(null), user, ct)).WithName("TrafficIncidentOnScene")
            .WithSummary("A crew is on scene (a member from the phone, or the desk; crewId optional); the first sets the time")
            .RequireAuthorization(Policies.TrafficWork);
        incidents.MapPost("/{id:guid}/lanes-clear", (Guid id, CrewStepRequest? request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
                desk.LanesClearAsync(id, request ?? new CrewStepRequest(null), user, ct)).WithName("TrafficIncidentLanesClear")
            .WithSummary("Every lane open again (a member from the phone, or the desk)").RequireAuthorization(Policies.TrafficWork);
        incidents.MapPost("/{id:guid}/close", (Guid id, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) => desk.CloseAsync(id, user, ct))
            .WithName("CloseTrafficIncident").WithSummary("Done; the crews are free again").RequireAuthorization(Policies.TrafficDispatch);
        incidents.MapPost("/{id:guid}/cancel", (Guid id, CancelIncidentRequest request, ClaimsPrincipal user, IncidentDesk desk, CancellationToken ct) =>
                desk.CancelAsync(id, request, user, ct)).WithName("CancelTrafficIncident")
            .WithSummary("A false alarm or duplicate, with a reason; the crews are free again").RequireAuthorization(Policies.TrafficDispatch);

        var crews = app.MapGroup("/api/v1/traffic/crews").WithTags("Traffic");
        crews.MapGet("/", (ClaimsPrincipal user, ManageRoadCrews manage, CancellationToken ct) => manage.ListAsync(user, ct))
            .WithName("ListRoadCrews").WithSummary("Crews within your scope with position, duty and current incident").RequireAuthorization(Policies.TrafficRead);
        crews.MapPost("/", async (RoadCrewRequest request, ClaimsPrincipal user, ManageRoadCrews manage, CancellationToken ct) =>
            {
                var crew = await manage.CreateAsync(request, user, ct);
                return TypedResults.Created($"/api/v1/traffic/crews/{crew.Id}", crew);
            }).WithName("CreateRoadCrew")
            .WithSummary("A crew of your unit: name, kind (patrol, clearance, police, rescue), members, base as route+direction+stake or lon/lat, onDuty")
            .RequireAuthorization(Policies.TrafficManage);
        crews.MapPut("/{id:guid}", (Guid id, RoadCrewRequest request, ClaimsPrincipal user, ManageRoadCrews manage, CancellationToken ct) =>
                manage.UpdateAsync(id, request, user, ct)).WithName("UpdateRoadCrew")
            .WithSummary("Rename, change kind or members, move the base, go on or off duty (409 while on an incident)").RequireAuthorization(Policies.TrafficManage);
        crews.MapPut("/{id:guid}/duty", (Guid id, CrewDutyRequest request, ClaimsPrincipal user, ManageRoadCrews manage, CancellationToken ct) =>
                manage.DutyAsync(id, request, user, ct)).WithName("SetRoadCrewDuty")
            .WithSummary("A member (or the desk) puts the crew on or off duty").RequireAuthorization(Policies.TrafficWork);
        crews.MapPut("/{id:guid}/position", (Guid id, CrewPositionRequest request, ClaimsPrincipal user, ManageRoadCrews manage, CancellationToken ct) =>
                manage.PositionAsync(id, request, user, ct)).WithName("MoveRoadCrew")
            .WithSummary("A member's phone reports the crew's position (lon/lat, heading); snapped to route and stake").RequireAuthorization(Policies.TrafficWork);
        return app;
    }
}
