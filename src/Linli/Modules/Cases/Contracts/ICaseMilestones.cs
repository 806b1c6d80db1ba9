namespace Linli.Modules.Cases.Contracts;

/// <summary>
/// Named moments in a case's life that a category may set targets for, counted in natural minutes
/// from the report: the expressway police's "1315" (dispatch 1, call back 3, first crew on scene
/// 15) and the road company's (on scene 10, road clear 20) for expressway incidents.
/// </summary>
public static class Milestones
{
    public const string Dispatched = "dispatched";
    public const string CalledBack = "called-back";
    public const string OnScene = "on-scene";
    public const string LanesClear = "lanes-clear";
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [Dispatched, CalledBack, OnScene, LanesClear, Closed];
}

/// <summary>A target: reach <paramref name="Milestone"/> within <paramref name="Minutes"/> of the report, as <paramref name="SetBy"/> requires ("1315", "operator").</summary>
public sealed record MilestoneTarget(string Milestone, double Minutes, string SetBy);

/// <summary>When each milestone of a case was reached (Unix ms), and which targets were missed.</summary>
public sealed record CaseMilestoneTimes(Guid CaseId, long ReportedAtMs, IReadOnlyDictionary<string, long> ReachedAtMs, IReadOnlyList<MilestoneTarget> Missed);

/// <summary>Records milestones on cases and reads them back; the escalation sweep acts on missed targets.</summary>
public interface ICaseMilestones
{
    /// <summary>The targets the category sets (none for most categories).</summary>
    Task<IReadOnlyList<MilestoneTarget>> TargetsAsync(string categoryCode, CancellationToken ct);

    /// <summary>Records that the case reached a milestone; the first time counts, a repeat is ignored.</summary>
    Task ReachAsync(Guid caseId, string milestone, long atMs, string actor, CancellationToken ct);

    Task<IReadOnlyList<CaseMilestoneTimes>> TimesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);
}
