using Linli.Infrastructure.Protection;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Resources;

/// <summary>An offer to put on the resource list, from the API, a spreadsheet row or a merchant's offer.</summary>
public sealed record ResourceDraft(
    string ProviderKind,
    string ProviderName,
    string? ProviderRef,
    string Category,
    string Title,
    int CapacityPerWeek,
    IReadOnlyList<string> Availability,
    double? Lon,
    double? Lat,
    int? RadiusMeters,
    IReadOnlyList<string> ServiceRegions,
    string Conditions,
    string? ConditionNote,
    string? ContactPhone,
    string RegionCode);

/// <summary>The words a resource's fields may take, and the checks every way in shares.</summary>
public static class ResourceRules
{
    public static IReadOnlyList<(string Code, string Chinese, string English)> ProviderKinds { get; } =
    [
        ("merchant", "爱心商家", "Caring merchant"),
        ("unit", "共建单位", "Co-building unit"),
        ("volunteer", "志愿者", "Volunteer"),
        ("party-member", "在职党员", "In-service party member"),
        ("station", "红色邻里服务站", "Neighbourhood service station"),
    ];

    public static IReadOnlyList<(string Code, string Chinese, string English)> ConditionKinds { get; } =
    [
        ("free", "免费", "Free"),
        ("discount", "优惠", "Discount"),
        ("points", "积分兑换", "For points"),
    ];

    public const int MaxCapacity = 100_000;
    public const int MaxRadiusMeters = 50_000;

    /// <summary>Every problem of a draft, by field; empty when it may go on the list.</summary>
    public static Dictionary<string, string[]> Problems(ResourceDraft draft, Func<string, bool> regionExists, out IReadOnlyList<WeeklyWindow> windows)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string reason) => errors[field] = [reason];
        if (!ProviderKinds.Any(k => k.Code == draft.ProviderKind))
        {
            Add("providerKind", $"must be one of {string.Join(", ", ProviderKinds.Select(k => k.Code))}");
        }
        if (string.IsNullOrWhiteSpace(draft.ProviderName) || draft.ProviderName.Length > 200)
        {
            Add("providerName", "name the provider (at most 200 characters)");
        }
        if (!NeedCategories.IsKnown(draft.Category))
        {
            Add("category", $"'{draft.Category}' is not a category; use one of {string.Join(", ", NeedCategories.All.Select(c => c.Code))}");
        }
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Length > 200)
        {
            Add("title", "say what is offered (at most 200 characters)");
        }
        if (draft.CapacityPerWeek is < 0 or > MaxCapacity)
        {
            Add("capacityPerWeek", $"a whole number from 0 to {MaxCapacity:N0} (how much per week)");
        }
        var parsed = new List<WeeklyWindow>();
        foreach (var text in draft.Availability)
        {
            if (WeeklyWindow.TryParse(text, out var window, out var reason))
            {
                parsed.Add(window);
            }
            else
            {
                Add("availability", reason);
            }
        }
        windows = parsed;
        var circle = draft.Lon is not null || draft.Lat is not null || draft.RadiusMeters is not null;
        if (circle)
        {
            if (draft.Lon is not (>= -180 and <= 180) || draft.Lat is not (>= -90 and <= 90))
            {
                Add("lon", "a service circle needs a longitude and latitude (WGS 84)");
            }
            if (draft.RadiusMeters is not (> 0 and <= MaxRadiusMeters))
            {
                Add("radiusMeters", $"a radius from 1 to {MaxRadiusMeters:N0} metres");
            }
        }
        if (!circle && draft.ServiceRegions.Count == 0)
        {
            Add("serviceArea", "give a service area: a point with a radius, or a list of region codes");
        }
        if (draft.ServiceRegions.FirstOrDefault(code => !regionExists(code)) is { } unknown)
        {
            Add("serviceRegions", $"'{unknown}' is not a region of this city");
        }
        if (!ConditionKinds.Any(k => k.Code == draft.Conditions))
        {
            Add("conditions", $"must be one of {string.Join(", ", ConditionKinds.Select(k => k.Code))}");
        }
        if (draft.ConditionNote is { Length: > 500 })
        {
            Add("conditionNote", "at most 500 characters");
        }
        if (draft.ContactPhone is { Length: > 0 } phone && !PersonalDataFormats.IsMobile(phone) && !IsLandline(phone))
        {
            Add("contactPhone", "not a mobile or landline number");
        }
        if (string.IsNullOrWhiteSpace(draft.RegionCode) || !regionExists(draft.RegionCode))
        {
            Add("regionCode", $"'{draft.RegionCode}' is not a region of this city");
        }
        return errors;
    }

    /// <summary>Shops and stations often give a landline: 0571-88888888 or 88888888.</summary>
    private static bool IsLandline(string phone)
    {
        var digits = phone.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return digits.Length is >= 7 and <= 12 && digits.All(char.IsAsciiDigit);
    }

    /// <summary>The entry and the first step of its history; the caller adds both and saves.</summary>
    public static (Resource Resource, ListEvent Recorded) Create(ResourceDraft draft, IReadOnlyList<WeeklyWindow> windows,
        PersonalDataProtector protector, string createdBy, DateTimeOffset now)
    {
        var contact = draft.ContactPhone is { Length: > 0 } p
            ? PersonalDataFormats.IsMobile(p) ? PersonalDataFormats.Normalise(PersonalDataKind.Phone, p) : p.Trim()
            : null;
        var resource = new Resource(Guid.CreateVersion7(now), draft.ProviderKind, draft.ProviderName.Trim(), draft.ProviderRef,
            draft.Category, draft.Title.Trim(), draft.CapacityPerWeek, windows, draft.Lon, draft.Lat, draft.RadiusMeters,
            draft.ServiceRegions, draft.Conditions, draft.ConditionNote?.Trim(), protector.Protect(contact), draft.RegionCode, createdBy, now);
        return (resource, new ListEvent(ListEntity.Resource, resource.Id, "recorded", createdBy,
            $"{draft.ProviderKind}: {draft.Category} × {draft.CapacityPerWeek}/week", now));
    }
}
