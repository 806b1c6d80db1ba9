using Linli.Modules.Lists.Matching;

namespace Linli.Tests.Lists.Matching;

public sealed class AssignmentSolverTests
{
    private static SolverDemand D(string id, int quantity) => new(id, quantity);
    private static SolverResource R(string id, int capacity) => new(id, capacity);
    private static SolverEdge E(string demand, string resource, double score) => new(demand, resource, score);

    [Fact]
    public void The_solver_finds_the_optimum_that_a_greedy_pass_misses()
    {
        // Greedy by score takes A–Y (5) first, then A–X (3) and B–X (1): 9. The optimum gives Y to B: 10.
        var demands = new[] { D("A", 2), D("B", 1) };
        var resources = new[] { R("X", 2), R("Y", 1) };
        var edges = new[] { E("A", "X", 3), E("A", "Y", 5), E("B", "Y", 4), E("B", "X", 1) };

        var result = AssignmentSolver.Solve(demands, resources, edges);

        Assert.Equal(10, result.Objective, 9);
        Assert.Equal([new("A", "X", 2), new("B", "Y", 1)], result.Assignments);
    }

    [Fact]
    public void A_known_transportation_instance_has_its_known_optimum()
    {
        // Three canteens and three groups of elderly residents; worked by hand: meals go where they
        // score most, the 4 meals of C go to Q (4 × 6), P takes A's 3 (3 × 8) and B's 2 (2 × 7),
        // R gives its 2 to B (2 × 5); A's third edge and C's other edge stay unused.
        var demands = new[] { D("A", 3), D("B", 4), D("C", 4) };
        var resources = new[] { R("P", 5), R("Q", 4), R("R", 2) };
        var edges = new[]
        {
            E("A", "P", 8), E("A", "Q", 2), E("B", "P", 7), E("B", "R", 5), E("C", "Q", 6), E("C", "R", 1),
        };

        var result = AssignmentSolver.Solve(demands, resources, edges);

        Assert.Equal(24 + 24 + 14 + 10, result.Objective, 9);
        Assert.Equal([new("A", "P", 3), new("B", "P", 2), new("B", "R", 2), new("C", "Q", 4)], result.Assignments);
    }

    [Fact]
    public void Without_edges_nothing_is_assigned()
    {
        var result = AssignmentSolver.Solve([D("A", 3)], [R("X", 3)], []);

        Assert.Equal(0, result.Objective);
        Assert.Empty(result.Assignments);
    }

    [Fact]
    public void A_resource_without_capacity_and_a_demand_without_quantity_get_nothing()
    {
        var result = AssignmentSolver.Solve(
            [D("A", 2), D("B", 0)], [R("X", 0), R("Y", 1)],
            [E("A", "X", 9), E("A", "Y", 1), E("B", "Y", 9)]);

        Assert.Equal([new("A", "Y", 1)], result.Assignments);
        Assert.Equal(1, result.Objective, 9);
    }

    [Fact]
    public void Edges_with_a_score_of_zero_or_less_are_never_used_even_with_capacity_to_spare()
    {
        var result = AssignmentSolver.Solve(
            [D("A", 5), D("B", 5), D("C", 5)], [R("X", 100)],
            [E("A", "X", 0), E("B", "X", -2.5), E("C", "X", 0.25), E("A", "X", double.NaN)]);

        Assert.Equal([new("C", "X", 5)], result.Assignments);
        Assert.Equal(1.25, result.Objective, 9);
    }

    [Fact]
    public void Demands_are_not_forced_to_be_served()
    {
        // Ten wanted, three available: the answer is the best three, not an infeasibility.
        var result = AssignmentSolver.Solve([D("A", 10)], [R("X", 3)], [E("A", "X", 2)]);

        Assert.Equal([new("A", "X", 3)], result.Assignments);
        Assert.Equal(6, result.Objective, 9);
    }

    [Fact]
    public void Ties_are_broken_the_same_way_whatever_the_order_of_the_edges()
    {
        var demands = Enumerable.Range(0, 6).Select(i => D($"d{i}", 1 + (i % 3))).ToArray();
        var resources = Enumerable.Range(0, 4).Select(i => R($"r{i}", 2)).ToArray();
        var edges = (from d in demands from r in resources select E(d.Id, r.Id, 1.5)).ToArray();
        var first = AssignmentSolver.Solve(demands, resources, edges);
        var shuffled = edges.OrderBy(e => e.GetHashCode()).Reverse().ToArray();

        var again = AssignmentSolver.Solve(demands, resources, shuffled);

        Assert.Equal(12, first.Objective, 9);
        Assert.Equal(first.Assignments, again.Assignments);
        Assert.Equal(first.Assignments.OrderBy(a => a.Demand, StringComparer.Ordinal).ThenBy(a => a.Resource, StringComparer.Ordinal), first.Assignments);
    }

    [Fact]
    public void A_repeated_demand_resource_pair_counts_once_with_its_best_score()
    {
        var result = AssignmentSolver.Solve([D("A", 4)], [R("X", 4)], [E("A", "X", 1), E("A", "X", 3)]);

        Assert.Equal([new("A", "X", 4)], result.Assignments);
        Assert.Equal(12, result.Objective, 9);
    }

    [Fact]
    public void Scores_with_decimals_and_large_magnitudes_keep_their_exact_optimum()
    {
        // 0.1 + 0.2 style decimals and scores a million times apart: the scaled costs must still rank them.
        var result = AssignmentSolver.Solve(
            [D("A", 1), D("B", 1)], [R("X", 1), R("Y", 1)],
            [E("A", "X", 1_000_000.3), E("A", "Y", 1_000_000.1), E("B", "X", 0.3), E("B", "Y", 0.2)]);

        // A–X + B–Y = 1,000,000.5 beats A–Y + B–X = 1,000,000.4.
        Assert.Equal([new("A", "X", 1), new("B", "Y", 1)], result.Assignments);
    }

    [Fact]
    public void An_edge_naming_an_unknown_resource_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => AssignmentSolver.Solve([D("A", 1)], [R("X", 1)], [E("A", "Y", 1)]));
    }

    [Fact]
    public void A_cancelled_token_stops_the_solve()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => AssignmentSolver.Solve([D("A", 1)], [R("X", 1)], [E("A", "X", 1)], cts.Token));
    }

    [Fact]
    public void Many_small_random_instances_reach_the_brute_force_optimum()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 400; round++)
        {
            var (demands, resources, edges) = RandomInstance(random, maxSide: 3, maxAmount: 3, edgeChance: 0.7);

            var result = AssignmentSolver.Solve(demands, resources, edges);

            SolverReference.AssertFeasible(demands, resources, edges, result);
            var best = SolverReference.BruteForce(demands, resources, edges);
            Assert.True(Math.Abs(best - result.Objective) < 1e-9, $"round {round}: solver {result.Objective}, brute force {best}");
        }
    }

    [Fact]
    public void Medium_random_instances_reach_the_linear_programming_optimum()
    {
        var random = new Random(8);
        for (var round = 0; round < 60; round++)
        {
            var (demands, resources, edges) = RandomInstance(random, maxSide: 40, maxAmount: 12, edgeChance: 0.25);

            var result = AssignmentSolver.Solve(demands, resources, edges);

            SolverReference.AssertFeasible(demands, resources, edges, result);
            var best = SolverReference.LinearProgram(demands, resources, edges);
            Assert.True(Math.Abs(best - result.Objective) < 1e-6 * Math.Max(1, best), $"round {round}: solver {result.Objective}, LP {best}");
        }
    }

    private static (SolverDemand[], SolverResource[], SolverEdge[]) RandomInstance(Random random, int maxSide, int maxAmount, double edgeChance)
    {
        var demands = Enumerable.Range(0, random.Next(1, maxSide + 1)).Select(i => D($"d{i}", random.Next(0, maxAmount + 1))).ToArray();
        var resources = Enumerable.Range(0, random.Next(1, maxSide + 1)).Select(i => R($"r{i}", random.Next(0, maxAmount + 1))).ToArray();
        var edges = (from d in demands
                     from r in resources
                     where random.NextDouble() < edgeChance
                     // Two decimals, some of them zero or negative.
                     select E(d.Id, r.Id, Math.Round((random.NextDouble() * 12) - 2, 2))).ToArray();
        return (demands, resources, edges);
    }
}

public sealed class CostScaleTests
{
    [Fact]
    public void Scores_up_to_100_on_the_benchmark_scale_are_kept_to_seven_decimals()
    {
        Assert.Equal(1e7, Linli.Modules.Lists.Matching.Solver.CostScale.Choose(100, 13_001, 54_688));
    }

    [Fact]
    public void The_step_coarsens_with_the_number_of_nodes_so_that_int64_cannot_overflow()
    {
        // 200,001 nodes: |cost| × 4(n + 1)² must stay below 2⁶³, so at most about 5.8e7 per unit of score 1.
        var scale = Linli.Modules.Lists.Matching.Solver.CostScale.Choose(100, 200_001, 1_000_000);

        Assert.Equal(1e5, scale);
        Assert.True(100 * scale * 4 * 200_002.0 * 200_002.0 < Math.Pow(2, 63));
    }

    [Fact]
    public void Quantities_and_scores_at_their_limits_are_solved_without_overflow()
    {
        var result = AssignmentSolver.Solve(
            [new SolverDemand("A", int.MaxValue), new SolverDemand("B", int.MaxValue)],
            [new SolverResource("X", int.MaxValue), new SolverResource("Y", 1)],
            [new SolverEdge("A", "X", 1e12), new SolverEdge("B", "X", 2e12), new SolverEdge("A", "Y", 3)]);

        // X goes wholly to B, the better score; Y's one unit to A.
        Assert.Equal([new("A", "Y", 1), new("B", "X", int.MaxValue)], result.Assignments);
        Assert.Equal((2e12 * int.MaxValue) + 3, result.Objective, 1e3);
    }
}
