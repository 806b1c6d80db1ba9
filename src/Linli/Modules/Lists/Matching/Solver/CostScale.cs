namespace Linli.Modules.Lists.Matching.Solver;

/// <summary>
/// Chooses the power of ten that turns double scores into the integer costs OR-Tools works with.
/// A finer step is more exact; it must stay small enough that no int64 inside the solver overflows.
/// </summary>
internal static class CostScale
{
    /// <summary>The largest integer cost used: the step is at most 1e-9 of the largest score, finer
    /// does not change any realistic answer and only adds cost-scaling rounds.</summary>
    public const double MaxCost = 1e9;

    public static double Choose(double maxScore, int nodeCount, long totalSupply)
    {
        var nodes = (double)nodeCount + 1;
        // Cost scaling multiplies every cost by (n + 1) and its node potentials may drift to a few
        // times n × that (Goldberg–Tarjan's bound), so |cost| × 4(n + 1)² must fit in an int64 …
        var byPotentials = Math.Pow(2, 63) / (4 * nodes * nodes);
        // … and so must the total cost of the flow, |cost| × Σ supply.
        var byTotal = Math.Pow(2, 62) / Math.Max(1, totalSupply);
        var cap = Math.Min(MaxCost, Math.Min(byPotentials, byTotal));
        var exponent = Math.Floor(Math.Log10(cap / maxScore));
        return Math.Pow(10, Math.Clamp(exponent, -300, 300));
    }
}
