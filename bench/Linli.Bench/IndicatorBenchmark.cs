using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Indicators;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Linli.Bench;

/// <summary>
/// Indicators over 5 million cases on the city tree (PostgreSQL): the city overview and one
/// street's month, read from Linli's incremental counters, against a plain GROUP BY over the cases
/// table in the same run. Set LINLI_BENCH_CASES to use fewer cases while trying it out.
/// </summary>
[Config(typeof(Config))]
public class IndicatorBenchmark
{
    private const string Street = "330105001";
    private const string Month = "2026-10";
    private NpgsqlConnection _connection = null!;
    private long _from, _to;

    private sealed class Config : ManualConfig
    {
        // In process with a long timeout: the first run fills 5 million cases before measuring.
        public Config() => AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)).WithIterationCount(10).WithWarmupCount(3));
    }

    [GlobalSetup]
    public void Setup()
    {
        var server = Environment.GetEnvironmentVariable("LINLI_BENCH_POSTGRES") ?? throw new InvalidOperationException("LINLI_BENCH_POSTGRES is not set");
        var count = int.Parse(Environment.GetEnvironmentVariable("LINLI_BENCH_CASES") ?? "5000000", CultureInfo.InvariantCulture);
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "linli_bench_cases" }.ConnectionString;
        CaseFill.EnsureAsync(server, database, count).GetAwaiter().GetResult();
        var builder = new NpgsqlDataSourceBuilder(database);
        _connection = builder.Build().OpenConnection();
        _from = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        _to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [Benchmark(Description = "City overview, month: Linli counters")]
    public long CityCounters() => Counters("region:330100");

    [Benchmark(Baseline = true, Description = "City overview, month: GROUP BY over cases")]
    public long CityGroupBy() => GroupBy(null);

    [Benchmark(Description = "One street, month: Linli counters")]
    public long StreetCounters() => Counters($"region:{Street}");

    [Benchmark(Description = "One street, month: GROUP BY over cases")]
    public long StreetGroupBy() => GroupBy(Street);

    private long Counters(string scope)
    {
        using var command = new NpgsqlCommand("SELECT metric, value FROM case_counters WHERE scope = $1 AND period = $2", _connection);
        command.Parameters.AddWithValue(scope);
        command.Parameters.AddWithValue(Month);
        using var reader = command.ExecuteReader();
        long total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(1);
        }
        return total;
    }

    private long GroupBy(string? street)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE "Stage" IN ('closed', 'evaluated')), count(*) FILTER (WHERE "ClosedOnTime"),
                   sum("ReworkCount"), sum("DispatchCount"), count("Rating"), coalesce(sum("Rating"), 0)
            FROM cases WHERE "ReportedAtMs" >= $1 AND "ReportedAtMs" < $2
            """ + (street is null ? "" : " AND \"GridCode\" LIKE $3"), _connection);
        command.Parameters.AddWithValue(_from);
        command.Parameters.AddWithValue(_to);
        if (street is not null)
        {
            command.Parameters.AddWithValue(street + "%");
        }
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) + reader.GetInt64(1);
    }
}

/// <summary>Fills the benchmark database once: 5 million cases over the city's grids in 2026, with their counters.</summary>
internal static class CaseFill
{
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
                "ClosedOnTime", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                var (grid, point) = grids[random.Next(grids.Length)];
                var reported = year.AddMinutes(random.Next(0, 334 * 24 * 60));
                var closed = random.NextDouble() < 0.9;
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
                import.Write("bench", NpgsqlDbType.Varchar);
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
        await using (var import = await connection.BeginBinaryImportAsync("COPY case_counters (scope, period, metric, value) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((scope, period, metric), value) in counters)
            {
                await import.WriteRowAsync(default, scope, period, metric, value);
            }
            await import.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE cases; ANALYZE case_counters;", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"// filled {count} cases and {counters.Count} counters in {started.Elapsed.TotalSeconds:0} s");
    }
}
