using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Npgsql;

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
