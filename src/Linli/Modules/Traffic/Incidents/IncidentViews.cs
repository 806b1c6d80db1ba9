using Linli.Modules.Cases.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;

namespace Linli.Modules.Traffic.Incidents;

/// <summary>
/// One target of an incident: reach <c>Milestone</c> within <c>Minutes</c> as <c>SetBy</c> requires; due at <c>Due</c>.
/// State: running, due-soon (the last third of the time), met, missed, moot (the incident ended before it fell due).
/// </summary>
public sealed record TargetTimer(string Milestone, string SetBy, double Minutes, DateTimeOffset Due, DateTimeOffset? ReachedAt, string State);

public sealed record IncidentView(Guid Id, string Number, string Category, string Source, string Route, string Direction, string Stake,
    double StakeMeters, double Lon, double Lat, string Operator, string? District, string Description, int LanesBlocked, bool QuickHandling,
    bool Emergency, string Status, bool Open, Guid? CaseId, string? CaseNumber, IReadOnlyList<Guid> CrewIds, string ReportedBy,
    DateTimeOffset ReportedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? CalledBackAt, DateTimeOffset? OnSceneAt, DateTimeOffset? LanesClearAt,
    DateTimeOffset? ClosedAt, double ElapsedMinutes, IReadOnlyList<TargetTimer> Targets, int Version);

public sealed record CrewView(Guid Id, string Unit, string Name, string Kind, IReadOnlyList<string> Members, string Route, string Stake,
    double Lon, double Lat, bool OnDuty, bool Free, Guid? IncidentId, DateTimeOffset? PositionAt, int Version);

/// <summary>A free crew the desk might send: same route first (by stake distance), then the rest by straight-line distance.</summary>
public sealed record CrewSuggestion(CrewView Crew, bool SameRoute, double DistanceMeters);

public sealed record HistoryView(string Action, string Actor, string? Note, DateTimeOffset At);

public sealed record IncidentDetail(IncidentView Incident, IReadOnlyList<CrewView> Crews, IReadOnlyList<CrewSuggestion> Suggested,
    IReadOnlyList<HistoryView> History);

internal static class IncidentViews
{
    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? At(long? ms) => ms is { } value ? At(value) : null;

    public static IncidentView Of(Incident i, IReadOnlyList<MilestoneTarget> targets, long nowMs) => new(
        i.Id, i.Number, i.CategoryCode, i.Source, i.RouteCode, i.Direction, Stakes.Format(i.StakeMeters), i.StakeMeters, i.Lon, i.Lat, i.Operator,
        i.DistrictCode, i.Description, i.LanesBlocked, i.QuickHandling, i.Emergency, Incident.StatusName(i.Status), i.IsOpen, i.CaseId, i.CaseNumber,
        i.Crews, i.ReportedBy, At(i.ReportedAtMs), At(i.DispatchedAtMs), At(i.CalledBackAtMs), At(i.OnSceneAtMs), At(i.LanesClearAtMs),
        At(i.ClosedAtMs), Math.Round(((i.IsOpen ? nowMs : i.ClosedAtMs ?? i.UpdatedAtMs) - i.ReportedAtMs) / 60_000.0, 1), Timers(i, targets, nowMs),
        i.Version);

    /// <summary>The incident's times against its category's targets, in natural minutes from the report.</summary>
    public static IReadOnlyList<TargetTimer> Timers(Incident i, IReadOnlyList<MilestoneTarget> targets, long nowMs)
    {
        long? ended = i.Status == IncidentStatus.Cancelled ? i.UpdatedAtMs : i.ClosedAtMs;
        return targets.Select(t =>
        {
            var due = i.ReportedAtMs + (long)Math.Round(t.Minutes * 60_000);
            var reached = ReachedAt(i, t.Milestone);
            var state = reached is { } at ? (at <= due ? "met" : "missed")
                : ended is { } end && end <= due ? "moot"
                : nowMs > due ? "missed"
                : due - nowMs <= t.Minutes * 60_000 / 3 ? "due-soon"
                : "running";
            return new TargetTimer(t.Milestone, t.SetBy, t.Minutes, At(due), At(reached), state);
        }).ToList();
    }

    public static long? ReachedAt(Incident i, string milestone) => milestone switch
    {
        Milestones.Dispatched => i.DispatchedAtMs,
        Milestones.CalledBack => i.CalledBackAtMs,
        Milestones.OnScene => i.OnSceneAtMs,
        Milestones.LanesClear => i.LanesClearAtMs,
        Milestones.Closed => i.ClosedAtMs,
        _ => null,
    };

    public static CrewView Crew(RoadCrew c) => new(c.Id, c.Unit, c.Name, c.Kind,
        c.Members.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), c.RouteCode, Stakes.Format(c.StakeMeters),
        c.Lon, c.Lat, c.OnDuty, c.IsFree, c.IncidentId, At(c.PositionAtMs), c.Version);

    public static HistoryView History(TrafficEvent e) => new(e.Action, e.Actor, e.Note, At(e.AtMs));

    /// <summary>Nearest free crews: those on the incident's route by stake distance, then the others by straight-line distance.</summary>
    public static IReadOnlyList<CrewSuggestion> Suggest(Incident i, IEnumerable<RoadCrew> free, int count = 5) =>
        free.Where(c => c.IsFree)
            .Select(c => c.RouteCode == i.RouteCode
                ? new CrewSuggestion(Crew(c), true, Math.Abs(c.StakeMeters - i.StakeMeters))
                : new CrewSuggestion(Crew(c), false, Infrastructure.Persistence.Wgs84.DistanceMeters(c.Lon, c.Lat, i.Lon, i.Lat)))
            .OrderByDescending(s => s.SameRoute).ThenBy(s => s.DistanceMeters).Take(count).ToList();
}
