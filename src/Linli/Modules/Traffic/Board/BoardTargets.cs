using Linli.Modules.Cases.Contracts;
using Linli.Modules.Traffic.Data;

namespace Linli.Modules.Traffic.Board;

/// <summary>
/// The targets an incident is measured against, from its category in Cases. A category that sets
/// none (or a build where Cases does not record milestones yet) gets the numbers: the
/// "1315" ones (dispatch 1, call back 3, first crew on scene 15 minutes) and the road company's
/// (on scene 10, lanes clear 20).
/// </summary>
internal sealed class BoardTargets(IServiceProvider services)
{
    public const string By1315 = "1315";
    public const string ByOperator = "operator";

    public static IReadOnlyList<MilestoneTarget> Defaults { get; } =
    [
        new(Milestones.Dispatched, 1, By1315),
        new(Milestones.CalledBack, 3, By1315),
        new(Milestones.OnScene, 15, By1315),
        new(Milestones.OnScene, 10, ByOperator),
        new(Milestones.LanesClear, 20, ByOperator),
    ];

    /// <summary>Targets per category code, read once per request.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MilestoneTarget>>> ForAsync(IEnumerable<string> categories, CancellationToken ct)
    {
        // Resolved late: the milestones are recorded by the Cases side of the incident work, which may be absent.
        var milestones = services.GetService<ICaseMilestones>();
        var result = new Dictionary<string, IReadOnlyList<MilestoneTarget>>(StringComparer.Ordinal);
        foreach (var category in categories.Distinct(StringComparer.Ordinal))
        {
            var targets = milestones is null ? [] : await milestones.TargetsAsync(category, ct);
            result[category] = targets.Count > 0 ? targets : Defaults;
        }
        return result;
    }

    /// <summary>When the incident reached a milestone, from its own timeline.</summary>
    public static long? ReachedAt(Incident incident, string milestone) => milestone switch
    {
        Milestones.Dispatched => incident.DispatchedAtMs,
        Milestones.CalledBack => incident.CalledBackAtMs,
        Milestones.OnScene => incident.OnSceneAtMs,
        Milestones.LanesClear => incident.LanesClearAtMs,
        Milestones.Closed => incident.ClosedAtMs,
        _ => null,
    };

    /// <summary>The target for one milestone as one party sets it, or null when the category does not measure it.</summary>
    public static double? Minutes(IReadOnlyList<MilestoneTarget> targets, string milestone, string setBy) =>
        targets.FirstOrDefault(t => t.Milestone == milestone && t.SetBy == setBy)?.Minutes;
}

/// <summary>How an incident stands against one target.</summary>
public static class TargetStates
{
    /// <summary>Reached within the target.</summary>
    public const string Met = "met";

    /// <summary>Not reached yet, time left.</summary>
    public const string Running = "running";

    /// <summary>Reached late, or not reached and the time is up.</summary>
    public const string Missed = "missed";

    public static string Of(long reportedAtMs, long? reachedAtMs, double minutes, long nowMs)
    {
        var dueMs = reportedAtMs + (long)(minutes * 60_000);
        return reachedAtMs is { } at ? (at <= dueMs ? Met : Missed) : nowMs > dueMs ? Missed : Running;
    }
}
