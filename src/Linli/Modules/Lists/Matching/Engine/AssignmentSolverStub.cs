// TEMPORARY: stands in for helper A's Matching/AssignmentSolver.cs (branch wt-solver) so this branch
// builds before that one is merged. Delete this file when merging wt-solver.
namespace Linli.Modules.Lists.Matching;

public sealed record SolverDemand(string Id, int Quantity);
public sealed record SolverResource(string Id, int Capacity);
public sealed record SolverEdge(string Demand, string Resource, double Score);
public sealed record SolverAssignment(string Demand, string Resource, int Quantity);
public sealed record SolverResult(double Objective, IReadOnlyList<SolverAssignment> Assignments);

public static class AssignmentSolver
{
    public static SolverResult Solve(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, IReadOnlyList<SolverEdge> edges,
        CancellationToken ct = default) => throw new NotSupportedException("the assignment solver arrives with branch wt-solver");
}
