using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;

namespace Linli.Modules.Lists.Pages;

/// <summary>How the matching and project pages name statuses, origins, steps and categories, in the page's language.</summary>
public static class ProjectsWords
{
    public static string Status(string status) => status switch
    {
        "listed" => Lang.T("待揭榜", "Listed"),
        "in-progress" => Lang.T("推进中", "In progress"),
        "closed-off" => Lang.T("已销号", "Closed off"),
        _ => status,
    };

    public static string Origin(string origin) => origin switch
    {
        "matched" => Lang.T("供需匹配", "Matched"),
        "volunteered" => Lang.T("揭榜", "Volunteered"),
        "assigned" => Lang.T("认领（街道指派）", "Assigned"),
        _ => origin,
    };

    public static string Step(string action) => action switch
    {
        "created" => Lang.T("列入项目清单", "Listed"),
        "volunteered" => Lang.T("单位揭榜", "A unit volunteered"),
        "assigned" => Lang.T("指派牵头单位", "Assigned to a unit"),
        "started" => Lang.T("匹配成项", "Formed by matching"),
        "milestone-added" => Lang.T("新增节点", "Milestone added"),
        "milestone-done" => Lang.T("节点完成", "Milestone done"),
        "closed-off" => Lang.T("销号", "Closed off"),
        "rated" => Lang.T("居民评价", "Residents' rating"),
        _ => action,
    };

    public static string DemandStatus(string status) => status switch
    {
        "Open" => Lang.T("待满足", "Open"),
        "Matched" => Lang.T("已匹配", "Matched"),
        "InProject" => Lang.T("项目中", "In a project"),
        "Fulfilled" => Lang.T("已满足", "Fulfilled"),
        "Closed" => Lang.T("已销号", "Closed"),
        _ => status,
    };

    public static string Category(string code) => NeedCategories.Find(code) is { } c ? Lang.T(c.Chinese, c.English) : code;

    public static string Region(IRegionLookup regions, string code) =>
        regions.PathTo(code) is { Count: > 0 } path ? $"{path[^1].Name} ({code})" : code;

    public static string Time(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What went wrong, for the alert box: each bad field, or the reason of a refusal.</summary>
    public static IReadOnlyList<string> Problems(Exception e) => e switch
    {
        RequestValidationException v => [.. v.Errors.Select(kv => $"{kv.Key}: {string.Join("; ", kv.Value)}")],
        DomainException d => [d.Message],
        _ => throw e,
    };

    /// <summary>The streets and communities within the scopes (everywhere when null), for a region picker.</summary>
    public static IReadOnlyList<RegionRef> StreetsAndCommunities(IRegionLookup regions, IReadOnlyList<string>? scopes)
    {
        var found = new List<RegionRef>();
        void Walk(RegionRef region)
        {
            if (region.Level is "street" or "community") found.Add(region);
            if (region.Level is "community" or "grid" or "micro-grid" or "building") return;
            foreach (var child in regions.ChildrenOf(region.Code)) Walk(child);
        }
        var roots = scopes is null ? regions.ChildrenOf(null) : [.. scopes.Select(s => regions.PathTo(s)).Where(p => p.Count > 0).Select(p => p[^1])];
        foreach (var root in roots) Walk(root);
        return [.. found.DistinctBy(r => r.Code).OrderBy(r => r.Code, StringComparer.Ordinal)];
    }
}
