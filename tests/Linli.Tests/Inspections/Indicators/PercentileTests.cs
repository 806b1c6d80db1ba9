using Linli.Modules.Inspections.Indicators;

namespace Linli.Tests.Inspections.Indicators;

public sealed class PercentileTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_whatever_the_order()
    {
        Assert.Equal(30, Percentiles.NearestRank([50, 10, 30, 40, 20], 50));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_lower_middle_value()
    {
        Assert.Equal(20, Percentiles.NearestRank([40, 10, 30, 20], 50));
    }

    [Fact]
    public void The_ninetieth_percentile_is_the_value_at_rank_ceiling_of_nine_tenths_of_the_count()
    {
        Assert.Equal(9, Percentiles.NearestRank([.. Enumerable.Range(1, 10).Select(i => (double)i)], 90));
        Assert.Equal(10, Percentiles.NearestRank([.. Enumerable.Range(1, 11).Select(i => (double)i)], 90));
        Assert.Equal(7, Percentiles.NearestRank([7], 90));
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Assert.Null(Percentiles.NearestRank([], 50));
    }
}
