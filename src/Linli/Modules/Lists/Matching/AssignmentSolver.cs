using Google.OrTools.Graph;
using Linli.Modules.Lists.Matching.Solver;

namespace Linli.Modules.Lists.Matching;

public sealed record SolverDemand(string Id, int Quantity);

public sealed record SolverResource(string Id, int Capacity);

public sealed record SolverEdge(string Demand, string Resource, double Score);

public sealed record SolverAssignment(string Demand, string Resource, int Quantity);

public sealed record SolverResult(double Objective, IReadOnlyList<SolverAssignment> Assignments);

/// <summary>
/// The exact assignment that maximises Σ score × quantity, each demand getting at most its
/// quantity and each resource giving at most its capacity (a max-weight b-matching, i.e. an
/// uncapacitated-to-serve transportation problem). Solved as a min-cost flow with OR-Tools'
/// cost-scaling push-relabel: every demand node supplies its quantity, which flows either over a
/// candidate edge (cost −score) and its resource (capacity) to the sink, or over a free bypass
/// straight to the sink, so leaving a demand unserved is always allowed.
/// </summary>
/// <remarks>
/// OR-Tools needs integer costs, so scores are multiplied by a power of ten (<see cref="CostScale"/>)
/// and rounded: the answer is optimal for scores rounded to that step, which is within
/// Σ quantity × step of the optimum for the exact doubles, and exact when no score has more
/// decimals than the step keeps. The step is 1e-9 of the largest score at the finest, coarser only
/// as far as int64 arithmetic inside OR-Tools requires (docs/adr/0009-assignment-solver.md). The
/// reported objective is summed from the caller's own scores. The OR-Tools call cannot be
/// interrupted: <paramref name="ct"/> is honoured while the network is built and before it is solved.
/// </remarks>
public static class AssignmentSolver
{
    /// inputs already validated (unique ids, edges name known ids, quantities/capacities >= 0)
    public static SolverResult Solve(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, IReadOnlyList<SolverEdge> edges, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(edges);
        var problem = FlowProblem.Build(demands, resources, edges, ct);
        if (problem.Edges.Count == 0)
        {
            return new SolverResult(0, []);
        }

        var flows = SolveFlows(problem, ct);
        return problem.ToResult(flows);
    }

    private static long[] SolveFlows(FlowProblem problem, CancellationToken ct)
    {
        var scale = CostScale.Choose(problem.MaxScore, problem.NodeCount, problem.TotalSupply);
        // OR-Tools refuses (BAD_COST_RANGE) when its internal arithmetic could overflow; the bound in
        // CostScale is meant to prevent that, and a coarser step is the safe answer if it ever does not.
        for (var attempt = 0; attempt < 4; attempt++, scale /= 1000)
        {
            ct.ThrowIfCancellationRequested();
            using var flow = new MinCostFlow(problem.NodeCount, problem.ArcCount);
            var firstEdgeArc = problem.AddArcs(flow, scale, ct);
            ct.ThrowIfCancellationRequested();
            var status = flow.Solve();
            if (status == MinCostFlowBase.Status.OPTIMAL)
            {
                var flows = new long[problem.Edges.Count];
                for (var i = 0; i < flows.Length; i++)
                {
                    flows[i] = flow.Flow(firstEdgeArc + i);
                }

                return flows;
            }

            if (status != MinCostFlowBase.Status.BAD_COST_RANGE)
            {
                throw new InvalidOperationException($"OR-Tools min-cost flow ended with status {status}.");
            }
        }

        throw new InvalidOperationException("OR-Tools min-cost flow refused every cost scale.");
    }
}
