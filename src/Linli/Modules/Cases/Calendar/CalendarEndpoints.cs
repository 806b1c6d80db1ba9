using System.Globalization;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Cases.Calendar;

public sealed record DeadlineAnswer(DateTimeOffset Start, double Value, string Unit, DateTimeOffset Deadline);

/// <summary>Admins keep each year's holiday arrangement; anyone signed in can read it and compute deadlines.</summary>
internal static class CalendarEndpoints
{
    public static async Task<Ok<CalendarYearDto>> Get(int year, LinliDb db, CancellationToken ct)
    {
        var stored = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct)
            ?? throw new NotFoundException($"No holiday arrangement is stored for {year}; an admin adds it with PUT /api/v1/calendar/{year}.");
        return TypedResults.Ok(JsonSerializer.Deserialize<CalendarYearDto>(stored.Document, CalendarStore.Json)!);
    }

    public static async Task<Ok<CalendarYearDto>> Put(int year, CalendarYearDto body, LinliDb db, CalendarStore store,
        IAuditLog audit, CancellationToken ct)
    {
        Validate(year, body);
        var document = JsonSerializer.Serialize(body with { Year = year }, CalendarStore.Json);
        var stored = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == year, ct);
        if (stored is null)
        {
            db.CalendarYears.Add(new CalendarYear(year, document));
        }
        else
        {
            stored.Replace(document);
        }
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        await audit.RecordAsync("calendar.update", year.ToString(CultureInfo.InvariantCulture), AuditOutcomes.Success,
            $"{body.Holidays?.Count ?? 0} holidays, {body.Workdays?.Count ?? 0} make-up days", CancellationToken.None);
        return TypedResults.Ok(body with { Year = year });
    }

    public static async Task<Ok<DeadlineAnswer>> Deadline(DateTimeOffset? start, double? value, string? unit, CalendarStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (value is null or <= 0 or > 10_000) errors["value"] = ["a positive number up to 10000 is required"];
        if (!TimeLimit.TryParseUnit(unit, out var limitUnit)) errors["unit"] = [$"must be one of {TimeLimit.UnitNames}"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var from = start ?? clock.GetUtcNow();
        var calendar = await store.CurrentAsync(ct);
        var deadline = calendar.Deadline(from, new TimeLimit(value!.Value, limitUnit));
        return TypedResults.Ok(new DeadlineAnswer(from.ToOffset(WorkingCalendar.ChinaStandardTime), value.Value, TimeLimit.NameOf(limitUnit), deadline));
    }

    private static void Validate(int year, CalendarYearDto body)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["must be between 2000 and 2100"];
        }
        if (body.Year != 0 && body.Year != year)
        {
            errors["year"] = [$"the body is for {body.Year}, the address for {year}"];
        }
        var holidays = body.Holidays ?? [];
        for (var i = 0; i < holidays.Count; i++)
        {
            var h = holidays[i];
            if (h.To < h.From)
            {
                errors[$"holidays[{i}]"] = ["'to' is before 'from'"];
            }
            else if (Math.Abs(h.From.Year - year) > 1 || Math.Abs(h.To.Year - year) > 1 || (h.To.DayNumber - h.From.DayNumber) > 31)
            {
                errors[$"holidays[{i}]"] = [$"dates must lie around {year} and span at most a month"];
            }
        }
        var workdays = body.Workdays ?? [];
        for (var i = 0; i < workdays.Count; i++)
        {
            if (Math.Abs(workdays[i].Year - year) > 1)
            {
                errors[$"workdays[{i}]"] = [$"{workdays[i]} is not around {year}"];
            }
            else if (holidays.Any(h => workdays[i] >= h.From && workdays[i] <= h.To))
            {
                errors[$"workdays[{i}]"] = [$"{workdays[i]} is also inside a holiday"];
            }
        }
        var periods = new List<WorkingPeriod>();
        foreach (var (period, i) in (body.WorkingHours ?? []).Select((p, i) => (p, i)))
        {
            try
            {
                periods.Add(CalendarStore.ParsePeriod(period));
                if (periods[^1].End <= periods[^1].Start)
                {
                    errors[$"workingHours[{i}]"] = ["must end after it starts"];
                }
            }
            catch (FormatException)
            {
                errors[$"workingHours[{i}]"] = ["times are written HH:mm, as 08:30"];
            }
        }
        var ordered = periods.OrderBy(p => p.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                errors["workingHours"] = ["periods overlap"];
            }
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
