using Linli.Modules.Geography.Contracts;
using Linli.Modules.Insights.GetDashboard;

namespace Linli.Tests.Insights;

/// <summary>The heat map stays light: grids when few enough, else the finest coarser level that fits.</summary>
public sealed class DashboardHeatMapTests
{
    /// <summary>A district of 2 streets × 3 communities × 4 grids, each grid with a building under it.</summary>
    private sealed class Tree : IRegionLookup
    {
        private readonly Dictionary<string, List<RegionRef>> _children = [];

        public Tree()
        {
            Add(null, new("330105", "区", "district"));
            for (var s = 1; s <= 2; s++)
            {
                var street = $"330105{s:D3}";
                Add("330105", new(street, $"街道{s}", "street"));
                for (var c = 1; c <= 3; c++)
                {
                    var community = $"{street}{c:D3}";
                    Add(street, new(community, $"社区{c}", "community"));
                    for (var g = 1; g <= 4; g++)
                    {
                        Add(community, new($"{community}{g:D3}", $"网格{g}", "grid"));
                        Add($"{community}{g:D3}", new($"{community}{g:D3}0001", "1幢", "building"));
                    }
                }
            }
        }

        private void Add(string? parent, RegionRef region)
        {
            var key = parent ?? "";
            if (!_children.TryGetValue(key, out var list)) _children[key] = list = [];
            list.Add(region);
        }

        public bool IsReady => true;
        public PointLocation? Locate(double lon, double lat) => null;
        public string? LocateGridCode(double lon, double lat) => null;
        public (double Lon, double Lat)? PointIn(string code) => null;
        public string? CodeNamedIn(string address) => null;
        public IReadOnlyList<RegionRef> PathTo(string code) => [];
        public IReadOnlyList<RegionRef> ChildrenOf(string? code) => _children.GetValueOrDefault(code ?? "") ?? [];

        public IReadOnlyList<RegionOutline> OutlinesUnder(string code, int maxBuildings) => [];
    }

    private static readonly RegionRef District = new("330105", "区", "district");

    [Theory]
    [InlineData(400, "grid", 3, 24)]
    [InlineData(23, "community", 2, 6)]
    [InlineData(5, "street", 1, 2)]
    [InlineData(1, "district", 0, 1)]
    public void The_finest_level_with_few_enough_areas_is_drawn(int maxAreas, string level, int depth, int count)
    {
        var (chosenDepth, areas) = HeatLevel.Choose(District, new Tree(), maxAreas);

        Assert.Equal(depth, chosenDepth);
        Assert.Equal(count, areas.Count);
        Assert.All(areas, a => Assert.Equal(level, a.Level));
    }

    [Fact]
    public void A_grid_is_its_own_heat_map_and_buildings_are_never_drawn()
    {
        var grid = new RegionRef("330105001001001", "网格1", "grid");

        var (depth, areas) = HeatLevel.Choose(grid, new Tree(), 400);

        Assert.Equal(0, depth);
        Assert.Equal([grid], areas);
    }

    [Fact]
    public void A_grid_belongs_to_the_area_its_code_starts_with_and_a_city_code_covers_its_districts()
    {
        var index = new AreaIndex(["330100", "330105001", "330105002"]);

        Assert.Equal("330105002", index.AreaOf("330105002003004"));
        Assert.Equal("330100", index.AreaOf("330106001001001"));
        Assert.Null(index.AreaOf("330200001001001"));
    }
}
