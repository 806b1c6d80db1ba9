using Linli.Modules.Cases;
using Linli.Modules.Cases.Calendar;

namespace Linli.Tests.Cases;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = ReferenceData.ShippedWorkingCalendar();

    private static DateTimeOffset Cst(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // A make-up Saturday before the 2026 Spring Festival counts as a working day.
    [InlineData("2026-02-13T16:00:00", 1, LimitUnit.WorkingDays, "2026-02-14T16:00:00")]
    // From that Saturday, the festival (15-23 Feb) is skipped.
    [InlineData("2026-02-14T16:00:00", 2, LimitUnit.WorkingDays, "2026-02-25T16:00:00")]
    // The make-up Sunday before the 2025 Spring Festival.
    [InlineData("2025-01-24T16:00:00", 4, LimitUnit.WorkingHours, "2025-01-26T10:30:00")]
    // The 2025 National Day and Mid-Autumn week (1-8 Oct).
    [InlineData("2025-09-30T17:00:00", 2, LimitUnit.WorkingHours, "2025-10-09T09:30:00")]
    // Over a weekend: Friday 10:00 plus one working day is Monday 10:00.
    [InlineData("2026-03-06T10:00:00", 1, LimitUnit.WorkingDays, "2026-03-09T10:00:00")]
    // Reported in the lunch break: the clock starts at 13:30.
    [InlineData("2026-03-02T12:30:00", 1, LimitUnit.WorkingHours, "2026-03-02T14:30:00")]
    // Reported at night: the clock starts next morning.
    [InlineData("2026-03-02T22:00:00", 1, LimitUnit.WorkingHours, "2026-03-03T09:30:00")]
    // A limit that ends exactly at the end of the morning ends then, not after lunch.
    [InlineData("2026-03-02T08:30:00", 3.5, LimitUnit.WorkingHours, "2026-03-02T12:00:00")]
    // Natural hours ignore the calendar: the festival does not stop a gas leak's clock.
    [InlineData("2026-02-17T23:00:00", 2, LimitUnit.NaturalHours, "2026-02-18T01:00:00")]
    [InlineData("2026-02-17T23:50:00", 20, LimitUnit.NaturalMinutes, "2026-02-18T00:10:00")]
    public void Deadlines_follow_the_national_calendar(string start, double value, LimitUnit unit, string expected) =>
        Assert.Equal(Cst(expected), Calendar.Deadline(Cst(start), new TimeLimit(value, unit)));

    [Fact]
    public void A_start_given_in_utc_is_counted_in_china_standard_time()
    {
        var start = new DateTimeOffset(2026, 2, 13, 8, 0, 0, TimeSpan.Zero); // 16:00 in Beijing
        Assert.Equal(Cst("2026-02-14T16:00:00"), Calendar.Deadline(start, new TimeLimit(1, LimitUnit.WorkingDays)));
    }

    [Fact]
    public void Working_time_between_two_instants_leaves_out_lunch_nights_and_holidays()
    {
        Assert.Equal(TimeSpan.FromHours(1.5), Calendar.WorkingTimeBetween(Cst("2026-03-02T11:00:00"), Cst("2026-03-02T14:00:00")));
        Assert.Equal(TimeSpan.FromHours(10), Calendar.WorkingTimeBetween(Cst("2026-02-14T16:00:00"), Cst("2026-02-24T18:00:00")));
        Assert.Equal(TimeSpan.Zero, Calendar.WorkingTimeBetween(Cst("2026-02-15T09:00:00"), Cst("2026-02-23T17:00:00")));
    }

    [Theory]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    [InlineData("2027-02-08", false)]
    [InlineData("2026-10-08", true)]
    public void Working_days_know_holidays_and_make_up_days(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
