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

    /// <summary>kind is demands or resources; the routes sit beside each list's own API.</summary>
    private static void MapSpreadsheets(WebApplication app)
    {
        var sheets = app.MapGroup("/api/v1/{kind:regex(^(demands|resources)$)}").WithTags("Lists");
        sheets.MapGet("/template.xlsx", Spreadsheets.SpreadsheetEndpoints.Template).WithName("ListTemplate")
            .WithSummary("An empty workbook with the list's columns, instructions and the words each column takes")
            .RequireAuthorization(Policies.ListsRead);
        sheets.MapPost("/import", Spreadsheets.SpreadsheetEndpoints.Import).WithName("ImportList")
            .WithSummary("Import a workbook (multipart field 'file' or the body); any bad row refuses it whole: 422 with every row, column and reason")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Spreadsheets.SpreadsheetEndpoints.MaxUpload))
            .DisableAntiforgery().RequireAuthorization(Policies.ListsManage);
        app.MapGet("/api/v1/demands/export.xlsx", Spreadsheets.SpreadsheetEndpoints.ExportDemands).WithName("ExportDemands").WithTags("Lists")
            .WithSummary("The needs within your scope as a workbook (status, category, region filters); requesters masked")
            .RequireAuthorization(Policies.ListsRead);
        app.MapGet("/api/v1/resources/export.xlsx", Spreadsheets.SpreadsheetEndpoints.ExportResources).WithName("ExportResources").WithTags("Lists")
            .WithSummary("The resources within your scope as a workbook (status, category, region filters)")
            .RequireAuthorization(Policies.ListsRead);
        var imports = app.MapGroup("/api/v1/lists/imports").WithTags("Lists").RequireAuthorization(Policies.ListsManage);
        imports.MapPost("/{kind:regex(^(demands|resources)$)}", Spreadsheets.SpreadsheetEndpoints.StartJob).WithName("StartListImport")
            .WithSummary("Import a large workbook in the background: 202 with the job; its progress and outcome at the Location")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Spreadsheets.SpreadsheetEndpoints.MaxUpload))
            .DisableAntiforgery();
        imports.MapGet("/{id:guid}", Spreadsheets.SpreadsheetEndpoints.GetJob).WithName("GetListImport")
            .WithSummary("An import's progress (rows checked, rows written) and outcome (done, or refused with every bad row)");
    }
}
