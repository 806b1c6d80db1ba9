using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>
/// The level the heat map is drawn at: grids when the region has few enough of them, else the
/// finest coarser level that does, so a city's big screen never downloads twenty thousand outlines.
/// </summary>
internal static class HeatLevel
{
    public static (int Depth, IReadOnlyList<RegionRef> Areas) Choose(RegionRef region, IRegionLookup regions, int maxAreas)
    {
        List<RegionRef> areas = [region];
        var depth = 0;
        while (!IsGridOrFiner(areas[0].Level))
        {
            var next = areas.SelectMany(a => regions.ChildrenOf(a.Code)).Where(r => !IsFinerThanGrid(r.Level)).ToList();
            if (next.Count == 0 || next.Count > maxAreas)
            {
                break;
            }
            areas = next;
            depth++;
        }
        return (depth, areas);
    }

    private static bool IsGridOrFiner(string level) => RegionLevels.TryParse(level, out var l) && l >= RegionLevel.Grid;

    private static bool IsFinerThanGrid(string level) => RegionLevels.TryParse(level, out var l) && l > RegionLevel.Grid;
}
