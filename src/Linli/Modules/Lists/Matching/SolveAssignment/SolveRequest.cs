using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linli.Modules.Lists.Matching.SolveAssignment;

/// <summary>The request as sent: every member nullable, so that a missing one is reported by name.</summary>
public sealed record SolveRequest(List<DemandBody?>? Demands, List<ResourceBody?>? Resources, List<EdgeBody?>? Edges);

// Quantities are read as decimals so that 2.0000000000000001 is refused as fractional, not rounded to 2.
public readonly record struct DemandBody(string? Id, decimal? Quantity);

public readonly record struct ResourceBody(string? Id, decimal? Capacity);

public readonly record struct EdgeBody(string? Demand, string? Resource, double? Score);

public sealed record SolveResponse(double Objective, IReadOnlyList<SolverAssignment> Assignments, long ElapsedMs);

/// <summary>The sizes one request may have; every refusal names the limit it met.</summary>
internal static class SolveLimits
{
    public const int MaxDemands = 100_000;
    public const int MaxResources = 100_000;
    public const int MaxEdges = 2_000_000;
    public const int MaxIdLength = 200;

    /// <summary>Beyond this a score × quantity sum could leave the doubles' exact-enough range.</summary>
    public const double MaxScore = 1e12;

    /// <summary>2,000,000 edges with ids of a few dozen characters fit well within this.</summary>
    public const long MaxBodyBytes = 512L << 20;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // "5" is not a number here: integrators get told rather than guessed at.
        NumberHandling = JsonNumberHandling.Strict,
    };
}
