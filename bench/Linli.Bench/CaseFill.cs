using System.Globalization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Indicators;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Linli.Bench;

/// <summary>
/// Fills a PostgreSQL database with synthetic cases over the city's grids, with the counters that
/// Linli's intake and actions would have kept for them: one year (2026) by binary COPY, and earlier
/// years as copies of that year shifted back by whole calendar years (old cases all closed).
/// Synthetic cases are told apart from real ones by their description, "bench".
/// </summary>
internal static class CaseFill
{
    /// <summary>Cases a synthetic year holds; LINLI_BENCH_CASES_PER_YEAR makes it smaller for a trial run.</summary>
    public static readonly int CasesPerYear = int.Parse(Environment.GetEnvironmentVariable("LINLI_BENCH_CASES_PER_YEAR") ?? "5000000", CultureInfo.InvariantCulture);
    private const string Marker = "bench";

    /// <summary>The synthetic year runs from January 1st to November 28th 2026, in China time.</summary>
    private const int DaysFilled = 331;

    /// <summary>The indicator benchmark's own database: created, migrated and filled once.</summary>
    public static async Task EnsureAsync(string server, string database, int count)
    {
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'linli_bench_cases'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand("CREATE DATABASE linli_bench_cases", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        await using (var db = new PostgresLinliDb(new DbContextOptionsBuilder<PostgresLinliDb>().UseNpgsql(database, o => o.UseNetTopologySuite()).Options))
        {
            await db.Database.MigrateAsync();
            if (await db.Cases.AnyAsync())
            {
                return;
            }
        }
        await CopyYearAsync(database, count);
    }

    /// <summary>
    /// Grows a migrated Linli database (a running node's, with its regions and demo data) to
    /// <paramref name="target"/> synthetic cases: whole years of <see cref="CasesPerYear"/>.
    /// </summary>
    public static async Task GrowAsync(string database, long target)
    {
        if (target % CasesPerYear != 0)
        {
            throw new ArgumentException($"the target must be a multiple of {CasesPerYear:N0}", nameof(target));
        }
        await using (var db = new PostgresLinliDb(new DbContextOptionsBuilder<PostgresLinliDb>().UseNpgsql(database, o => o.UseNetTopologySuite()).Options))
        {
            await db.Database.MigrateAsync();
        }
        var have = await ScalarAsync(database, $"SELECT count(*) FROM cases WHERE \"Description\" = '{Marker}'");
        if (have == 0)
        {
            await CopyYearAsync(database, CasesPerYear);
            have = CasesPerYear;
        }
        for (var yearsBack = (int)(have / CasesPerYear); yearsBack < target / CasesPerYear; yearsBack++)
        {
            await CopyEarlierYearAsync(database, yearsBack);
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        // One statement each: VACUUM refuses to run inside the implicit transaction of a batch.
        await ExecuteAsync(database, "VACUUM ANALYZE cases");
        await ExecuteAsync(database, "VACUUM ANALYZE case_counters");
        Console.WriteLine($"// vacuum analyze in {started.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>One year of cases (2026, January to November 28th) by binary COPY, counters added to any already there.</summary>
    private static async Task CopyYearAsync(string database, int count)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var grids = CityFixture.Regions.Where(r => r.Level == RegionLevel.Grid).Select(r => (r.Code, Point: r.Geometry.InteriorPoint)).ToArray();
        var builder = new NpgsqlDataSourceBuilder(database);
        builder.UseNetTopologySuite();
        await using var source = builder.Build();
        await using var connection = await source.OpenConnectionAsync();
        var counters = new Dictionary<(string, string, string), long>();
        var random = new Random(2026);
        var year = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var units = new[] { "HW", "CG", "SZ", "YL", "SW", "GAS" };
        using (var import = connection.BeginBinaryImport(
            """
            COPY cases ("Id", "Number", "Source", "CategoryCode", "Priority", "Description", "Location", "DistrictCode", "StreetCode",
                "CommunityCode", "GridCode", "FollowTokenHash", "Stage", "AssignedUnit", "SelfHandled", "ReturnCount", "ReworkCount",
                "DispatchCount", "Rating", "ReportedAt", "ReportedAtMs", "StageStartedAt", "StageEntry", "CaseDeadlineMs", "ClosedAtMs",
                "ClosedOnTime", "Version", "StageDeadlineMs") FROM STDIN (FORMAT BINARY)
            """))
        {
            // In time order, as a live system writes them: the recent cases sit together at the end of the table.
            var minutes = new int[count];
            for (var i = 0; i < count; i++)
            {
                minutes[i] = random.Next(0, DaysFilled * 24 * 60);
            }
            Array.Sort(minutes);
            for (var i = 0; i < count; i++)
            {
                var (grid, point) = grids[random.Next(grids.Length)];
                var reported = year.AddMinutes(minutes[i]);
                // Cases of the last ten days are still being worked on (60 %); older ones are nearly all closed.
                var recent = reported >= year.AddDays(DaysFilled - 10);
                var closed = random.NextDouble() < (recent ? 0.4 : 0.997);
                var onTime = closed && random.NextDouble() < 0.85;
                var rework = random.NextDouble() < 0.05 ? 1 : 0;
                var unit = units[random.Next(units.Length)];
                int? rating = closed && random.NextDouble() < 0.6 ? random.Next(2, 6) : null;
                var ms = reported.ToUnixTimeMilliseconds();
                import.StartRow();
                import.Write(Guid.NewGuid(), NpgsqlDbType.Uuid);
                import.Write($"{grid[..6]}-{i:D10}", NpgsqlDbType.Varchar);
                import.Write("web", NpgsqlDbType.Varchar);
                import.Write("1101", NpgsqlDbType.Varchar);
                import.Write("normal", NpgsqlDbType.Varchar);
                import.Write(Marker, NpgsqlDbType.Varchar);
                import.Write((Geometry)point, NpgsqlDbType.Geometry);
                import.Write(grid[..6], NpgsqlDbType.Varchar);
                import.Write(grid[..9], NpgsqlDbType.Varchar);
                import.Write(grid[..12], NpgsqlDbType.Varchar);
                import.Write(grid, NpgsqlDbType.Varchar);
                import.Write("x", NpgsqlDbType.Varchar);
                import.Write(closed ? (rating is null ? "closed" : "evaluated") : "dispatched", NpgsqlDbType.Varchar);
                import.Write(unit, NpgsqlDbType.Varchar);
                import.Write(false, NpgsqlDbType.Boolean);
                import.Write(0, NpgsqlDbType.Integer);
                import.Write(rework, NpgsqlDbType.Integer);
                import.Write(1 + rework, NpgsqlDbType.Integer);
                if (rating is null) { import.WriteNull(); } else { import.Write(rating.Value, NpgsqlDbType.Integer); }
                import.Write(reported.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                import.Write(ms, NpgsqlDbType.Bigint);
                import.Write(reported.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                import.Write(1, NpgsqlDbType.Integer);
                import.Write(ms + 86_400_000L, NpgsqlDbType.Bigint);
                if (closed) { import.Write(ms + 3_600_000L, NpgsqlDbType.Bigint); } else { import.WriteNull(); }
                import.Write(onTime, NpgsqlDbType.Boolean);
                import.Write(8, NpgsqlDbType.Integer);
                if (closed) { import.WriteNull(); } else { import.Write(ms + 3 * 86_400_000L, NpgsqlDbType.Bigint); }

                var local = reported.ToOffset(TimeSpan.FromHours(8));
                var periods = new[] { local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("yyyy-MM", CultureInfo.InvariantCulture) };
                var scopes = new[] { "region:330100", $"region:{grid[..6]}", $"region:{grid[..9]}", $"region:{grid[..12]}", $"region:{grid}", $"unit:{unit}" };
                foreach (var scope in scopes)
                {
                    foreach (var period in CaseCounters.PeriodsOf(scope, periods))
                    {
                        void Add(string metric, long value = 1) => counters[(scope, period, metric)] = counters.GetValueOrDefault((scope, period, metric)) + value;
                        Add("reported");
                        Add("dispatched", 1 + rework);
                        if (closed) Add("closed");
                        if (onTime) Add("closed-on-time");
                        if (rework > 0) Add("reworked");
                        if (rating is not null) { Add("rated"); Add("rating-sum", rating.Value); }
                    }
                }
            }
            import.Complete();
        }
        // Into a staging table first: a node's own cases may already have counted in the same keys.
        await using (var stage = new NpgsqlCommand("CREATE TEMP TABLE counter_fill (scope text, period text, metric text, value bigint)", connection))
        {
            await stage.ExecuteNonQueryAsync();
        }
        await using (var import = await connection.BeginBinaryImportAsync("COPY counter_fill (scope, period, metric, value) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((scope, period, metric), value) in counters)
            {
                await import.WriteRowAsync(default, scope, period, metric, value);
            }
            await import.CompleteAsync();
        }
        await using (var merge = new NpgsqlCommand(
            """
            INSERT INTO case_counters (scope, period, metric, value) SELECT scope, period, metric, value FROM counter_fill
            ON CONFLICT (scope, period, metric) DO UPDATE SET value = case_counters.value + excluded.value;
            DROP TABLE counter_fill; ANALYZE cases; ANALYZE case_counters;
            """, connection))
        {
            merge.CommandTimeout = 0;
            await merge.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"// filled {count} cases and {counters.Count} counters in {started.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>
    /// Copies 2026's synthetic cases <paramref name="yearsBack"/> calendar years earlier (in China
    /// time), all closed by then, and their counters with the year of the period changed.
    /// </summary>
    private static async Task CopyEarlierYearAsync(string database, int yearsBack)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        await ExecuteAsync(database,
            $"""
            SET TIME ZONE 'Asia/Shanghai';
            INSERT INTO cases ("Id", "Number", "Source", "CategoryCode", "Priority", "Description", "Location", "DistrictCode", "StreetCode",
                "CommunityCode", "GridCode", "FollowTokenHash", "Stage", "AssignedUnit", "SelfHandled", "ReturnCount", "ReworkCount",
                "DispatchCount", "Rating", "ReportedAt", "ReportedAtMs", "StageStartedAt", "StageEntry", "CaseDeadlineMs", "ClosedAtMs",
                "ClosedOnTime", "Version")
            SELECT gen_random_uuid(), "Number" || '-{yearsBack}', "Source", "CategoryCode", "Priority", "Description", "Location", "DistrictCode",
                "StreetCode", "CommunityCode", "GridCode", "FollowTokenHash",
                CASE WHEN "Stage" IN ('closed', 'evaluated') THEN "Stage" ELSE 'closed' END, "AssignedUnit", "SelfHandled", "ReturnCount",
                "ReworkCount", "DispatchCount", "Rating", "ReportedAt" - interval '{yearsBack} years', "ReportedAtMs" - shift,
                "StageStartedAt" - interval '{yearsBack} years', "StageEntry", "CaseDeadlineMs" - shift,
                coalesce("ClosedAtMs", "ReportedAtMs" + 3600000) - shift, "ClosedOnTime", "Version"
            FROM (SELECT *, (extract(epoch FROM "ReportedAt") - extract(epoch FROM "ReportedAt" - interval '{yearsBack} years'))::bigint * 1000 AS shift
                  FROM cases WHERE "Description" = '{Marker}' AND "ReportedAtMs" >= {from}) AS year2026
            ORDER BY "ReportedAtMs";
            INSERT INTO case_counters (scope, period, metric, value)
            SELECT scope, (left(period, 4)::int - {yearsBack})::text || substr(period, 5), metric, value FROM case_counters WHERE period LIKE '2026%'
            ON CONFLICT (scope, period, metric) DO UPDATE SET value = case_counters.value + excluded.value;
            """);
        Console.WriteLine($"// copied 2026's cases {yearsBack} year(s) back in {started.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
