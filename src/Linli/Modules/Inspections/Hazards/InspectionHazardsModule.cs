using Linli.Infrastructure.Auth;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Hazards.Escalation;
using Linli.Modules.Inspections.Hazards.RecordInspection;

namespace Linli.Modules.Inspections.Hazards;

/// <summary>Inspections: checklists, recording an inspection, hazards, notices, escalation.</summary>
internal static class InspectionHazardsModule
{
    public static WebApplicationBuilder AddInspectionHazards(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ChecklistSeeder>();
        builder.Services.AddScoped<HazardWriter>();
        builder.Services.AddScoped<InspectionRecorder>();
        builder.Services.AddSingleton<HazardSweep>();
        builder.Services.AddHostedService<HazardSweepWorker>();
        return builder;
    }

    public static WebApplication MapInspectionHazards(this WebApplication app)
    {
        var inspections = app.MapGroup("/api/v1/inspections").WithTags("Inspections");
        inspections.MapGet("/templates", ChecklistTemplates.List).WithName("ListChecklistTemplates")
            .WithSummary("Checklist templates of your utility (code, name, revision, item count)").RequireAuthorization(Policies.InspectionsRead);
        inspections.MapGet("/templates/{code}", ChecklistTemplates.Get).WithName("GetChecklistTemplate")
            .WithSummary("A template with its items: code, texts, grade (general, major, major-unless-notified), case category, rectify days")
            .RequireAuthorization(Policies.InspectionsRead);
        inspections.MapPut("/templates/{code}", ChecklistTemplates.Put).WithName("PutChecklistTemplate")
            .WithSummary("Create or replace a template (unique item codes, known grades, existing case categories); the revision goes up")
            .RequireAuthorization(Policies.InspectionsManage);

        inspections.MapGet("/hazards", QueryHazards.List).WithName("ListHazards")
            .WithSummary("Hazards of your utility or region, most escalated first; filters status, grade, overdue, district, customer")
            .RequireAuthorization(Policies.InspectionsRead);
        inspections.MapGet("/hazards/{id:guid}", QueryHazards.Get).WithName("GetHazard")
            .WithSummary("A hazard with its notice, deadline, case, escalation and history").RequireAuthorization(Policies.InspectionsRead);
        inspections.MapPost("/hazards/{id:guid}/rectified", QueryHazards.Rectified).WithName("ReportHazardRectified")
            .WithSummary("The user reports the hazard rectified: a re-inspection falls due today (the hazard closes only when it passes)")
            .RequireAuthorization(Policies.InspectionsManage);

        inspections.MapGet("/", QueryInspections.List).WithName("ListInspections")
            .WithSummary("Inspections of your utility or region by due day; filters status, customer, inspector, kind, dueFrom, dueTo")
            .RequireAuthorization(Policies.InspectionsRead);
        inspections.MapGet("/{id:guid}", QueryInspections.Get).WithName("GetInspection")
            .WithSummary("An inspection with its answers, hazards, photo links and signature link").RequireAuthorization(Policies.InspectionsRead);
        inspections.MapPost("/{id:guid}/record", QueryInspections.Record).WithName("RecordInspection")
            .WithSummary("Record an inspection (multipart: answers JSON, photos, signature PNG or data URL, signerName, outcome, note, lon, lat); " +
                "a second submit answers the first result")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(100L * 1024 * 1024))
            .DisableAntiforgery().RequireAuthorization(Policies.InspectionsPerform);
        inspections.MapGet("/{id:guid}/photos/{photoId:guid}", QueryInspections.Photo).WithName("InspectionPhoto")
            .WithSummary("A photo of the inspection (thumbnail=true for 320 px); the utility's staff only").RequireAuthorization(Policies.InspectionsRead);
        inspections.MapGet("/{id:guid}/signature", QueryInspections.Signature).WithName("InspectionSignature")
            .WithSummary("The user's signature (PNG); the utility's staff only").RequireAuthorization(Policies.InspectionsRead);
        return app;
    }
}
