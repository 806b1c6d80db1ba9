using Linli.Infrastructure.Auth;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Units;

namespace Linli.Modules.Cases;

/// <summary>
/// The closed loop of cases. So far: the taxonomy with its time limits, the working calendar and
/// its deadline arithmetic, and the units that handle cases with their routing.
/// </summary>
internal static class CasesModule
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddSingleton<CategoryCatalog>();
        builder.Services.AddSingleton<Classification.CategorySuggester>();
        builder.Services.AddHostedService<Classification.CategoryModelWarmUp>();
        builder.Services.AddHealthChecks().AddCheck<Classification.CategoryModelHealthCheck>("category-model", tags: ["ready"]);
        builder.Services.AddSingleton<Duplicates.ReportReader>();
        builder.Services.AddSingleton<ReportCase.IntakeWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReportCase.IntakeWriter>());
        builder.Services.AddScoped<ReportCase.CaseIntake>();
        builder.Services.AddScoped<Contracts.ICaseIntake>(services => services.GetRequiredService<ReportCase.CaseIntake>());
        builder.Services.AddScoped<Contracts.ICaseDirectory, QueryCases.CaseDirectory>();
        builder.Services.AddSingleton<Contracts.IReportStats, Reporters.ReportStats>();
        builder.Services.AddScoped<Contracts.ICaseNotes, ActOnCase.CaseNotes>();
        builder.Services.AddSingleton<UnitRouter>();
        builder.Services.AddSingleton<Contracts.IRegionCaseFacts, RegionFacts.RegionCaseFacts>();
        builder.Services.AddHostedService<ReferenceData>();
        builder.Services.AddHostedService<Indicators.CaseGauges>();
        builder.Services.AddSingleton<Infrastructure.Background.LeaseCoordinator>();
        var files = builder.Configuration["Linli:FilesPath"] ?? "data/files";
        builder.Services.AddSingleton<Infrastructure.Files.IFileStore>(new Infrastructure.Files.LocalFileStore(
            Path.IsPathRooted(files) ? files : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, files))));
        builder.Services.AddSingleton<EscalateOverdueCases.EscalationSweep>();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<Notifications.CaseNotifier>();
        builder.Services.AddHostedService<EscalateOverdueCases.EscalationWorker>();
        builder.Services.AddSingleton<Contracts.ICaseMilestones, Targets.CaseMilestoneStore>();
        builder.Services.AddSingleton<Targets.TargetSweep>();
        builder.Services.AddHostedService<Targets.TargetWorker>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        var categories = app.MapGroup("/api/v1/categories").WithTags("Cases");
        categories.MapGet("/", CategoryEndpoints.List).WithName("ListCategories")
            .WithSummary("The taxonomy as a tree: major classes with their minor classes (names by Accept-Language)")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        categories.MapGet("/export", CategoryEndpoints.Export).WithName("ExportCategories")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        categories.MapGet("/{code}", CategoryEndpoints.Get).WithName("GetCategory")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        categories.MapPost("/import", CategoryEndpoints.Import).WithName("ImportCategories")
            .WithSummary("Replace the whole taxonomy with a JSON document, all or nothing")
            .RequireAuthorization(Policies.ConfigManage);
        categories.MapPut("/{code}", CategoryEndpoints.Put).WithName("PutCategory")
            .RequireAuthorization(Policies.ConfigManage);

        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Cases");
        calendar.MapGet("/deadline", CalendarEndpoints.Deadline).WithName("ComputeDeadline")
            .WithSummary("When a limit that starts at 'start' runs out, on the working calendar")
            .RequireAuthorization(Policies.SignedIn);
        calendar.MapGet("/{year:int}", CalendarEndpoints.Get).WithName("GetCalendarYear").RequireAuthorization(Policies.SignedIn);
        calendar.MapPut("/{year:int}", CalendarEndpoints.Put).WithName("PutCalendarYear").RequireAuthorization(Policies.ConfigManage);

        var units = app.MapGroup("/api/v1/units").WithTags("Cases");
        units.MapGet("/", UnitEndpoints.List).WithName("ListUnits").RequireAuthorization(Policies.UnitsRead);
        units.MapGet("/route", UnitEndpoints.Route).WithName("RouteCase")
            .WithSummary("The unit a case of a category at a grid (or point) goes to, and why").RequireAuthorization(Policies.UnitsRead);
        units.MapGet("/{code}", UnitEndpoints.Get).WithName("GetUnit").RequireAuthorization(Policies.UnitsRead);
        units.MapPost("/", UnitEndpoints.Create).WithName("CreateUnit").RequireAuthorization(Policies.ConfigManage);
        units.MapPut("/{code}", UnitEndpoints.Update).WithName("UpdateUnit").RequireAuthorization(Policies.ConfigManage);
        units.MapDelete("/{code}", UnitEndpoints.Delete).WithName("DeleteUnit").RequireAuthorization(Policies.ConfigManage);
        units.MapPut("/grid-defaults/{gridCode}", UnitEndpoints.SetGridDefault).WithName("SetGridDefaultUnit")
            .WithSummary("The unit a grid falls back on (属地兜底)").RequireAuthorization(Policies.ConfigManage);

        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases");
        cases.MapPost("/", ReportCase.ReportCase.Handle).WithName("ReportCase")
            .WithSummary("Report a problem (no account needed); Idempotency-Key makes retries safe")
            .Accepts<ReportCase.ReportCaseRequest>("application/json", "multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(100L << 20))
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        if (app.Configuration.GetValue("Linli:BenchEndpoints", false))
        {
            app.MapPost("/api/v1/bench/parse-report", ReportCase.ParseReportOnly.Handle).WithTags("Bench").ExcludeFromDescription()
                .DisableAntiforgery().RequireAuthorization(Policies.Public);
        }
        cases.MapPost("/suggest", Classification.SuggestCategory.Handle).WithName("SuggestCategory")
            .WithSummary("The three minor categories the words of a report most likely belong to, best first, with the model's confidence")
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        cases.MapGet("/", QueryCases.QueryCases.List).WithName("ListCases")
            .WithSummary("Cases within your scope, filtered, newest first, keyset-paged with 'after'")
            .RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/geojson", QueryCases.CasesAsGeoJson.Handle).WithName("CasesAsGeoJson")
            .WithSummary("Cases within your scope as GeoJSON points for the map: category (major or minor), stage (comma-separated), bbox=minLon,minLat,maxLon,maxLat, limit (at most 5000)")
            .Produces<QueryCases.CaseFeatureCollection>(StatusCodes.Status200OK, "application/geo+json").ProducesValidationProblem()
            .RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/{id:guid}", QueryCases.QueryCases.Get).WithName("GetCase").RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/{id:guid}/history", QueryCases.QueryCases.History).WithName("GetCaseHistory").RequireAuthorization(Policies.SignedIn);
        // Who may act is decided per action and stage inside (the reporter may evaluate through the follow link).
        cases.MapPost("/{id:guid}/actions/{action}", ActOnCase.ActOnCase.Handle).WithName("ActOnCase")
            .WithSummary("One step of the loop: accept, file, decline, void, dispatch, return, request-extension, grant-extension, refuse-extension, defer, feedback, verify, close, evaluate, ledger, self-handle, split (a wrongly merged report out into its own case), merge (into another case)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(100L << 20))
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        cases.MapGet("/{id:guid}/reports", QueryCases.QueryCases.Reports).WithName("ListCaseReports")
            .WithSummary("Every report the case stands for: the first and the duplicates attached to it (no personal data)")
            .RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/{id:guid}/photos", Photos.CasePhotos.List).WithName("ListCasePhotos").RequireAuthorization(Policies.Public);
        cases.MapGet("/{id:guid}/photos/{photoId:guid}", Photos.CasePhotos.Get).WithName("GetCasePhoto")
            .WithSummary("A photo (EXIF stripped) or, with thumbnail=true, its thumbnail").RequireAuthorization(Policies.Public);
        app.MapHub<Notifications.CaseHub>(Notifications.CaseHub.Route).RequireAuthorization(Policies.Public);
        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Cases").RequireAuthorization(Policies.SignedIn);
        inbox.MapGet("/", Notifications.Inbox.List).WithName("ListInbox").WithSummary("Notifications of the cases you cover, handle or reported");
        inbox.MapPost("/{id:long}/read", Notifications.Inbox.MarkRead).WithName("MarkNotificationRead");
        app.MapGet("/api/v1/indicators", Indicators.GetIndicators.Handle).WithTags("Cases").WithName("GetIndicators")
            .WithSummary("Closing, on-time, rework, dispatch, per-stage and satisfaction indicators of a region or unit for a day or month")
            .RequireAuthorization(Policies.SignedIn);
        cases.MapGet("/follow/{token}", QueryCases.QueryCases.Follow).WithName("FollowCase")
            .WithSummary("The reporter's view of a case through the follow link").RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        return app;
    }
}
