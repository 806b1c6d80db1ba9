using System.Globalization;
using Linli.Infrastructure.Errors;

namespace Linli.Modules.Traffic.Board.Indicators;

/// <summary>
/// Whole months in China time (UTC+8, no daylight saving), both ends included: by default the
/// current month and the two before it (from alone: it and the two after). An incident counts in the month its report falls in.
/// </summary>
internal sealed record MonthRange(DateOnly First, DateOnly Last)
{
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>The longest range one report covers.</summary>
    public const int MaxMonths = 24;

    public long FromMs => StartMs(First);
    public long ToMsExclusive => StartMs(Last.AddMonths(1));

    public IEnumerable<string> Months()
    {
        for (var m = First; m <= Last; m = m.AddMonths(1))
        {
            yield return Key(m);
        }
    }

    public static long StartMs(DateOnly month) =>
        new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, ChinaTime).ToUnixTimeMilliseconds();

    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The China month an instant falls in, as yyyy-MM.</summary>
    public static string MonthOf(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly CurrentMonth(TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToOffset(ChinaTime);
        return new DateOnly(now.Year, now.Month, 1);
    }

    public static MonthRange Parse(string? from, string? to, TimeProvider clock)
    {
        var first = from is { Length: > 0 } ? Month(from, "from") : (DateOnly?)null;
        var last = to is { Length: > 0 } ? Month(to, "to") : (DateOnly?)null;
        last ??= first?.AddMonths(2) ?? CurrentMonth(clock);
        first ??= last.Value.AddMonths(-2);
        if (last < first)
        {
            throw new RequestValidationException("to", "the range ends before it starts");
        }
        if ((last.Value.Year - first.Value.Year) * 12 + last.Value.Month - first.Value.Month + 1 > MaxMonths)
        {
            throw new RequestValidationException("to", $"a range covers at most {MaxMonths} months");
        }
        return new MonthRange(first.Value, last.Value);
    }

    private static DateOnly Month(string text, string field) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? day
            : throw new RequestValidationException(field, "a month like 2026-09");
}
