using Linli.Modules.Couriers.Riders.Leaderboard;

namespace Linli.Tests.Couriers.Riders;

public sealed class RankingTests
{
    private static RiderScore Score(string name, int verified, int thanks = 0) => new(Guid.NewGuid(), name, "meituan", "站", verified, thanks);

    [Fact]
    public void Riders_with_equal_verified_reports_share_a_rank_and_the_next_rank_skips_the_shared_places()
    {
        var ranked = LeaderboardRanking.Rank([Score("丁*", 1), Score("甲*", 5), Score("乙*", 3), Score("丙*", 3), Score("戊*", 0)], 10);

        Assert.Equal([(1, 5), (2, 3), (2, 3), (4, 1)], ranked.Select(r => (r.Rank, r.Score.VerifiedReports)));
    }

    [Fact]
    public void Thanks_order_riders_within_a_shared_rank_but_never_lift_one_above_a_rider_with_more_verified_reports()
    {
        var ranked = LeaderboardRanking.Rank([Score("甲*", 2, thanks: 0), Score("乙*", 1, thanks: 9), Score("丙*", 2, thanks: 3)], 10);

        Assert.Equal(["丙*", "甲*", "乙*"], ranked.Select(r => r.Score.MaskedName));
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void The_board_is_cut_after_the_rows_asked_for()
    {
        var ranked = LeaderboardRanking.Rank(Enumerable.Range(1, 30).Select(i => Score($"骑手{i:D2}", i)), 10);

        Assert.Equal(10, ranked.Count);
        Assert.Equal(30, ranked[0].Score.VerifiedReports);
    }

    [Theory]
    [InlineData("week", "2026-11-23T00:00:00+08:00")]
    [InlineData("month", "2026-11-01T00:00:00+08:00")]
    [InlineData("year", "2026-01-01T00:00:00+08:00")]
    public void Periods_begin_at_midnight_china_time_on_monday_the_first_of_the_month_or_of_the_year(string period, string expected)
    {
        // Sunday 29 November 2026, 01:30 in China (17:30 UTC the day before).
        var now = new DateTimeOffset(2026, 11, 28, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Periods.Start(period, now));
        Assert.Null(Periods.Start("all", now));
    }
}
