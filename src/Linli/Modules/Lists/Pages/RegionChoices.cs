using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Lists.Pages;

/// <summary>The regions a form offers: the user's scopes and what lies under them, down to grids, at most a few hundred.</summary>
internal static class RegionChoices
{
    public const int Max = 300;

    public static List<RegionRef> Under(IReadOnlyList<string>? scopes, IRegionLookup regions)
    {
        var tops = scopes is null ? regions.ChildrenOf(null).ToList() : scopes.Select(s => regions.PathTo(s)).Where(p => p.Count > 0).Select(p => p[^1]).ToList();
        var result = new List<RegionRef>();
        var queue = new Queue<RegionRef>(tops);
        while (queue.TryDequeue(out var region) && result.Count < Max)
        {
            result.Add(region);
            if (RegionLevels.TryParse(region.Level, out var level) && level < RegionLevel.Grid)
            {
                foreach (var child in regions.ChildrenOf(region.Code)) queue.Enqueue(child);
            }
        }
        return [.. result.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }
}
