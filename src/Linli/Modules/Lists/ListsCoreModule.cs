using Linli.Infrastructure.Auth;
using Linli.Modules.Lists.ListResources;

namespace Linli.Modules.Lists;

/// <summary>
/// The demand and resource lists (需求清单, 资源清单): recording, reading within scope, the status
/// steps with their history, the map's points, the coverage figures per community, and the pages.
/// </summary>
internal static class ListsCoreModule
{
    public static WebApplicationBuilder AddListsCore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Contracts.IDemandStatusLookup, Demands.DemandStatusLookup>();
        builder.Services.AddScoped<GetDemand.DemandViews>();
        builder.Services.AddScoped<ResourceViews>();
        builder.Services.AddSingleton<IResourceUsage, AllocationUsage>();
        builder.Services.AddSingleton<Contracts.IResourceDirectory, Nearby.ResourceDirectory>();
        return builder;
    }

    public static WebApplication MapListsCore(this WebApplication app)
    {
        app.MapGet("/api/v1/lists/categories", Categories.ListVocabulary.Handle).WithTags("Lists").WithName("ListVocabulary")
            .WithSummary("Need categories with their groups, care tags, channels, urgencies, provider kinds, conditions and statuses")
            .RequireAuthorization(Policies.SignedIn);
        app.MapGet("/api/v1/lists/coverage", Coverage.GetCoverage.Handle).WithTags("Lists").WithName("GetListCoverage")
            .WithSummary("Needs recorded, open and met, share met and waiting times (median, p90) per community (per grid under a community), by group")
            .RequireAuthorization(Policies.ListsRead);

        var demands = app.MapGroup("/api/v1/demands").WithTags("Lists");
        demands.MapPost("/", RecordDemand.RecordDemand.Handle).WithName("RecordDemand")
            .WithSummary("Put a resident's need on the demand list (lists:manage in its region)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.ListsManage);
        demands.MapGet("/", ListDemands.ListDemands.Handle).WithName("ListDemands")
            .WithSummary("Needs within your scope: status (comma-separated), category, group, urgency, channel, region, careTag, q; sort=waiting|urgency|newest; page, pageSize")
            .RequireAuthorization(Policies.ListsRead);
        demands.MapGet("/geojson", ListDemands.DemandsAsGeoJson.Handle).WithName("DemandsAsGeoJson")
            .WithSummary("The needs of the same filters as points for the map (no personal data); bbox, limit")
            .Produces<ListAccess.PointCollection<ListDemands.DemandPointProperties>>(StatusCodes.Status200OK, "application/geo+json")
            .RequireAuthorization(Policies.ListsRead);
        demands.MapGet("/{id:guid}", GetDemand.GetDemand.Handle).WithName("GetDemand")
            .WithSummary("One need with its history; the requester masked; the ETag is its version").RequireAuthorization(Policies.ListsRead);
        demands.MapPost("/{id:guid}/close", ChangeDemand.ChangeDemand.Close).WithName("CloseDemand")
            .WithSummary("Close the need off (销号) with evidence; If-Match or version guards").RequireAuthorization(Policies.ListsManage);
        demands.MapPost("/{id:guid}/fulfil", ChangeDemand.ChangeDemand.Fulfil).WithName("FulfilDemand")
            .WithSummary("Mark a matched need, or one in a project, fulfilled").RequireAuthorization(Policies.ListsManage);
        demands.MapPost("/{id:guid}/reopen", ChangeDemand.ChangeDemand.Reopen).WithName("ReopenDemand")
            .WithSummary("Put a matched need, or one in a project, back on the open list, with the reason").RequireAuthorization(Policies.ListsManage);

        var resources = app.MapGroup("/api/v1/resources").WithTags("Lists");
        resources.MapPost("/", RecordResource.RecordResource.Handle).WithName("RecordResource")
            .WithSummary("Put an offer on the resource list (lists:manage in the keeping region)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.ListsManage);
        resources.MapGet("/", ListResources.ListResources.Handle).WithName("ListResources")
            .WithSummary("Offers you may read: category, providerKind, status, region, q, lon+lat+within (metres, nearest first); page, pageSize")
            .RequireAuthorization(Policies.ListsRead);
        resources.MapGet("/geojson", ResourcesAsGeoJson.Handle).WithName("ResourcesAsGeoJson")
            .WithSummary("The offers of the same filters as points for the map (no contact); bbox, limit")
            .Produces<ListAccess.PointCollection<ResourcePointProperties>>(StatusCodes.Status200OK, "application/geo+json")
            .RequireAuthorization(Policies.ListsRead);
        resources.MapGet("/{id:guid}", GetResource.Handle).WithName("GetResource")
            .WithSummary("One offer with its history and, where allocations are known, the capacity used").RequireAuthorization(Policies.ListsRead);
        resources.MapPost("/{id:guid}/{action}", ChangeResource.ChangeResource.Handle).WithName("ChangeResource")
            .WithSummary("pause {reason}, resume, withdraw {reason}, capacity {capacityPerWeek}; If-Match or version guards")
            .RequireAuthorization(Policies.ListsManage);
        return app;
    }
}
