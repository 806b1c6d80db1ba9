using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.ListAccess;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListDemands;

/// <summary>What the map shows of a need: no requester, no description, no care tags (the point is a region's, not a door).</summary>
public sealed record DemandPointProperties(Guid Id, string Category, string? Group, string Urgency, string Status, int Quantity,
    string RegionCode, double? WaitingDays);

/// <summary>GET /api/v1/demands/geojson: the needs of the list's filter as points, within the user's scope.</summary>
internal static class DemandsAsGeoJson
{
    public static async Task<JsonHttpResult<PointCollection<DemandPointProperties>>> Handle(HttpContext http, LinliDb db, IAccessControl access,
        TimeProvider clock, string? status, string? category, string? group, string? urgency, string? channel, string? region, string? careTag,
        string? q, string? bbox, int? limit, CancellationToken ct)
    {
        var size = ListGeoJson.Limit(limit);
        var box = Box.Parse(bbox);
        var query = (await DemandQuery.WhereAsync(new DemandFilter(status, category, group, urgency, channel, region, careTag, q), http.User, db, access))
            .Where(d => d.Lon != null && d.Lat != null);
        if (box is { } b)
        {
            query = query.Where(d => d.Lon >= b.MinLon && d.Lon <= b.MaxLon && d.Lat >= b.MinLat && d.Lat <= b.MaxLat);
        }
        var rows = await DemandQuery.Sort(query, "urgency").Take(size + 1)
            .Select(d => new { d.Id, d.Category, d.Urgency, d.Status, d.Quantity, d.RegionCode, d.Lon, d.Lat, d.CreatedAt })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var features = rows.Take(size).Select(d => new PointFeature<DemandPointProperties>(new PointGeometry([d.Lon!.Value, d.Lat!.Value]),
            new DemandPointProperties(d.Id, d.Category, NeedCategories.Find(d.Category)?.Group, d.Urgency, ListNames.Of(d.Status), d.Quantity,
                d.RegionCode, d.Status == DemandStatus.Open ? Math.Round((now - d.CreatedAt).TotalDays, 1) : null))).ToList();
        return TypedResults.Json(new PointCollection<DemandPointProperties>(features, rows.Count > size), contentType: ListGeoJson.ContentType);
    }
}
