using Linli.Modules.Traffic.Roads;

namespace Linli.Tests.Traffic.Roads;

public sealed class StakesTests
{
    [Theory]
    [InlineData("K0+000", 0)]
    [InlineData("K123+400", 123_400)]
    [InlineData("K123+400.5", 123_400.5)]
    [InlineData(" k12 + 5 ", 12_005)]
    [InlineData("K1+999", 1_999)]
    public void A_stake_as_road_people_write_it_reads_as_metres(string text, double meters)
    {
        Assert.True(Stakes.TryParse(text, out var parsed));
        Assert.Equal(meters, parsed, 6);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123+400")]
    [InlineData("K123")]
    [InlineData("K123+1000")]
    [InlineData("K-1+000")]
    [InlineData("K123+4a0")]
    [InlineData("K1234567+000")]
    [InlineData("K12+")]
    public void Malformed_stakes_are_refused(string? text)
    {
        Assert.False(Stakes.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "K0+000")]
    [InlineData(123_400, "K123+400")]
    [InlineData(123_400.4, "K123+400")]
    [InlineData(123_999.6, "K124+000")]
    [InlineData(5, "K0+005")]
    public void Metres_are_written_as_a_stake_to_the_nearest_metre(double meters, string text)
    {
        Assert.Equal(text, Stakes.Format(meters));
    }
}
