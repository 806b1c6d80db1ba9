using System.Globalization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ReportCase;

/// <summary>Case numbers: district, day (China time), and a running number of that district's day.</summary>
internal static class CaseNumbers
{
    public static string Day(DateTimeOffset at) => at.ToOffset(WorkingCalendar.ChinaStandardTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Format(string district, string day, int number) => $"{district}-{day}-{number:D5}";

    /// <summary>
    /// Takes numbers for several district-days in one upsert (atomic on both databases): the first
    /// number of each. The rows go in a fixed order, so two nodes taking numbers for the same
    /// districts lock them in the same order and cannot deadlock.
    /// </summary>
    public static async Task<Dictionary<(string District, string Day), int>> TakeAsync(LinliDb db,
        IReadOnlyCollection<(string District, string Day, int Count)> wanted)
    {
        if (wanted.Count == 0)
        {
            return [];
        }
        var ordered = wanted.OrderBy(w => w.District, StringComparer.Ordinal).ThenBy(w => w.Day, StringComparer.Ordinal).ToList();
        var values = string.Join(", ", ordered.Select((_, i) => $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
        var arguments = ordered.SelectMany(w => new object[] { w.District, w.Day, w.Count }).ToArray();
#pragma warning disable EF1003 // only placeholders are composed into the text; every value is a parameter
        var taken = await db.Database.SqlQueryRaw<TakenNumbers>(
            "INSERT INTO case_number_counters (\"District\", \"Day\", \"Last\") VALUES " + values + " " +
            "ON CONFLICT (\"District\", \"Day\") DO UPDATE SET \"Last\" = case_number_counters.\"Last\" + excluded.\"Last\" " +
            "RETURNING \"District\", \"Day\", \"Last\"", arguments).ToListAsync();
#pragma warning restore EF1003
        var counts = ordered.ToDictionary(w => (w.District, w.Day), w => w.Count);
        return taken.ToDictionary(t => (t.District, t.Day), t => t.Last - counts[(t.District, t.Day)] + 1);
    }

    private sealed record TakenNumbers(string District, string Day, int Last);
}
