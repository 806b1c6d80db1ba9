using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.GetDemand;
using Linli.Modules.Lists.ListAccess;

namespace Linli.Modules.Lists.ListResources;

/// <summary>A circle (lon, lat, radiusMeters) or regions; lon/lat are also where the map puts a regions-type resource.</summary>
public sealed record ServiceAreaView(double? Lon, double? Lat, int? RadiusMeters, IReadOnlyList<string> Regions);

/// <summary>
/// An offer as staff see it; the contact phone masked. <c>usedPerWeek</c> and <c>leftPerWeek</c>
/// are null while no allocation source is registered (see <see cref="IResourceUsage"/>).
/// </summary>
public sealed record ResourceView(Guid Id, string ProviderKind, string ProviderName, string? ProviderRef, string Category, string? Group,
    string Title, int CapacityPerWeek, int? UsedPerWeek, int? LeftPerWeek, IReadOnlyList<string> Availability, ServiceAreaView ServiceArea,
    string Conditions, string? ConditionNote, string? Contact, string RegionCode, string? RegionName, string Status, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, double? DistanceMeters = null, IReadOnlyList<HistoryEntry>? History = null);

internal sealed class ResourceViews(PersonalDataProtector protector, IRegionLookup regions, IResourceUsage usage)
{
    public async Task<List<ResourceView>> OfAsync(LinliDb db, IReadOnlyList<Resource> resources, CancellationToken ct,
        IReadOnlyDictionary<Guid, double>? distances = null)
    {
        var used = resources.Count == 0 ? null : await usage.UsedPerWeekAsync(db, resources.Select(r => r.Id).ToList(), ct);
        return resources.Select(r =>
        {
            int? taken = used is null ? null : used.GetValueOrDefault(r.Id);
            var contact = protector.UnprotectOrMarker(r.ContactProtected);
            var path = regions.PathTo(r.RegionCode);
            return new ResourceView(r.Id, r.ProviderKind, r.ProviderName, r.ProviderRef, r.Category, NeedCategories.Find(r.Category)?.Group, r.Title,
                r.CapacityPerWeek, taken, taken is { } t ? Math.Max(0, r.CapacityPerWeek - t) : null, r.Windows.Select(w => w.ToString()).ToList(),
                new ServiceAreaView(r.Lon, r.Lat, r.RadiusMeters, r.ServiceRegionList), r.Conditions, r.ConditionNote,
                contact is null or PersonalDataProtector.Unreadable ? contact : PersonalDataFormats.MaskPhone(contact),
                r.RegionCode, path.Count > 0 ? path[^1].Name : null, ListNames.Of(r.Status), r.CreatedBy,
                r.CreatedAt.ToOffset(DemandViews.China), r.UpdatedAt.ToOffset(DemandViews.China), r.Version,
                distances is not null && distances.TryGetValue(r.Id, out var d) ? Math.Round(d) : null);
        }).ToList();
    }
}
