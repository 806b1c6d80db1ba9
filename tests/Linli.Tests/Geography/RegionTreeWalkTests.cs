using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Index;
using NetTopologySuite.Geometries;

namespace Linli.Tests.Geography;

/// <summary>The index answers "what is under this region" from its own tree, not by scanning every region.</summary>
public sealed class RegionTreeWalkTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static IndexedRegion Region(string code, RegionLevel level, string? parent, double x = 120.1, double y = 30.2) =>
        new(code, $"R{code}", level, parent, level == RegionLevel.Building
            ? Factory.CreatePoint(new Coordinate(x, y))
            : Factory.ToGeometry(new Envelope(x, x + 0.01, y, y + 0.01)));

    private static RegionIndex Tree() => RegionIndex.Build(
    [
        Region("330105002", RegionLevel.Street, "330105"),
        Region("330105", RegionLevel.District, null),
        Region("330105001", RegionLevel.Street, "330105"),
        Region("330105001001", RegionLevel.Community, "330105001"),
        Region("330105001001001", RegionLevel.Grid, "330105001001"),
        Region("330105001001001B002", RegionLevel.Building, "330105001001001"),
        Region("330105001001001B001", RegionLevel.Building, "330105001001001"),
        Region("330105002001001B001", RegionLevel.Building, "330105002001001"), // its grid is missing: an orphan
        Region("330106", RegionLevel.District, null),
    ], 1);

    [Fact]
    public void Children_come_in_code_order_and_the_tops_include_orphans()
    {
        var tree = Tree();
        Assert.Equal(["330105001", "330105002"], tree.ChildrenOf("330105").Select(r => r.Code));
        Assert.Equal(["330105", "330105002001001B001", "330106"], tree.ChildrenOf(null).Select(r => r.Code));
        Assert.Equal(["330105002001001B001"], tree.ChildrenOf("330105002001001").Select(r => r.Code));
        Assert.Empty(tree.ChildrenOf("330105001001001B001"));
        Assert.Empty(tree.ChildrenOf("999999"));
    }

    [Fact]
    public void Buildings_under_a_region_are_found_down_its_subtree_in_code_order()
    {
        var tree = Tree();
        Assert.Equal(["330105001001001B001", "330105001001001B002"], tree.BuildingsUnder("330105").Select(r => r.Code));
        Assert.Equal(["330105001001001B001", "330105001001001B002"], tree.BuildingsUnder("330105001001001").Select(r => r.Code));
        Assert.Empty(tree.BuildingsUnder("330106"));
    }
}
