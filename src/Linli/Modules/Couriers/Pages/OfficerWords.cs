using System.Globalization;
using Linli.Infrastructure.Localization;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Couriers.Pages;

/// <summary>Words and small helpers of the officers' and staff's courier pages (review, complaints, sites, passages).</summary>
internal static class OfficerWords
{
    public const int PageSize = 50;

    public static readonly string[] Statuses = ["pending", "approved", "rejected", "suspended"];

    public static readonly string[] ComplaintStatuses = ["open", "upheld", "dismissed"];

    public static string All => Lang.T("全部", "All");

    public static string Outcome(bool allowed) => allowed ? Lang.T("放行", "Let in") : Lang.T("拒绝", "Refused");

    public static string Channel(string channel) => channel switch
    {
        "web" => Lang.T("网页", "Web"),
        "gate" => Lang.T("门岗", "Gate"),
        "hotline" => Lang.T("热线", "Hotline"),
        _ => channel,
    };

    public static string Check(bool passed) => passed ? "✓" : "✗";

    public static string Day(DateTimeOffset at) => at.ToOffset(CourierViews.ChinaTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The site's policy in one line: platforms let in and opening hours.</summary>
    public static string Policy(IReadOnlyList<string> platforms, string? openFrom, string? openTo) =>
        (platforms.Count == 0 ? Lang.T("所有平台", "All platforms") : string.Join("、", platforms.Select(CourierWords.Platform)))
        + " · " + (openFrom is null ? Lang.T("全天", "Any time") : $"{openFrom}–{openTo}");

    public static IEnumerable<Platform> PlatformChoices => Platforms.All;

    /// <summary>"?a=1&amp;b=2" of the given pairs, leaving out empty ones; "" when all are empty.</summary>
    public static string Query(params (string Key, string? Value)[] pairs)
    {
        var given = pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    public static double? Number(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new Infrastructure.Errors.RequestValidationException(field, "a number such as 120.1551");
    }

    /// <summary>
    /// The places a site may be put in: the staff's scopes and what lies under them, down to grids
    /// (sites sit in a community, grid or building), at most a few hundred.
    /// </summary>
    public static List<RegionRef> SiteRegions(IReadOnlyList<string>? scopes, IRegionLookup regions)
    {
        const int max = 300;
        var tops = scopes is null
            ? regions.ChildrenOf(null).ToList()
            : scopes.Select(regions.PathTo).Where(p => p.Count > 0).Select(p => p[^1]).ToList();
        var result = new List<RegionRef>();
        var queue = new Queue<RegionRef>(tops);
        while (queue.TryDequeue(out var region) && result.Count < max)
        {
            if (!RegionLevels.TryParse(region.Level, out var level)) continue;
            if (level >= RegionLevel.Community) result.Add(region);
            if (level < RegionLevel.Grid)
            {
                foreach (var child in regions.ChildrenOf(region.Code)) queue.Enqueue(child);
            }
        }
        return [.. result.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }
}
