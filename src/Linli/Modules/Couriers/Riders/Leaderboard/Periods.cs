using Linli.Infrastructure.Errors;

namespace Linli.Modules.Couriers.Riders.Leaderboard;

/// <summary>Calendar periods in China time (本周/本月/本年/全部): a week starts on Monday.</summary>
internal static class Periods
{
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static IReadOnlyList<string> All { get; } = ["week", "month", "year", "all"];

    /// <summary>Where the period began, or null for all time.</summary>
    public static DateTimeOffset? Start(string? period, DateTimeOffset now)
    {
        var today = now.ToOffset(ChinaTime).Date;
        return (period ?? "month").Trim().ToLowerInvariant() switch
        {
            "week" => new DateTimeOffset(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), ChinaTime),
            "month" => new DateTimeOffset(new DateTime(today.Year, today.Month, 1), ChinaTime),
            "year" => new DateTimeOffset(new DateTime(today.Year, 1, 1), ChinaTime),
            "all" => null,
            _ => throw new RequestValidationException("period", "week, month, year or all"),
        };
    }

    public static string Normalise(string? period) => string.IsNullOrWhiteSpace(period) ? "month" : period.Trim().ToLowerInvariant();
}
