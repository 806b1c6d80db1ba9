using Linli.Infrastructure.Auth;
using Linli.Modules.Lists.Contracts;

namespace Linli.Modules.Lists;

/// <summary>
/// The three lists (三张清单): residents' needs, what the community can offer, and the projects
/// that join them; with the matching, the caring-merchant alliance, service stations and points.
/// </summary>
internal static class ListsModule
{
    public static WebApplicationBuilder AddLists(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDemandIntake, Demands.DemandIntake>();
        builder.Services.AddSingleton<Spreadsheets.ListImporter>();
        builder.Services.AddSingleton<Spreadsheets.ImportJobRunner>();
        builder.AddListsCore();
        builder.AddProjects();
        builder.AddAlliance();
        builder.AddMatchingSolver();
        return builder;
    }

    public static WebApplication MapLists(this WebApplication app)
    {
        app.MapListsCore();
        app.MapProjects();
        app.MapAlliance();
        app.MapMatchingSolver();
        MapSpreadsheets(app);
        return app;
    }

    /// <summary>Each list that travels as a spreadsheet gets the same four routes beside its own API.</summary>
    private static void MapSpreadsheets(WebApplication app)
    {
        foreach (var kind in new[] { "demands", "resources" })
        {
            var name = kind == "demands" ? "Demands" : "Resources";
            var list = app.MapGroup($"/api/v1/{kind}").WithTags("Lists");
            list.MapGet("/template.xlsx", () => Spreadsheets.SpreadsheetEndpoints.Template(kind)).WithName($"{name}Template")
                .WithSummary("An empty workbook with the list's columns, instructions and the words each column takes")
                .RequireAuthorization(Policies.ListsRead);
            list.MapPost("/import", (HttpRequest request, Spreadsheets.ListImporter importer, CancellationToken ct) =>
                    Spreadsheets.SpreadsheetEndpoints.Import(kind, request, importer, ct))
                .WithName($"Import{name}")
                .WithSummary("Import a workbook (multipart field 'file' or the body); any bad row refuses it whole: 422 with every row, column and reason")
                .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Spreadsheets.SpreadsheetEndpoints.MaxUpload))
                .DisableAntiforgery().RequireAuthorization(Policies.ListsManage);
            app.MapPost($"/api/v1/lists/imports/{kind}", (HttpRequest request, Spreadsheets.ImportJobRunner runner, CancellationToken ct) =>
                    Spreadsheets.SpreadsheetEndpoints.StartJob(kind, request, runner, ct))
                .WithName($"Start{name}Import").WithTags("Lists")
                .WithSummary("Import a large workbook in the background: 202 with the job; its progress and outcome at the Location")
                .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Spreadsheets.SpreadsheetEndpoints.MaxUpload))
                .DisableAntiforgery().RequireAuthorization(Policies.ListsManage);
        }
        app.MapGet("/api/v1/demands/export.xlsx", Spreadsheets.SpreadsheetEndpoints.ExportDemands).WithName("ExportDemands").WithTags("Lists")
            .WithSummary("The needs within your scope as a workbook (status, category, region filters); requesters masked")
            .RequireAuthorization(Policies.ListsRead);
        app.MapGet("/api/v1/resources/export.xlsx", Spreadsheets.SpreadsheetEndpoints.ExportResources).WithName("ExportResources").WithTags("Lists")
            .WithSummary("The resources within your scope as a workbook (status, category, region filters)")
            .RequireAuthorization(Policies.ListsRead);
        app.MapGet("/api/v1/lists/imports/{id:guid}", Spreadsheets.SpreadsheetEndpoints.GetJob).WithName("GetListImport").WithTags("Lists")
            .WithSummary("An import's progress (rows checked, rows written) and outcome (done, or refused with every bad row)")
            .RequireAuthorization(Policies.ListsManage);
    }
}
