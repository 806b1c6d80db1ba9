using System.Globalization;
using Linli.Infrastructure.Errors;

namespace Linli.Modules.Lists.Matching.SolveAssignment;

/// <summary>
/// Every rule of a solve request, each refusal naming its field with the index
/// (<c>edges[12].resource</c>); the first 100 refusals are reported together.
/// </summary>
internal static class SolveRequestCheck
{
    private const int MaxErrors = 100;

    public static (SolverDemand[], SolverResource[], SolverEdge[]) Validate(SolveRequest body)
    {
        var errors = new Errors();
        Count("demands", body.Demands, SolveLimits.MaxDemands, "{id, quantity}", errors);
        Count("resources", body.Resources, SolveLimits.MaxResources, "{id, capacity}", errors);
        Count("edges", body.Edges, SolveLimits.MaxEdges, "{demand, resource, score}", errors);
        errors.ThrowIfAny();

        var demandIds = new Dictionary<string, int>(body.Demands!.Count, StringComparer.Ordinal);
        var demands = new SolverDemand[body.Demands.Count];
        for (var i = 0; i < demands.Length && !errors.Full; i++)
        {
            var (id, quantity) = body.Demands[i] is { } d ? (d.Id, d.Quantity) : (null, null);
            demands[i] = new SolverDemand(Id($"demands[{i}]", body.Demands[i] is null, id, demandIds, i, errors), Amount($"demands[{i}].quantity", quantity, errors));
        }

        var resourceIds = new Dictionary<string, int>(body.Resources!.Count, StringComparer.Ordinal);
        var resources = new SolverResource[body.Resources.Count];
        for (var i = 0; i < resources.Length && !errors.Full; i++)
        {
            var (id, capacity) = body.Resources[i] is { } r ? (r.Id, r.Capacity) : (null, null);
            resources[i] = new SolverResource(Id($"resources[{i}]", body.Resources[i] is null, id, resourceIds, i, errors), Amount($"resources[{i}].capacity", capacity, errors));
        }

        errors.ThrowIfAny();
        var edges = new SolverEdge[body.Edges!.Count];
        var pairs = new long[edges.Length];
        for (var i = 0; i < edges.Length && !errors.Full; i++)
        {
            if (body.Edges[i] is not { } e)
            {
                errors.Add($"edges[{i}]", "must be an object with demand, resource and score");
                continue;
            }

            var d = Known($"edges[{i}].demand", e.Demand, "demand", demandIds, errors);
            var r = Known($"edges[{i}].resource", e.Resource, "resource", resourceIds, errors);
            var score = e.Score switch
            {
                null => errors.Add($"edges[{i}].score", "is required"),
                { } s when !double.IsFinite(s) || Math.Abs(s) > SolveLimits.MaxScore =>
                    errors.Add($"edges[{i}].score", $"must be a finite number between -{SolveLimits.MaxScore:0e0} and {SolveLimits.MaxScore:0e0}"),
                { } s => s,
            };
            // Demand and resource interned from the lists above: 2 million edges share their strings.
            edges[i] = new SolverEdge(d < 0 ? "" : demands[d].Id, r < 0 ? "" : resources[r].Id, score);
            pairs[i] = d < 0 || r < 0 ? -1 : ((long)d << 32) | (uint)r;
        }

        errors.ThrowIfAny();
        RepeatedPairs(pairs, errors);
        errors.ThrowIfAny();
        return (demands, resources, edges);
    }

    private static void Count<T>(string field, List<T>? list, int max, string shape, Errors errors)
    {
        if (list is null)
        {
            errors.Add(field, $"is required: an array of {shape}");
        }
        else if (list.Count > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"at most {max:N0} {field} per request, not {list.Count:N0}"));
        }
    }

    private static string Id(string item, bool isNull, string? id, Dictionary<string, int> seen, int index, Errors errors)
    {
        if (isNull)
        {
            errors.Add(item, "must be an object");
            return "";
        }

        var field = $"{item}.id";
        if (id is null || id.Length == 0 || id.Length > SolveLimits.MaxIdLength)
        {
            errors.Add(field, id is null ? "is required" : $"must be a string of 1 to {SolveLimits.MaxIdLength} characters");
            return "";
        }

        if (!seen.TryAdd(id, index))
        {
            errors.Add(field, $"repeats the id '{id}' of {item[..item.IndexOf('[', StringComparison.Ordinal)]}[{seen[id]}]");
        }

        return id;
    }

    private static int Amount(string field, decimal? value, Errors errors)
    {
        if (value is not { } v)
        {
            errors.Add(field, "is required");
            return 0;
        }

        if (v < 0 || v > int.MaxValue || v != decimal.Truncate(v))
        {
            errors.Add(field, $"must be a whole number from 0 to {int.MaxValue}, not {v.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        }

        return (int)v;
    }

    private static int Known(string field, string? id, string what, Dictionary<string, int> ids, Errors errors)
    {
        if (id is null)
        {
            errors.Add(field, "is required");
            return -1;
        }

        if (!ids.TryGetValue(id, out var index))
        {
            errors.Add(field, $"no {what} with id '{(id.Length > SolveLimits.MaxIdLength ? id[..SolveLimits.MaxIdLength] + "…" : id)}'");
            return -1;
        }

        return index;
    }

    /// <summary>Sorting the packed (demand, resource) pairs finds repeats without a dictionary of millions.</summary>
    private static void RepeatedPairs(long[] pairs, Errors errors)
    {
        var order = new int[pairs.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (long[])pairs.Clone();
        Array.Sort(keys, order);
        var repeats = new List<(int Later, int First)>();
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            var first = order[start];
            while (end < keys.Length && keys[end] == keys[start])
            {
                first = Math.Min(first, order[end++]);
            }

            for (var k = start; k < end && end - start > 1; k++)
            {
                if (order[k] != first)
                {
                    repeats.Add((order[k], first));
                }
            }

            start = end;
        }

        foreach (var (later, first) in repeats.OrderBy(r => r.Later).Take(MaxErrors))
        {
            errors.Add($"edges[{later}]", $"repeats the demand–resource pair of edges[{first}]");
        }
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, string[]> _errors = [];

        public bool Full => _errors.Count >= MaxErrors;

        public double Add(string field, string reason)
        {
            if (!Full)
            {
                _errors.TryAdd(field, [reason]);
            }

            return 0;
        }

        public void ThrowIfAny()
        {
            if (_errors.Count > 0)
            {
                throw new RequestValidationException(_errors);
            }
        }
    }
}
