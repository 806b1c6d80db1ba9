namespace Linli.Modules.Cases.Calendar;

/// <summary>One stretch of working time in a day, in China Standard Time.</summary>
public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End);

/// <summary>
/// Deadline arithmetic on the national working calendar: weekends off unless they are make-up
/// working days (调休), public holidays off, working time only within the day's working periods
/// (08:30-12:00 and 13:30-18:00 by default), all in China Standard Time (UTC+8, no daylight saving).
/// A working day counts as one day's worth of working time, so "1 working day" from Friday 10:00 is
/// Monday 10:00, and a limit never ends in a lunch break or at night.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly List<WorkingPeriod> _periods;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IReadOnlyList<WorkingPeriod> periods)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
        _periods = periods.OrderBy(p => p.Start).ToList();
        if (_periods.Count == 0 || _periods.Any(p => p.End <= p.Start))
        {
            throw new ArgumentException("A working calendar needs at least one working period, each ending after it starts.");
        }
        WorkingDayLength = TimeSpan.FromTicks(_periods.Sum(p => (p.End - p.Start).Ticks));
    }

    /// <summary>The working time of one working day (8 h by default).</summary>
    public TimeSpan WorkingDayLength { get; }

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>When a limit that starts at <paramref name="start"/> runs out.</summary>
    public DateTimeOffset Deadline(DateTimeOffset start, TimeLimit limit) => limit.Unit switch
    {
        LimitUnit.NaturalHours => start.AddHours(limit.Value),
        LimitUnit.NaturalMinutes => start.AddMinutes(limit.Value),
        LimitUnit.WorkingHours => AddWorkingTime(start, TimeSpan.FromHours(limit.Value)),
        LimitUnit.WorkingDays => AddWorkingTime(start, WorkingDayLength * limit.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };

    /// <summary>How much of a limit has been used between two instants, in the limit's own kind of time.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to, TimeLimit limit) =>
        limit.IsWorkingTime ? WorkingTimeBetween(from, to) : (to > from ? to - from : TimeSpan.Zero);

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        var cursor = start.ToOffset(ChinaStandardTime);
        var remaining = amount;
        if (remaining <= TimeSpan.Zero)
        {
            return cursor;
        }
        // Ten years of days is far beyond any limit; the bound only guards against a calendar with no working days.
        for (var guard = 0; guard < 3650; guard++)
        {
            var day = DateOnly.FromDateTime(cursor.DateTime);
            if (IsWorkingDay(day))
            {
                foreach (var period in _periods)
                {
                    var periodStart = At(day, period.Start);
                    var periodEnd = At(day, period.End);
                    if (cursor >= periodEnd)
                    {
                        continue;
                    }
                    var from = cursor > periodStart ? cursor : periodStart;
                    var available = periodEnd - from;
                    if (remaining <= available)
                    {
                        return from + remaining;
                    }
                    remaining -= available;
                    cursor = periodEnd;
                }
            }
            cursor = At(day.AddDays(1), TimeOnly.MinValue);
        }
        throw new InvalidOperationException("The working calendar has no working time in the next ten years.");
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        var start = from.ToOffset(ChinaStandardTime);
        var end = to.ToOffset(ChinaStandardTime);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start.DateTime); day <= DateOnly.FromDateTime(end.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }
            foreach (var period in _periods)
            {
                var a = At(day, period.Start);
                var b = At(day, period.End);
                var overlapStart = a > start ? a : start;
                var overlapEnd = b < end ? b : end;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }
        return total;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), ChinaStandardTime);
}
