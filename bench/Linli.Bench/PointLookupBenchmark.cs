using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Linli.Modules.Geography.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Linli.Bench;

/// <summary>
/// Point → grid on the city scale (about 20,000 grids): Linli's in-memory STRtree index against
/// PostGIS <c>ST_Contains</c> over a GiST index on the same polygons and points, in the same run.
/// Rates are per point ("Op" = one lookup) on one core.
/// </summary>
[Config(typeof(Config))]
public class PointLookupBenchmark
{
    private const int Batch = 10_000;
    private const int PostgisBatch = 2_000;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _single;
    private NpgsqlCommand? _set;
    private (double Lon, double Lat)[] _points = [];

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process, so the city (a minute to generate) is built once for every benchmark.
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(5).WithWarmupCount(2));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _points = CityFixture.Points;
        var postgres = Environment.GetEnvironmentVariable("LINLI_BENCH_POSTGRES");
        if (postgres is null)
        {
            Console.WriteLine("// LINLI_BENCH_POSTGRES not set: PostGIS benchmarks will fail");
            return;
        }
        _connection = PostgisGrids.Open(postgres);
        _single = new NpgsqlCommand(
            "SELECT code FROM bench_grids WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) ORDER BY code LIMIT 1", _connection);
        _single.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double });
        _single.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double });
        _single.Prepare();
        _set = new NpgsqlCommand(
            """
            SELECT p.i, g.code
            FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(x, y, i)
            LEFT JOIN LATERAL (
                SELECT code FROM bench_grids
                WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)) ORDER BY code LIMIT 1) g ON true
            """, _connection);
        _set.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        _set.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
    }

    [GlobalCleanup]
    public void Cleanup() => _connection?.Dispose();

    [Benchmark(OperationsPerInvoke = Batch, Description = "Linli index: cell directory over the STRtree (what /locate uses)")]
    public int InMemoryIndex()
    {
        var index = CityFixture.Index;
        var found = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (lon, lat) = _points[i];
            if (index.FindContainingGrid(lon, lat) is not null)
            {
                found++;
            }
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "STRtree + prepared point-in-area locators alone")]
    public int StrTreeOnly()
    {
        var index = CityFixture.Index;
        var found = 0;
        for (var i = 0; i < Batch; i++)
        {
            var (lon, lat) = _points[i];
            if (index.FindContainingGridByTree(lon, lat) is not null)
            {
                found++;
            }
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = PostgisBatch, Baseline = true, Description = "PostGIS ST_Contains + GiST, one prepared query per point")]
    public int PostgisPerPoint()
    {
        var found = 0;
        for (var i = 0; i < PostgisBatch; i++)
        {
            _single!.Parameters[0].Value = _points[i].Lon;
            _single.Parameters[1].Value = _points[i].Lat;
            if (_single.ExecuteScalar() is string)
            {
                found++;
            }
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = PostgisBatch, Description = "PostGIS ST_Contains + GiST, one set query per 2,000 points")]
    public int PostgisSet()
    {
        _set!.Parameters[0].Value = _points.Take(PostgisBatch).Select(p => p.Lon).ToArray();
        _set.Parameters[1].Value = _points.Take(PostgisBatch).Select(p => p.Lat).ToArray();
        var found = 0;
        using var reader = _set.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
            {
                found++;
            }
        }
        return found;
    }
}

/// <summary>Loads the city's grids into a PostGIS table with a GiST index (once per database).</summary>
internal static class PostgisGrids
{
    public static NpgsqlConnection Open(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        var dataSource = builder.Build();
        var connection = dataSource.OpenConnection();
        using (var check = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis; CREATE TABLE IF NOT EXISTS bench_grids (code text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL); SELECT count(*) FROM bench_grids", connection))
        {
            if ((long)check.ExecuteScalar()! > 0)
            {
                return connection;
            }
        }
        connection.ReloadTypes();
        using (var import = connection.BeginBinaryImport("COPY bench_grids (code, geom) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var grid in CityFixture.Regions.Where(r => r.Level == RegionLevel.Grid))
            {
                import.StartRow();
                import.Write(grid.Code, NpgsqlDbType.Text);
                import.Write(grid.Geometry, NpgsqlDbType.Geometry);
            }
            import.Complete();
        }
        using (var index = new NpgsqlCommand("CREATE INDEX bench_grids_geom ON bench_grids USING gist (geom); ANALYZE bench_grids;", connection))
        {
            index.ExecuteNonQuery();
        }
        return connection;
    }
}
