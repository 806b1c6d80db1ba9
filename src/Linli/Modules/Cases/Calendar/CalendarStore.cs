using System.Globalization;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Calendar;

/// <summary>
/// The working calendar built from every stored year, cached for a minute (the arrangement changes
/// once a year; an update on this node takes effect at once, on others within the minute).
/// </summary>
public sealed class CalendarStore(IDbContextFactory<LinliDb> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<WorkingPeriod> DefaultPeriods =
        [new(new TimeOnly(8, 30), new TimeOnly(12, 0)), new(new TimeOnly(13, 30), new TimeOnly(18, 0))];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private volatile Cached? _cached;

    private sealed record Cached(WorkingCalendar Calendar, DateTimeOffset LoadedAt);

    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct = default)
    {
        if (_cached is { } cached && clock.GetUtcNow() - cached.LoadedAt < TimeSpan.FromMinutes(1))
        {
            return cached.Calendar;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var years = (await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct))
            .Select(y => JsonSerializer.Deserialize<CalendarYearDto>(y.Document, Json)!)
            .ToList();
        var calendar = Build(years);
        _cached = new Cached(calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate() => _cached = null;

    public static WorkingCalendar Build(IReadOnlyList<CalendarYearDto> years)
    {
        var holidays = years.SelectMany(y => y.Holidays ?? []).SelectMany(Days);
        var workdays = years.SelectMany(y => y.Workdays ?? []);
        var latestHours = years.LastOrDefault(y => y.WorkingHours is { Count: > 0 })?.WorkingHours;
        var periods = latestHours is null ? DefaultPeriods : latestHours.Select(ParsePeriod).ToList();
        return new WorkingCalendar(holidays, workdays, periods);
    }

    private static IEnumerable<DateOnly> Days(HolidayDto holiday)
    {
        for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public static WorkingPeriod ParsePeriod(PeriodDto period) => new(
        TimeOnly.ParseExact(period.Start, "HH:mm", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(period.End, "HH:mm", CultureInfo.InvariantCulture));
}
