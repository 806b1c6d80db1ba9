using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListResources;

public sealed record ResourcePage(IReadOnlyList<ResourceView> Items, int Total, int Page, int PageSize);

/// <summary>GET /api/v1/resources: the offers the user may read, filtered, newest first (nearest first with a point), paged with the total.</summary>
internal static class ListResources
{
    public static async Task<Ok<ResourcePage>> Handle(HttpContext http, LinliDb db, IAccessControl access, IRegionLookup regions, ResourceViews views,
        string? category, string? providerKind, string? status, string? region, string? q, double? lon, double? lat, int? within,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(new ResourceFilter(category, providerKind, status, region, q, lon, lat, within), page, pageSize,
            http.User, db, access, regions, views, ct));

    public static async Task<ResourcePage> PageAsync(ResourceFilter filter, int? page, int? pageSize, ClaimsPrincipal user, LinliDb db,
        IAccessControl access, IRegionLookup regions, ResourceViews views, CancellationToken ct)
    {
        var (number, size) = ListDemands.ListDemands.Paging(page, pageSize);
        var query = await ResourceQuery.WhereAsync(filter, user, db, access, regions);
        if (ResourceQuery.Near(filter) is not { } near)
        {
            var total = await query.CountAsync(ct);
            // Version-7 ids are creation order (see DemandQuery.Sort).
            var rows = await query.OrderByDescending(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
            return new ResourcePage(await views.OfAsync(db, rows, ct), total, number, size);
        }
        var candidates = await query.ToListAsync(ct);
        var measured = candidates.Select(r => (Resource: r, Meters: ResourceQuery.Meters(near.Lon, near.Lat, r.Lon!.Value, r.Lat!.Value)))
            .Where(x => x.Meters <= near.Within).OrderBy(x => x.Meters).ToList();
        var pageRows = measured.Skip((number - 1) * size).Take(size).ToList();
        return new ResourcePage(await views.OfAsync(db, pageRows.Select(x => x.Resource).ToList(), ct, pageRows.ToDictionary(x => x.Resource.Id, x => x.Meters)),
            measured.Count, number, size);
    }
}
