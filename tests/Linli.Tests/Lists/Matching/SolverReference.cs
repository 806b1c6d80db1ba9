using Google.OrTools.LinearSolver;
using Linli.Modules.Lists.Matching;

namespace Linli.Tests.Lists.Matching;

/// <summary>
/// Exact answers found another way than the solver's min-cost flow: trying every integer
/// assignment (tiny instances), or the linear program of the same transportation problem solved by
/// GLOP's simplex (its optimum is integral, the constraint matrix being totally unimodular).
/// </summary>
internal static class SolverReference
{
    public static double BruteForce(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, IReadOnlyList<SolverEdge> edges)
    {
        var left = demands.ToDictionary(d => d.Id, d => d.Quantity);
        var room = resources.ToDictionary(r => r.Id, r => r.Capacity);
        return Best(0);

        double Best(int at)
        {
            if (at == edges.Count)
            {
                return 0;
            }

            var edge = edges[at];
            var best = double.NegativeInfinity;
            var most = Math.Min(left[edge.Demand], room[edge.Resource]);
            for (var q = 0; q <= most; q++)
            {
                left[edge.Demand] -= q;
                room[edge.Resource] -= q;
                best = Math.Max(best, (edge.Score * q) + Best(at + 1));
                left[edge.Demand] += q;
                room[edge.Resource] += q;
            }

            return best;
        }
    }

    public static double LinearProgram(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, IReadOnlyList<SolverEdge> edges)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        var perDemand = demands.ToDictionary(d => d.Id, d => solver.MakeConstraint(0, d.Quantity));
        var perResource = resources.ToDictionary(r => r.Id, r => solver.MakeConstraint(0, r.Capacity));
        var objective = solver.Objective();
        foreach (var edge in edges)
        {
            var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
            perDemand[edge.Demand].SetCoefficient(x, 1);
            perResource[edge.Resource].SetCoefficient(x, 1);
            objective.SetCoefficient(x, edge.Score);
        }

        objective.SetMaximization();
        var status = solver.Solve();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, status);
        return objective.Value();
    }

    /// <summary>Fails unless the result only uses positive edges, within every quantity and capacity, and adds up.</summary>
    public static void AssertFeasible(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, IReadOnlyList<SolverEdge> edges, SolverResult result)
    {
        var score = new Dictionary<(string, string), double>();
        foreach (var edge in edges)
        {
            score[(edge.Demand, edge.Resource)] = Math.Max(score.GetValueOrDefault((edge.Demand, edge.Resource), double.NegativeInfinity), edge.Score);
        }

        var served = new Dictionary<string, long>();
        var given = new Dictionary<string, long>();
        var total = 0.0;
        foreach (var a in result.Assignments)
        {
            Assert.True(a.Quantity > 0, $"{a} has no positive quantity");
            Assert.True(score.TryGetValue((a.Demand, a.Resource), out var s), $"{a} is not on an edge");
            Assert.True(s > 0, $"{a} uses an edge of score {s}");
            served[a.Demand] = served.GetValueOrDefault(a.Demand) + a.Quantity;
            given[a.Resource] = given.GetValueOrDefault(a.Resource) + a.Quantity;
            total += s * a.Quantity;
        }

        Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => (a.Demand, a.Resource)).Distinct().Count());
        foreach (var d in demands)
        {
            Assert.True(served.GetValueOrDefault(d.Id) <= d.Quantity, $"demand {d.Id} got {served.GetValueOrDefault(d.Id)} of {d.Quantity}");
        }

        foreach (var r in resources)
        {
            Assert.True(given.GetValueOrDefault(r.Id) <= r.Capacity, $"resource {r.Id} gave {given.GetValueOrDefault(r.Id)} of {r.Capacity}");
        }

        Assert.Equal(total, result.Objective, 1e-9 * Math.Max(1, Math.Abs(total)));
    }
}
