using Google.OrTools.Graph;

namespace Linli.Modules.Lists.Matching.Solver;

/// <summary>
/// The usable part of an assignment problem, indexed for the flow network: only edges with a
/// positive score between a demand with quantity and a resource with capacity, one per pair (the
/// best score wins), sorted by (demand, resource) in input order so that the arcs, and with them the
/// solver's choice among equal optima, do not depend on the order the edges came in.
/// </summary>
internal sealed class FlowProblem
{
    private readonly IReadOnlyList<SolverDemand> demands;
    private readonly IReadOnlyList<SolverResource> resources;
    private readonly int[] demandNodes;   // used demand input indexes; node i
    private readonly int[] resourceNodes; // used resource input indexes; node demandNodes.Length + j

    private FlowProblem(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, List<UsableEdge> edges)
    {
        this.demands = demands;
        this.resources = resources;
        Edges = edges;
        var demandNode = new Dictionary<int, int>();
        var usedDemands = new List<int>();
        var resourceNode = new SortedSet<int>();
        foreach (var edge in edges)
        {
            if (demandNode.TryAdd(edge.Demand, usedDemands.Count))
            {
                usedDemands.Add(edge.Demand);
            }

            resourceNode.Add(edge.Resource);
        }

        demandNodes = [.. usedDemands];
        resourceNodes = [.. resourceNode];
        var resourceIndex = new Dictionary<int, int>(resourceNodes.Length);
        for (var j = 0; j < resourceNodes.Length; j++)
        {
            resourceIndex[resourceNodes[j]] = demandNodes.Length + j;
        }

        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            edges[i] = edge with { TailNode = demandNode[edge.Demand], HeadNode = resourceIndex[edge.Resource] };
            MaxScore = Math.Max(MaxScore, edge.Score);
        }

        foreach (var d in demandNodes)
        {
            TotalSupply += demands[d].Quantity;
        }
    }

    public List<UsableEdge> Edges { get; }

    public double MaxScore { get; }

    public long TotalSupply { get; }

    public int NodeCount => demandNodes.Length + resourceNodes.Length + 1;

    public int ArcCount => Edges.Count + demandNodes.Length + resourceNodes.Length;

    private int Sink => demandNodes.Length + resourceNodes.Length;

    public static FlowProblem Build(IReadOnlyList<SolverDemand> demands, IReadOnlyList<SolverResource> resources, IReadOnlyList<SolverEdge> edges, CancellationToken ct)
    {
        var demandIndex = Index(demands.Select(d => d.Id), "demand");
        var resourceIndex = Index(resources.Select(r => r.Id), "resource");
        foreach (var demand in demands)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(demand.Quantity, nameof(demands));
        }

        foreach (var resource in resources)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(resource.Capacity, nameof(resources));
        }

        // Sorting packed (demand, resource) keys puts the edges in their final order and brings a
        // repeated pair together, far faster than a dictionary of pairs for millions of edges.
        var keys = new long[edges.Count];
        var at = new int[edges.Count];
        var count = 0;
        for (var i = 0; i < edges.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var edge = edges[i];
            if (!demandIndex.TryGetValue(edge.Demand, out var d) || !resourceIndex.TryGetValue(edge.Resource, out var r))
            {
                throw new ArgumentException($"Edge {i} names an unknown demand or resource.", nameof(edges));
            }

            if (double.IsInfinity(edge.Score))
            {
                throw new ArgumentException($"Edge {i} has an infinite score.", nameof(edges));
            }

            // NaN fails this test too: an edge without a usable score is never worth using.
            if (!(edge.Score > 0) || demands[d].Quantity == 0 || resources[r].Capacity == 0)
            {
                continue;
            }

            keys[count] = ((long)d << 32) | (uint)r;
            at[count++] = i;
        }

        Array.Sort(keys, at, 0, count);
        var usable = new List<UsableEdge>(count);
        for (var k = 0; k < count; k++)
        {
            var score = edges[at[k]].Score;
            if (usable.Count > 0 && k > 0 && keys[k] == keys[k - 1])
            {
                // A repeated pair counts once, with its best score.
                usable[^1] = usable[^1] with { Score = Math.Max(usable[^1].Score, score) };
                continue;
            }

            usable.Add(new UsableEdge((int)(keys[k] >> 32), (int)(uint)keys[k], score, 0, 0));
        }

        return new FlowProblem(demands, resources, usable);
    }

    /// <summary>Adds every arc and supply; returns the arc index of the first edge arc (edges follow in order).</summary>
    public int AddArcs(MinCostFlow flow, double scale, CancellationToken ct)
    {
        var firstEdgeArc = flow.NumArcs();
        for (var i = 0; i < Edges.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var edge = Edges[i];
            var capacity = Math.Min(demands[edge.Demand].Quantity, resources[edge.Resource].Capacity);
            // A positive score never rounds to nothing: one step still beats leaving the unit unserved.
            var cost = Math.Max(1, (long)Math.Round(edge.Score * scale));
            flow.AddArcWithCapacityAndUnitCost(edge.TailNode, edge.HeadNode, capacity, -cost);
        }

        for (var i = 0; i < demandNodes.Length; i++)
        {
            var quantity = demands[demandNodes[i]].Quantity;
            flow.SetNodeSupply(i, quantity);
            // The bypass: whatever is not worth serving leaves for free.
            flow.AddArcWithCapacityAndUnitCost(i, Sink, quantity, 0);
        }

        for (var j = 0; j < resourceNodes.Length; j++)
        {
            flow.AddArcWithCapacityAndUnitCost(demandNodes.Length + j, Sink, resources[resourceNodes[j]].Capacity, 0);
        }

        flow.SetNodeSupply(Sink, -TotalSupply);
        return firstEdgeArc;
    }

    public SolverResult ToResult(long[] flows)
    {
        var assignments = new List<SolverAssignment>();
        var objective = 0.0;
        for (var i = 0; i < flows.Length; i++)
        {
            if (flows[i] <= 0)
            {
                continue;
            }

            var edge = Edges[i];
            var quantity = (int)flows[i];
            assignments.Add(new SolverAssignment(demands[edge.Demand].Id, resources[edge.Resource].Id, quantity));
            objective += edge.Score * quantity;
        }

        return new SolverResult(objective, assignments);
    }

    private static Dictionary<string, int> Index(IEnumerable<string> ids, string what)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!index.TryAdd(id, index.Count))
            {
                throw new ArgumentException($"Two {what}s have the id '{id}'.");
            }
        }

        return index;
    }

    internal readonly record struct UsableEdge(int Demand, int Resource, double Score, int TailNode, int HeadNode);
}
