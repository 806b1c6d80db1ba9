using Linli.Infrastructure.Protection;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.RecordResource;

/// <summary>The words a resource's fields may take, and the checks every way in (API, page, spreadsheet) shares.</summary>
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

    public static IReadOnlyList<(string Code, string Chinese, string English)> Conditions { get; } =
    [
        ("free", "免费", "Free"),
        ("discount", "优惠", "Discount"),
        ("points", "积分兑换", "For points"),
    ];

    /// <summary>Providers that are people: their names are personal data and the map masks them.</summary>
    public static bool IsPerson(string providerKind) => providerKind is "volunteer" or "party-member";

    public const int MaxCapacity = 100_000;
    public const int MinRadius = 50;
    public const int MaxRadius = 50_000;
    public const int MaxServiceRegions = 50;

    /// <summary>A mobile number, or a landline with its area code (units and stations answer on those).</summary>
    public static bool IsContactPhone(string phone)
    {
        var digits = PersonalDataFormats.Normalise(PersonalDataKind.Phone, phone);
        return PersonalDataFormats.IsMobile(phone) || (digits.Length is >= 10 and <= 12 && digits[0] == '0');
    }

    /// <summary>Every problem of the plain fields, by field; the service area is checked by the caller (it needs the region tree).</summary>
    public static Dictionary<string, string[]> Problems(string? providerKind, string? providerName, string? providerRef, string? category,
        string? title, int? capacityPerWeek, IReadOnlyList<string> availability, string? conditions, string? conditionNote, string? contactPhone,
        out IReadOnlyList<WeeklyWindow> windows)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string reason) => errors[field] = [reason];
        if (!ProviderKinds.Any(k => k.Code == providerKind)) Add("providerKind", $"must be one of {string.Join(", ", ProviderKinds.Select(k => k.Code))}");
        if (string.IsNullOrWhiteSpace(providerName)) Add("providerName", "who offers it");
        else if (providerName.Length > 200) Add("providerName", "at most 200 characters");
        if (providerRef is { Length: > 64 }) Add("providerRef", "at most 64 characters");
        if (!NeedCategories.IsKnown(category)) Add("category", $"'{category}' is not a category; use one of {string.Join(", ", NeedCategories.All.Select(c => c.Code))}");
        if (string.IsNullOrWhiteSpace(title)) Add("title", "say what is offered");
        else if (title.Length > 200) Add("title", "at most 200 characters");
        if (capacityPerWeek is not (>= 0 and <= MaxCapacity)) Add("capacityPerWeek", $"how much per week: a whole number from 0 to {MaxCapacity:N0}");
        var parsed = new List<WeeklyWindow>();
        foreach (var text in availability)
        {
            if (WeeklyWindow.TryParse(text, out var window, out var reason)) parsed.Add(window);
            else Add("availability", reason);
        }
        windows = parsed;
        if (WeeklyWindows.Store(parsed).Length > 500) Add("availability", "too many windows (at most 500 characters stored)");
        if (!Conditions.Any(c => c.Code == conditions)) Add("conditions", $"must be one of {string.Join(", ", Conditions.Select(c => c.Code))}");
        if (conditionNote is { Length: > 500 }) Add("conditionNote", "at most 500 characters");
        if (contactPhone is { Length: > 0 } phone && !IsContactPhone(phone)) Add("contactPhone", "a mobile number or a landline with its area code");
        return errors;
    }
}
