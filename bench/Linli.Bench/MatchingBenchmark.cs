using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Google.OrTools.LinearSolver;
using Linli.Modules.Lists.Matching;

namespace Linli.Bench;

/// <summary>
/// The assignment solver on 10,000 demands × 3,000 resources (about 400,000 edges), against the
/// linear program of the same instance solved by GLOP. The setup solves both once and refuses to
/// measure unless their objectives agree and the assignment keeps every quantity and capacity.
/// </summary>
[Config(typeof(Config))]
public class MatchingBenchmark
{
    private MatchingInstance _instance = null!;

    private sealed class Config : ManualConfig
    {
        // In process (OR-Tools' native library loads once) and short: a few iterations say enough.
        public Config() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(5).WithWarmupCount(1).WithLaunchCount(1));
    }

    [GlobalSetup]
    public void Setup()
    {
        _instance = MatchingInstance.Create();
        var flow = AssignmentSolver.Solve(_instance.Demands, _instance.Resources, _instance.Edges);
        var (lp, status) = MatchingCheck.LinearProgram(_instance);
        var gap = Math.Abs(lp - flow.Objective) / Math.Max(1, Math.Abs(lp));
        Console.WriteLine($"// objectives: AssignmentSolver {flow.Objective:F6}, GLOP {lp:F6} ({status}); relative difference {gap:E2}; " +
            $"{MatchingCheck.Violations(_instance, flow)} constraint violations");
        if (status != Solver.ResultStatus.OPTIMAL || gap > 1e-7 || MatchingCheck.Violations(_instance, flow) > 0)
        {
            throw new InvalidOperationException("The solver's answer is not the optimum; nothing to measure.");
        }
    }

    [Benchmark(Description = "AssignmentSolver (OR-Tools min-cost flow)")]
    public double MinCostFlow() => AssignmentSolver.Solve(_instance.Demands, _instance.Resources, _instance.Edges).Objective;

    [Benchmark(Baseline = true, Description = "GLOP linear program (independent exact check)")]
    public double LinearProgram() => MatchingCheck.LinearProgram(_instance).Objective;
}
