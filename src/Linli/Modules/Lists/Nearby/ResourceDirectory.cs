using Linli.Infrastructure.Persistence;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.ListResources;
using Linli.Modules.Lists.Stations;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Nearby;

/// <summary>
/// Active offers near a point: a box round the circle in SQL (both databases), the exact
/// distance in memory, as the resource list's own "within" filter does.
/// </summary>
internal sealed class ResourceDirectory(IDbContextFactory<LinliDb> dbFactory) : IResourceDirectory
{
    /// <summary>Enough candidates for any sane radius in a city; the nearest are kept.</summary>
    private const int MaxCandidates = 5000;

    public async Task<IReadOnlyList<NearbyResource>> NearAsync(double lon, double lat, int radiusMeters, IReadOnlyCollection<string> categories, int take,
        CancellationToken ct = default)
    {
        if (categories.Count == 0 || take <= 0)
        {
            return [];
        }
        var wanted = categories.ToList();
        var dLat = radiusMeters / 111_320.0;
        var dLon = radiusMeters / (111_320.0 * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        var (minLon, maxLon, minLat, maxLat) = (lon - dLon, lon + dLon, lat - dLat, lat + dLat);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.Resources.AsNoTracking()
            .Where(r => r.Status == ResourceStatus.Active && wanted.Contains(r.Category))
            .Where(r => r.Lon != null && r.Lat != null && r.Lon >= minLon && r.Lon <= maxLon && r.Lat >= minLat && r.Lat <= maxLat)
            .OrderBy(r => r.Id).Take(MaxCandidates).ToListAsync(ct);
        var near = candidates
            .Select(r => (Resource: r, Meters: ResourceQuery.Meters(lon, lat, r.Lon!.Value, r.Lat!.Value)))
            .Where(x => x.Meters <= radiusMeters)
            .OrderBy(x => x.Meters).ThenBy(x => x.Resource.Title, StringComparer.Ordinal)
            .Take(take).ToList();
        // A station's service is a resource whose id is the service's; those are bookable in slots.
        var stationRefs = near.Where(x => x.Resource.ProviderKind == StationDesk.ProviderKind).Select(x => x.Resource.Id).ToList();
        var services = stationRefs.Count == 0 ? []
            : await db.StationServices.AsNoTracking().Where(s => stationRefs.Contains(s.Id) && !s.Withdrawn)
                .ToDictionaryAsync(s => s.Id, s => s.StationId, ct);
        return near.Select(x =>
        {
            var r = x.Resource;
            var windows = r.Windows;
            Guid? stationId = services.TryGetValue(r.Id, out var sid) ? sid
                : r.ProviderKind == StationDesk.ProviderKind && Guid.TryParse(r.ProviderRef, out var station) ? station : null;
            return new NearbyResource(r.Id, r.Category, r.Title, r.ProviderName, r.ProviderKind, r.Lon!.Value, r.Lat!.Value, (int)Math.Round(x.Meters),
                windows.Select(w => w.ToString()).ToList(), windows.Select(w => w.ToChinese()).ToList(), r.Conditions, r.ConditionNote,
                stationId, services.ContainsKey(r.Id) ? r.Id : null);
        }).ToList();
    }
}
