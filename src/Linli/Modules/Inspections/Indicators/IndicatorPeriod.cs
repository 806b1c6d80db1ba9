using System.Globalization;
using Linli.Infrastructure.Errors;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>
/// The days an indicator report covers, both ends included, in China time (UTC+8, no daylight
/// saving): by default the current month. Instants (Unix ms) fall in it from the first day's
/// 00:00 to the day after the last day's 00:00, exclusive.
/// </summary>
internal sealed record IndicatorPeriod(DateOnly From, DateOnly To, DateOnly Today)
{
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>The longest period one report covers (a year and a day, so a leap year fits).</summary>
    public const int MaxDays = 367;

    public const long DayMs = 86_400_000;

    /// <summary>Milliseconds to add to a Unix time to count China days with integer division.</summary>
    public const long ChinaOffsetMs = 8 * 3_600_000;

    public long FromMs => StartMs(From);
    public long ToMsExclusive => StartMs(To.AddDays(1));

    /// <summary>Days since 1970-01-01 of a date, the same count as (ms + 8 h) / 1 day gives for an instant that day in China.</summary>
    public static long DayIndex(DateOnly day) => day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long StartMs(DateOnly day) => DayIndex(day) * DayMs - ChinaOffsetMs;

    public static DateOnly TodayIn(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime).DateTime);

    public static IndicatorPeriod Parse(string? from, string? to, TimeProvider clock)
    {
        var today = TodayIn(clock);
        var first = new DateOnly(today.Year, today.Month, 1);
        var start = from is { Length: > 0 } ? Day(from, "from") : to is { Length: > 0 } ? Day(to, "to").AddDays(1 - Day(to, "to").Day) : first;
        var end = to is { Length: > 0 } ? Day(to, "to") : start.AddMonths(1).AddDays(-1);
        if (end < start)
        {
            throw new RequestValidationException("to", "the period ends before it starts");
        }
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            throw new RequestValidationException("to", $"a period covers at most {MaxDays} days");
        }
        return new IndicatorPeriod(start, end, today);
    }

    private static DateOnly Day(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? day
            : throw new RequestValidationException(field, "a day like 2026-11-01");
}
