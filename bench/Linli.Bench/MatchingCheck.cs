using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Linli.Modules.Lists.Matching;

namespace Linli.Bench;

/// <summary>
/// <c>Linli.Bench matching</c>: the 10,000 × 3,000 instance solved by <see cref="AssignmentSolver"/>
/// (OR-Tools min-cost flow, a few timed runs) and, in the same run, by an independent exact method:
/// the linear program of the same transportation problem, solved by GLOP's simplex on the exact
/// double scores (its optimum is integral because the constraint matrix is totally unimodular).
/// </summary>
internal static class MatchingCheck
{
    public static int Run(int runs = 5)
    {
        var watch = Stopwatch.StartNew();
        var instance = MatchingInstance.Create();
        Console.WriteLine($"instance: {instance.Demands.Length:N0} demands (Σ quantity {instance.Demands.Sum(d => (long)d.Quantity):N0}), " +
            $"{instance.Resources.Length:N0} resources (Σ capacity {instance.Resources.Sum(r => (long)r.Capacity):N0}), {instance.Edges.Length:N0} edges; built in {watch.ElapsedMilliseconds} ms");

        SolverResult result = AssignmentSolver.Solve(instance.Demands, instance.Resources, instance.Edges); // warm-up: loads the native library
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            watch.Restart();
            result = AssignmentSolver.Solve(instance.Demands, instance.Resources, instance.Edges);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        var violations = Violations(instance, result);
        watch.Restart();
        var (lp, status) = LinearProgram(instance);
        var lpTime = watch.Elapsed.TotalMilliseconds;

        times.Sort();
        cpu.Sort();
        Console.WriteLine($"AssignmentSolver (OR-Tools min-cost flow): objective {result.Objective:F6}, {result.Assignments.Count:N0} assignments, " +
            $"{result.Assignments.Sum(a => (long)a.Quantity):N0} units; median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {runs} runs " +
            $"(process CPU time median {cpu[cpu.Count / 2]:F0} ms: this VM is shared, the load average was {LoadAverage()}); {violations} constraint violations");
        Console.WriteLine($"GLOP linear program (independent check): objective {lp:F6}, status {status}; {lpTime:F0} ms");
        var gap = Math.Abs(lp - result.Objective) / Math.Max(1, Math.Abs(lp));
        var ok = status == Solver.ResultStatus.OPTIMAL && gap < 1e-7 && violations == 0 && times[^1] < 2000;
        Console.WriteLine($"relative difference {gap:E2}; {(ok ? "OK: optimal and under 2 s" : "FAILED")}");
        return ok ? 0 : 1;
    }

    internal static (double Objective, Solver.ResultStatus Status) LinearProgram(MatchingInstance instance)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        var perDemand = instance.Demands.ToDictionary(d => d.Id, d => solver.MakeConstraint(0, d.Quantity));
        var perResource = instance.Resources.ToDictionary(r => r.Id, r => solver.MakeConstraint(0, r.Capacity));
        var objective = solver.Objective();
        foreach (var edge in instance.Edges)
        {
            var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
            perDemand[edge.Demand].SetCoefficient(x, 1);
            perResource[edge.Resource].SetCoefficient(x, 1);
            objective.SetCoefficient(x, edge.Score);
        }

        objective.SetMaximization();
        var status = solver.Solve();
        return (objective.Value(), status);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static int Violations(MatchingInstance instance, SolverResult result)
    {
        var quantity = instance.Demands.ToDictionary(d => d.Id, d => (long)d.Quantity);
        var capacity = instance.Resources.ToDictionary(r => r.Id, r => (long)r.Capacity);
        var edges = instance.Edges.Select(e => (e.Demand, e.Resource)).ToHashSet();
        var violations = 0;
        foreach (var a in result.Assignments)
        {
            quantity[a.Demand] -= a.Quantity;
            capacity[a.Resource] -= a.Quantity;
            violations += a.Quantity <= 0 || !edges.Contains((a.Demand, a.Resource)) ? 1 : 0;
        }

        return violations + quantity.Values.Count(q => q < 0) + capacity.Values.Count(c => c < 0);
    }
}
