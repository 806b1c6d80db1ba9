using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;

namespace Linli.Tests.Geography;

public sealed class RegionCodesTests
{
    [Theory]
    [InlineData("330100", RegionLevel.City, null, null)]
    [InlineData("330105", RegionLevel.District, "330100", RegionLevel.City)]
    [InlineData("330105004", RegionLevel.Street, "330105", RegionLevel.District)]
    [InlineData("330105100", RegionLevel.Street, "330105", RegionLevel.District)]
    [InlineData("330105004012", RegionLevel.Community, "330105004", RegionLevel.Street)]
    [InlineData("330105004012003", RegionLevel.Grid, "330105004012", RegionLevel.Community)]
    [InlineData("33010500401200301", RegionLevel.MicroGrid, "330105004012003", RegionLevel.Grid)]
    [InlineData("3301050040120030017", RegionLevel.Building, "330105004012003", RegionLevel.Grid)]
    [InlineData("330105004012003010017", RegionLevel.Building, "33010500401200301", RegionLevel.MicroGrid)]
    public void Codes_from_the_domain_reference_are_accepted(string code, RegionLevel level, string? parent, RegionLevel? parentLevel) =>
        Assert.Null(RegionCodes.Check(code, level, parent, parentLevel));

    [Theory]
    [InlineData("330000", RegionLevel.City, null, null, "ends in 00 but not in 0000")]
    [InlineData("330101", RegionLevel.City, null, null, "ends in 00")]
    [InlineData("330100", RegionLevel.District, null, null, "does not end in 00")]
    [InlineData("340105", RegionLevel.District, "330100", RegionLevel.City, "must start with 3301")]
    [InlineData("330106004", RegionLevel.Street, "330105", RegionLevel.District, "must start with 330105")]
    [InlineData("3301050040", RegionLevel.Street, "330105", RegionLevel.District, "has 9 digits")]
    [InlineData("330105004012000", RegionLevel.Grid, "330105004012", RegionLevel.Community, "must not all be 0")]
    [InlineData("33010500401200301", RegionLevel.Building, "330105004012003", RegionLevel.Grid, "followed by 4 digits")]
    [InlineData("33O105", RegionLevel.District, null, null, "digits only")]
    public void Codes_that_break_a_rule_say_which(string code, RegionLevel level, string? parent, RegionLevel? parentLevel, string expected) =>
        Assert.Contains(expected, RegionCodes.Check(code, level, parent, parentLevel));

    [Fact]
    public void Areas_are_measured_on_the_sphere()
    {
        // One degree square at the equator is about 12,364 km².
        var square = Linli.Infrastructure.Persistence.Wgs84.Factory.CreatePolygon(
            [new(0, 0), new(1, 0), new(1, 1), new(0, 1), new(0, 0)]);
        Assert.InRange(GeoMath.AreaSquareMeters(square) / 1e6, 12_300, 12_400);
        Assert.InRange(GeoMath.DistanceMeters(120, 30, 120, 31), 111_100, 111_300);
    }
}
