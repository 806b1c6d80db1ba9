using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.ListAccess;
using Linli.Modules.Lists.RecordResource;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListResources;

/// <summary>What the map shows of an offer: no contact; a volunteer's or party member's name masked.</summary>
public sealed record ResourcePointProperties(Guid Id, string Title, string ProviderKind, string ProviderName, string Category, string Status,
    int CapacityPerWeek, string Conditions, int? RadiusMeters, string RegionCode);

/// <summary>GET /api/v1/resources/geojson: the offers of the list's filter as points, with their radius when the area is a circle.</summary>
internal static class ResourcesAsGeoJson
{
    public static async Task<JsonHttpResult<PointCollection<ResourcePointProperties>>> Handle(HttpContext http, LinliDb db, IAccessControl access,
        IRegionLookup regions, string? category, string? providerKind, string? status, string? region, string? q, string? bbox, int? limit,
        CancellationToken ct)
    {
        var size = ListGeoJson.Limit(limit);
        var box = Box.Parse(bbox);
        var query = (await ResourceQuery.WhereAsync(new ResourceFilter(category, providerKind, status, region, q), http.User, db, access, regions))
            .Where(r => r.Lon != null && r.Lat != null);
        if (box is { } b)
        {
            query = query.Where(r => r.Lon >= b.MinLon && r.Lon <= b.MaxLon && r.Lat >= b.MinLat && r.Lat <= b.MaxLat);
        }
        var rows = await query.OrderByDescending(r => r.Id).Take(size + 1)
            .Select(r => new { r.Id, r.Title, r.ProviderKind, r.ProviderName, r.Category, r.Status, r.CapacityPerWeek, r.Conditions, r.RadiusMeters,
                r.RegionCode, r.Lon, r.Lat })
            .ToListAsync(ct);
        var features = rows.Take(size).Select(r => new PointFeature<ResourcePointProperties>(new PointGeometry([r.Lon!.Value, r.Lat!.Value]),
            new ResourcePointProperties(r.Id, r.Title, r.ProviderKind,
                ResourceRules.IsPerson(r.ProviderKind) ? PersonalDataFormats.MaskName(r.ProviderName) : r.ProviderName,
                r.Category, ListNames.Of(r.Status), r.CapacityPerWeek, r.Conditions, r.RadiusMeters, r.RegionCode))).ToList();
        return TypedResults.Json(new PointCollection<ResourcePointProperties>(features, rows.Count > size), contentType: ListGeoJson.ContentType);
    }
}
