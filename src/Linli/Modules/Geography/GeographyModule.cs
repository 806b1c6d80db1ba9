using Linli.Infrastructure.Auth;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.DemoCity;
using Linli.Modules.Geography.Index;
using Linli.Modules.Geography.LocatePoint;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Linli.Modules.Geography;

/// <summary>The region tree, its import and export, point lookup and the demo city.</summary>
internal static class GeographyModule
{
    public static WebApplicationBuilder AddGeography(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegionIndexHolder>();
        builder.Services.AddSingleton<IRegionLookup>(sp => sp.GetRequiredService<RegionIndexHolder>());
        builder.Services.AddSingleton<DemoCitySeeder>();
        builder.Services.AddHostedService<RegionIndexMaintainer>();
        builder.Services.AddHealthChecks().AddCheck<RegionIndexHealthCheck>("region-index", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapGeography(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Geography");

        api.MapPost("/regions/import", ImportRegions.ImportRegions.Handle)
            .WithName("ImportRegions")
            .WithSummary("Import a GeoJSON FeatureCollection of regions, all or nothing")
            .Accepts<object>("application/geo+json", "application/json")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new RequestSizeLimitMetadata(ImportRegions.ImportRegions.MaxUploadBytes))
            .RequireAuthorization(Policies.RegionsManage);
        var regions = api.MapGroup("/regions").RequireAuthorization(Policies.RegionsRead);

        regions.MapGet("", GetRegion.GetRegion.Roots)
            .WithName("ListRootRegions")
            .WithSummary("The tops of the region trees");
        regions.MapGet("/{code}", GetRegion.GetRegion.Handle)
            .WithName("GetRegion")
            .WithSummary("One region with its ancestors and its children's count")
            .ProducesProblem(StatusCodes.Status404NotFound);
        regions.MapGet("/{code}/children", GetRegion.GetRegion.Children)
            .WithName("ListChildRegions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        regions.MapGet("/{code}/party", GetRegion.GetRegion.Party)
            .WithName("GetPartyOrganisation")
            .WithSummary("The party organisation attached to a region, with its members")
            .ProducesProblem(StatusCodes.Status404NotFound);
        regions.MapGet("/{code}/geojson", ExportRegions.ExportRegions.Handle)
            .WithName("ExportRegions")
            .WithSummary("A region and its descendants down to depth levels, as GeoJSON")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/locate", LocatePoint.LocatePoint.Handle)
            .WithName("LocatePoint")
            .WithSummary("The building, grid, community, street and district at a point")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Locate);
        api.MapPost("/locate", LocatePoint.LocatePoint.HandleBatch)
            .WithName("LocatePoints")
            .WithSummary("The grid code of each of up to 100,000 [lon, lat] pairs")
            .WithMetadata(new RequestSizeLimitMetadata(64L << 20))
            .RequireAuthorization(Policies.LocateBatch);
        return app;
    }

    private sealed class RequestSizeLimitMetadata(long limit) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}

/// <summary>Ready once this node's region index has been loaded.</summary>
internal sealed class RegionIndexHealthCheck(RegionIndexHolder holder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(holder.IsReady
            ? HealthCheckResult.Healthy($"{holder.Current.Count} regions, {holder.Current.GridCount} grids (v{holder.Current.Version})")
            : HealthCheckResult.Unhealthy("region index not loaded yet"));
}
