using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Protection;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.People.Contracts;

namespace Linli.Modules.Lists.Demands;

/// <summary>The words a demand's fields may take, and the checks every way in (API, spreadsheet, visit) shares.</summary>
public static class DemandRules
{
    public static IReadOnlyList<(string Code, string Chinese, string English)> Channels { get; } =
    [
        ("visit", "入户走访", "Door-knocking visit"),
        ("self", "居民自主提出", "Resident's own request"),
        ("reception", "接待日/意见箱", "Reception day or letter box"),
        ("hotline", "热线", "Hotline"),
        ("hotline-topic", "12345高频诉求", "Recurring 12345 topic"),
    ];

    /// <summary>Most pressing last: the matching weighs them in this order.</summary>
    public static IReadOnlyList<(string Code, string Chinese, string English)> Urgencies { get; } =
    [
        ("low", "一般", "Low"),
        ("normal", "较急", "Normal"),
        ("high", "紧急", "High"),
        ("urgent", "特急", "Urgent"),
    ];

    public const int MaxQuantity = 10_000;

    /// <summary>0 for low … 1 for urgent.</summary>
    public static double UrgencyWeight(string urgency)
    {
        var index = Urgencies.Select(u => u.Code).ToList().IndexOf(urgency);
        return index < 0 ? 0 : index / (double)(Urgencies.Count - 1);
    }

    /// <summary>Every problem of a draft, by field; empty when it may go on the list.</summary>
    public static Dictionary<string, string[]> Problems(DemandDraft draft, Func<string, bool> regionExists, out IReadOnlyList<WeeklyWindow> windows)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string reason) => errors[field] = [reason];
        if (!Channels.Any(c => c.Code == draft.Channel))
        {
            Add("channel", $"must be one of {string.Join(", ", Channels.Select(c => c.Code))}");
        }
        if (string.IsNullOrWhiteSpace(draft.RegionCode) || !regionExists(draft.RegionCode))
        {
            Add("regionCode", $"'{draft.RegionCode}' is not a region of this city");
        }
        if (!NeedCategories.IsKnown(draft.Category))
        {
            Add("category", $"'{draft.Category}' is not a need category; use one of {string.Join(", ", NeedCategories.All.Select(c => c.Code))}");
        }
        if (string.IsNullOrWhiteSpace(draft.Description))
        {
            Add("description", "say what is needed");
        }
        else if (draft.Description.Length > 2000)
        {
            Add("description", "at most 2,000 characters");
        }
        if (draft.Quantity is < 1 or > MaxQuantity)
        {
            Add("quantity", $"a whole number from 1 to {MaxQuantity:N0} (how much per week)");
        }
        if (!Urgencies.Any(u => u.Code == draft.Urgency))
        {
            Add("urgency", $"must be one of {string.Join(", ", Urgencies.Select(u => u.Code))}");
        }
        var parsed = new List<WeeklyWindow>();
        foreach (var text in draft.TimeWindows)
        {
            if (WeeklyWindow.TryParse(text, out var window, out var reason))
            {
                parsed.Add(window);
            }
            else
            {
                Add("timeWindows", reason);
            }
        }
        windows = parsed;
        if (draft.CareTags.FirstOrDefault(t => !CareTags.IsKnown(t)) is { } unknown)
        {
            Add("careTags", $"'{unknown}' is not a care tag; use one of {string.Join(", ", CareTags.All.Select(t => t.Code))}");
        }
        else if (draft.CareTags.Count > 0 && !draft.CareTagsConsent)
        {
            Add("careTagsConsent", "care tags are sensitive: record them only with the resident's consent");
        }
        if (draft.RequesterPhone is { Length: > 0 } phone && !PersonalDataFormats.IsMobile(phone))
        {
            Add("requesterPhone", "not a mainland mobile number");
        }
        if (draft.RequesterName is { Length: > 50 })
        {
            Add("requesterName", "at most 50 characters");
        }
        return errors;
    }
}
