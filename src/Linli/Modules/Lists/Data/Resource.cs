using Linli.Infrastructure.Errors;

namespace Linli.Modules.Lists.Data;

public enum ResourceStatus
{
    Active,
    Paused,
    Withdrawn,
}

/// <summary>
/// What a provider can give, on the resource list (资源清单): a category, a capacity per week,
/// when, where (a radius round a point, or a list of regions), on what terms. Merchants' offers,
/// stations' services, units' and volunteers' pledges all land here so one matching serves them all.
/// </summary>
public sealed class Resource
{
    private Resource()
    {
        ProviderKind = ProviderName = Category = Title = Availability = ServiceRegions = Conditions = RegionCode = CreatedBy = "";
    }

    public Resource(Guid id, string providerKind, string providerName, string? providerRef, string category, string title,
        int capacityPerWeek, IReadOnlyList<WeeklyWindow> availability, double? lon, double? lat, int? radiusMeters,
        IReadOnlyList<string> serviceRegions, string conditions, string? conditionNote, string? contactProtected,
        string regionCode, string createdBy, DateTimeOffset now)
    {
        Id = id;
        ProviderKind = providerKind;
        ProviderName = providerName;
        ProviderRef = providerRef;
        Category = category;
        Title = title;
        CapacityPerWeek = capacityPerWeek;
        Availability = WeeklyWindows.Store(availability);
        Lon = lon;
        Lat = lat;
        RadiusMeters = radiusMeters;
        ServiceRegions = string.Join(',', serviceRegions);
        Conditions = conditions;
        ConditionNote = conditionNote;
        ContactProtected = contactProtected;
        RegionCode = regionCode;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        Status = ResourceStatus.Active;
    }

    public Guid Id { get; private set; }

    /// <summary>merchant (爱心商家联盟), unit (共建单位), volunteer, party-member (在职党员), station (红色邻里服务站).</summary>
    public string ProviderKind { get; private set; }

    public string ProviderName { get; private set; }

    /// <summary>The provider's id where Linli knows it: a merchant's or station's id, a unit code, a user id.</summary>
    public string? ProviderRef { get; private set; }

    public string Category { get; private set; }
    public string Title { get; private set; }

    /// <summary>How much can be given per week, in the unit of the category (meals, visits, hours, places).</summary>
    public int CapacityPerWeek { get; private set; }

    /// <summary>Stored windows; empty means any time.</summary>
    public string Availability { get; private set; }

    /// <summary>The service point and radius, when the area is a circle.</summary>
    public double? Lon { get; private set; }
    public double? Lat { get; private set; }
    public int? RadiusMeters { get; private set; }

    /// <summary>Comma-separated region codes whose subtrees are served, when the area is a list of regions.</summary>
    public string ServiceRegions { get; private set; }

    /// <summary>free, discount, points.</summary>
    public string Conditions { get; private set; }

    public string? ConditionNote { get; private set; }
    public string? ContactProtected { get; private set; }

    /// <summary>The region that keeps the entry (the provider's community or street); scopes who may edit it.</summary>
    public string RegionCode { get; private set; }

    public ResourceStatus Status { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<WeeklyWindow> Windows => WeeklyWindows.Load(Availability);

    public IReadOnlyList<string> ServiceRegionList => ServiceRegions.Length == 0 ? [] : ServiceRegions.Split(',');

    public ListEvent Paused(string actor, string? reason, DateTimeOffset now)
    {
        Require(Status == ResourceStatus.Active, "only an active resource can be paused");
        return Move(ResourceStatus.Paused, "paused", actor, reason, now);
    }

    public ListEvent Resumed(string actor, DateTimeOffset now)
    {
        Require(Status == ResourceStatus.Paused, "only a paused resource can resume");
        return Move(ResourceStatus.Active, "resumed", actor, null, now);
    }

    public ListEvent Withdrawn(string actor, string? reason, DateTimeOffset now)
    {
        Require(Status != ResourceStatus.Withdrawn, "the resource is already withdrawn");
        return Move(ResourceStatus.Withdrawn, "withdrawn", actor, reason, now);
    }

    public ListEvent CapacityChanged(int capacityPerWeek, string actor, DateTimeOffset now)
    {
        if (capacityPerWeek < 0)
        {
            throw new RequestValidationException("capacityPerWeek", "must be zero or more");
        }
        var note = $"{CapacityPerWeek} → {capacityPerWeek}";
        CapacityPerWeek = capacityPerWeek;
        UpdatedAt = now;
        Version++;
        return new ListEvent(ListEntity.Resource, Id, "capacity", actor, note, now);
    }

    /// <summary>
    /// Part of the capacity given to a need (added for the matching's confirmations): bumps the
    /// version so two confirmations that both counted the same capacity left cannot both be saved.
    /// </summary>
    public ListEvent Allocated(Guid demandId, int quantityPerWeek, string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        return new ListEvent(ListEntity.Resource, Id, "allocated", actor, $"{quantityPerWeek}/week → {demandId}", now);
    }

    private ListEvent Move(ResourceStatus to, string action, string actor, string? note, DateTimeOffset now)
    {
        Status = to;
        UpdatedAt = now;
        Version++;
        return new ListEvent(ListEntity.Resource, Id, action, actor, note, now);
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new DomainException("Not allowed now", reason);
        }
    }
}
