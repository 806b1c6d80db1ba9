using Linli.Modules.Lists.Matching;

namespace Linli.Bench;

/// <summary>
/// A seeded city-sized matching instance: demands and resources scattered over a 20 km square,
/// each demand with 20–60 candidate resources among the nearest 120 (as the matching engine's
/// service areas and categories would leave), scores that fall with distance and rise with urgency
/// and category fit (full double precision, 0–100), quantities 1–10 and capacities 5–50.
/// </summary>
internal sealed record MatchingInstance(SolverDemand[] Demands, SolverResource[] Resources, SolverEdge[] Edges)
{
    public static MatchingInstance Create(int demandCount = 10_000, int resourceCount = 3_000, int seed = 8)
    {
        var random = new Random(seed);
        var resourceAt = new (double X, double Y)[resourceCount];
        var resources = new SolverResource[resourceCount];
        for (var j = 0; j < resourceCount; j++)
        {
            resourceAt[j] = (random.NextDouble() * 20, random.NextDouble() * 20);
            resources[j] = new SolverResource($"r{j}", random.Next(5, 51));
        }

        var demands = new SolverDemand[demandCount];
        var edges = new List<SolverEdge>(demandCount * 40);
        var distances = new double[resourceCount];
        var order = new int[resourceCount];
        for (var i = 0; i < demandCount; i++)
        {
            demands[i] = new SolverDemand($"d{i}", random.Next(1, 11));
            var (x, y) = (random.NextDouble() * 20, random.NextDouble() * 20);
            for (var j = 0; j < resourceCount; j++)
            {
                distances[j] = Math.Sqrt(((resourceAt[j].X - x) * (resourceAt[j].X - x)) + ((resourceAt[j].Y - y) * (resourceAt[j].Y - y)));
                order[j] = j;
            }

            Array.Sort((double[])distances.Clone(), order);
            var nearest = order.AsSpan(0, Math.Min(120, resourceCount)).ToArray();
            random.Shuffle(nearest);
            var urgency = 1 + (random.Next(4) * 0.25);
            foreach (var j in nearest.AsSpan(0, Math.Min(nearest.Length, random.Next(20, 61))))
            {
                var fit = 0.5 + (random.NextDouble() * 0.5);
                var score = 100 * fit * urgency / 1.75 * Math.Exp(-distances[j] / 3);
                edges.Add(new SolverEdge(demands[i].Id, resources[j].Id, score));
            }
        }

        return new MatchingInstance(demands, resources, [.. edges]);
    }
}
