using System.Diagnostics;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.Matching.SolveAssignment;

/// <summary>
/// <c>POST /api/v1/matching/solve</c>: the exact max-weight assignment of an instance the caller
/// sends (ids, quantities, capacities, scored edges), answered with its objective and assignments.
/// </summary>
internal static class SolveAssignment
{
    public static async Task<Ok<SolveResponse>> Handle(HttpRequest request, SolverGate gate, CancellationToken ct)
    {
        var body = await ReadAsync(request, ct);
        var (demands, resources, edges) = SolveRequestCheck.Validate(body);
        using var slot = await gate.EnterAsync(ct);
        var watch = Stopwatch.StartNew();
        var result = AssignmentSolver.Solve(demands, resources, edges, ct);
        return TypedResults.Ok(new SolveResponse(result.Objective, result.Assignments, watch.ElapsedMilliseconds));
    }

    private static async Task<SolveRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<SolveRequest>(request.Body, SolveLimits.Json, ct)
                ?? throw new RequestValidationException("body", "send a JSON object with demands, resources and edges");
        }
        catch (JsonException e)
        {
            throw new RequestValidationException(FieldOf(e.Path), Reason(e));
        }
    }

    /// <summary>"$.edges[12].score" → "edges[12].score", the name the other refusals use.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Reason(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        // The reader's own errors (bad syntax, a number out of range) come wrapped; conversion errors do not.
        if (e.InnerException is not null && e.InnerException is not InvalidOperationException && e.InnerException is not FormatException && e.InnerException is not OverflowException)
        {
            return $"malformed JSON{where}";
        }

        var field = FieldOf(e.Path);
        var member = field[(field.LastIndexOf('.') + 1)..];
        var expected = member switch
        {
            "id" or "demand" or "resource" => "must be a string",
            "quantity" or "capacity" => "must be a whole number from 0 to 2147483647",
            "score" => "must be a finite number",
            "body" => "must be a JSON object with demands, resources and edges",
            "demands" or "resources" or "edges" => "must be an array of objects",
            _ when member.EndsWith(']') => "must be an object",
            _ => "has the wrong type or is malformed",
        };
        return $"{expected}{where}";
    }
}

/// <summary>Lets only a few solves run at once: each takes a core for up to seconds.</summary>
internal sealed class SolverGate : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount / 2));

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
