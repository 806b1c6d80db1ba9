using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.ListAccess;
using Linli.Modules.Lists.RecordResource;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListResources;

/// <summary>
/// The filters of the resource list and its map. <c>region</c>: kept within that subtree;
/// <c>lon</c>/<c>lat</c>/<c>within</c> (metres, default 1,000): whose point lies that near, nearest first.
/// </summary>
public sealed record ResourceFilter(string? Category = null, string? ProviderKind = null, string? Status = null, string? Region = null,
    string? Q = null, double? Lon = null, double? Lat = null, int? Within = null);

internal static class ResourceQuery
{
    public const int DefaultWithin = 1000;

    public static async Task<IQueryable<Resource>> WhereAsync(ResourceFilter f, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions)
    {
        var query = db.Resources.AsNoTracking().Where(await ListScope.ResourcesAsync(user, access, regions));
        if (Given(f.Category) is { } category)
        {
            if (!NeedCategories.IsKnown(category)) throw new RequestValidationException("category", $"'{category}' is not a category");
            query = query.Where(r => r.Category == category);
        }
        if (Given(f.ProviderKind) is { } kind)
        {
            if (!ResourceRules.ProviderKinds.Any(k => k.Code == kind)) throw new RequestValidationException("providerKind", $"'{kind}' is not a provider kind");
            query = query.Where(r => r.ProviderKind == kind);
        }
        if (Given(f.Status) is { } status)
        {
            var wanted = status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => ListNames.ParseResourceStatus(s)).ToList();
            query = query.Where(r => wanted.Contains(r.Status));
        }
        if (Given(f.Region) is { } region)
        {
            if (region.Length > 32 || !region.All(char.IsAsciiDigit)) throw new RequestValidationException("region", "a region code (digits)");
            var prefix = RegionScope.Prefix(region);
            query = query.Where(r => r.RegionCode.StartsWith(prefix));
        }
        if (Given(f.Q) is { } q)
        {
            query = query.Where(r => r.Title.Contains(q) || r.ProviderName.Contains(q));
        }
        if (Near(f) is { } near)
        {
            // A box round the circle in SQL; the exact distance follows in memory.
            var dLat = near.Within / 111_320.0;
            var dLon = near.Within / (111_320.0 * Math.Max(0.01, Math.Cos(near.Lat * Math.PI / 180)));
            var (minLon, maxLon, minLat, maxLat) = (near.Lon - dLon, near.Lon + dLon, near.Lat - dLat, near.Lat + dLat);
            query = query.Where(r => r.Lon != null && r.Lat != null && r.Lon >= minLon && r.Lon <= maxLon && r.Lat >= minLat && r.Lat <= maxLat);
        }
        return query;
    }

    /// <summary>The point and distance asked for, or null when the filter has no point; half a point is 400.</summary>
    public static (double Lon, double Lat, int Within)? Near(ResourceFilter f)
    {
        if (f.Lon is null && f.Lat is null)
        {
            return f.Within is null ? null : throw new RequestValidationException("lon", "within needs a point: lon and lat");
        }
        if (f.Lon is not (>= -180 and <= 180)) throw new RequestValidationException("lon", "a longitude within ±180, with lat");
        if (f.Lat is not (>= -90 and <= 90)) throw new RequestValidationException("lat", "a latitude within ±90, with lon");
        var within = f.Within ?? DefaultWithin;
        if (within is < 1 or > 100_000) throw new RequestValidationException("within", "metres from 1 to 100,000");
        return (f.Lon.Value, f.Lat.Value, within);
    }

    /// <summary>Great-circle distance in metres (haversine): plenty for a city.</summary>
    public static double Meters(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6_371_008.8;
        var (p1, p2) = (lat1 * Math.PI / 180, lat2 * Math.PI / 180);
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var a = (Math.Sin(dp / 2) * Math.Sin(dp / 2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
