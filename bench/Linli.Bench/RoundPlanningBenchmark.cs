using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Linli.Modules.Inspections.Rounds.Planning;

namespace Linli.Bench;

/// <summary>
/// Planning one day: 300 due visits spread over the urban districts (a fixed seed), 25 inspectors
/// from one depot with 12 visits each, rounds ordered by nearest neighbour only against nearest
/// neighbour improved by 2-opt. The setup prints both totals of the same plan, since the point of
/// 2-opt is the kilometres it saves for the time it costs.
/// </summary>
[Config(typeof(Config))]
public class RoundPlanningBenchmark
{
    private List<PlanVisit> _visits = null!;
    private List<PlanInspector> _inspectors = null!;
    private static readonly DateOnly Day = new(2026, 11, 30);

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(10).WithWarmupCount(2).WithLaunchCount(1));
    }

    [GlobalSetup]
    public void Setup()
    {
        (_visits, _inspectors) = Instance(300, 25, 12);
        var nn = RoundPlanner.Plan(_visits, _inspectors, Day, improve: false);
        var opt = RoundPlanner.Plan(_visits, _inspectors, Day, improve: true);
        var nnKm = nn.Rounds.Sum(r => r.DistanceKm);
        var optKm = opt.Rounds.Sum(r => r.DistanceKm);
        Console.WriteLine($"// total route length: nearest neighbour {nnKm:F1} km, with 2-opt {optKm:F1} km ({(nnKm - optKm) / nnKm:P1} shorter); " +
            $"planned {opt.Rounds.Sum(r => r.Visits.Count)} of {_visits.Count}; longest round {opt.Rounds.Max(r => r.DistanceKm):F1} km");
    }

    public static (List<PlanVisit>, List<PlanInspector>) Instance(int visits, int inspectors, int capacity)
    {
        var random = new Random(20261129);
        var list = Enumerable.Range(0, visits).Select(i => new PlanVisit(new Guid(i + 1, 0, 0, new byte[8]),
            120.08 + random.NextDouble() * 0.20, 30.20 + random.NextDouble() * 0.16, Day.AddDays(random.Next(-20, 7)))).ToList();
        var crew = Enumerable.Range(0, inspectors).Select(i => new PlanInspector($"insp-{i:D2}", 120.165, 30.275, capacity)).ToList();
        return (list, crew);
    }

    [Benchmark(Baseline = true, Description = "nearest neighbour only")]
    public double NearestNeighbour() => RoundPlanner.Plan(_visits, _inspectors, Day, improve: false).Rounds.Sum(r => r.DistanceKm);

    [Benchmark(Description = "nearest neighbour + 2-opt")]
    public double WithTwoOpt() => RoundPlanner.Plan(_visits, _inspectors, Day, improve: true).Rounds.Sum(r => r.DistanceKm);
}
