using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Linli.Modules.Traffic.Roads.ImportRoutes;

namespace Linli.Bench;

/// <summary>
/// GPS point → route + stake over the demo network (8 carriageways, ~420 km of line): the cached
/// network's locate (ready RouteLines, bounding boxes skip far lines), against the same search that
/// rebuilds every RouteLine from the stored rows per call (what the skeleton did after its database
/// read, the read itself not counted), and a scan that projects onto every line without the boxes.
/// Points: 1,000 along the carriageways with up to 100 m of noise, half with a heading.
/// </summary>
[Config(typeof(Config))]
public class RoadLocateBenchmark
{
    private IReadOnlyList<RoadNetwork.Carriageway> _lines = [];
    private List<Expressway> _rows = [];
    private (double Lon, double Lat, double? Heading)[] _points = [];
    private int _next;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithAffinity(1).WithIterationCount(5).WithWarmupCount(2).WithLaunchCount(1));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(RoadDemoData).Assembly.GetManifestResourceStream(RoadDemoData.Resource)!;
        using var document = JsonDocument.Parse(stream);
        var (routes, _) = RouteGeoJson.Read(document.RootElement);
        _rows = [.. routes.Select(r => new Expressway(Guid.NewGuid(), r.Code, r.Name, r.Direction, r.Operator, r.Line,
            JsonSerializer.Serialize(r.Marks.Select(m => new { along = m.Along, stake = m.Stake })), r.Route.LengthMeters, 0))];
        _lines = [.. _rows.Select(RoadNetwork.Load)];
        var random = new Random(11);
        _points = [.. Enumerable.Range(0, 1_000).Select(_ =>
        {
            var line = _lines[random.Next(_lines.Count)].Line;
            var p = line.PointAlong(random.NextDouble() * line.LengthMeters);
            var noise = 100 / 111_000.0;
            return (p.X + (random.NextDouble() - 0.5) * noise, p.Y + (random.NextDouble() - 0.5) * noise, random.Next(2) == 0 ? (double?)random.Next(360) : null);
        })];
    }

    private (double Lon, double Lat, double? Heading) Next() => _points[_next++ % _points.Length];

    [Benchmark(Baseline = true, Description = "cached network (what /locate uses)")]
    public RoadPosition? Cached()
    {
        var (lon, lat, heading) = Next();
        return RoadNetwork.Locate(_lines, lon, lat, heading, 150);
    }

    [Benchmark(Description = "RouteLines rebuilt from the rows per call (no database read)")]
    public RoadPosition? Rebuilt()
    {
        var (lon, lat, heading) = Next();
        return RoadNetwork.Locate([.. _rows.Select(RoadNetwork.Load)], lon, lat, heading, 150);
    }

    [Benchmark(Description = "every line projected (no bounding boxes)")]
    public RoadPosition? Scan()
    {
        var (lon, lat, heading) = Next();
        RoadPosition? best = null;
        foreach (var c in _lines)
        {
            var at = c.Line.Project(lon, lat);
            if (at.OffsetMeters <= 150 && (best is null || at.OffsetMeters < best.OffsetMeters))
            {
                best = new RoadPosition(c.Road.Code, c.Road.Name, c.Road.Direction, c.Road.Operator, at.StakeMeters, at.Lon, at.Lat, at.OffsetMeters);
            }
        }
        return best;
    }
}
