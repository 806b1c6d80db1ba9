using System.Globalization;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Projects;

/// <summary>Project numbers for people: XM-2026-0007, a running number per year (China time).</summary>
internal static class ProjectNumbers
{
    /// <summary>Takes the next number in one upsert (atomic on both databases); a failed save leaves a gap, never a duplicate.</summary>
    public static async Task<string> TakeAsync(LinliDb db, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
        var last = (await db.Database.SqlQueryRaw<int>(
            "INSERT INTO project_number_counters (\"Year\", \"Last\") VALUES ({0}, 1) " +
            "ON CONFLICT (\"Year\") DO UPDATE SET \"Last\" = project_number_counters.\"Last\" + 1 " +
            "RETURNING \"Last\" AS \"Value\"", year).ToListAsync(ct)).Single();
        return string.Create(CultureInfo.InvariantCulture, $"XM-{year}-{last:D4}");
    }
}
