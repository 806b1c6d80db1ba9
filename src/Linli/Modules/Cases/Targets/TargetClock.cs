using Linli.Modules.Cases.Contracts;

namespace Linli.Modules.Cases.Targets;

/// <summary>Where a target stands: not yet due, met, missed, or still running.</summary>
public enum TargetState
{
    Running,
    Met,
    Missed,

    /// <summary>The case ended (closed, voided, merged) before the target fell due without reaching the milestone.</summary>
    Moot,
}

/// <summary>One target of one case: when it falls due, when the milestone was reached, and how that stands.</summary>
public sealed record TargetStanding(MilestoneTarget Target, long DueAtMs, long? ReachedAtMs, TargetState State);

/// <summary>The arithmetic of targets in natural minutes from the report; the same for the sweep, the API and the pages.</summary>
public static class TargetClock
{
    public static long DueAt(long reportedAtMs, MilestoneTarget target) => reportedAtMs + (long)Math.Round(target.Minutes * 60_000);

    public static IReadOnlyList<TargetStanding> Evaluate(IReadOnlyList<MilestoneTarget> targets, long reportedAtMs,
        IReadOnlyDictionary<string, long> reached, long? endedAtMs, long nowMs) =>
        targets.Select(t =>
        {
            var due = DueAt(reportedAtMs, t);
            long? at = reached.TryGetValue(t.Milestone, out var r) ? r : null;
            var state = at is { } when ? (when <= due ? TargetState.Met : TargetState.Missed)
                : endedAtMs is { } ended && ended <= due ? TargetState.Moot
                : nowMs > due ? TargetState.Missed
                : TargetState.Running;
            return new TargetStanding(t, due, at, state);
        }).ToList();
}
