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

    /// <summary>Takes <paramref name="count"/> numbers in one upsert (atomic on both databases) and returns the first.</summary>
    public static async Task<int> TakeAsync(LinliDb db, string district, string day, int count)
    {
        var last = (await db.Database.SqlQueryRaw<int>(
            "INSERT INTO case_number_counters (\"District\", \"Day\", \"Last\") VALUES ({0}, {1}, {2}) " +
            "ON CONFLICT (\"District\", \"Day\") DO UPDATE SET \"Last\" = case_number_counters.\"Last\" + excluded.\"Last\" " +
            "RETURNING \"Last\" AS \"Value\"", district, day, count).ToListAsync()).Single();
        return last - count + 1;
    }
}
