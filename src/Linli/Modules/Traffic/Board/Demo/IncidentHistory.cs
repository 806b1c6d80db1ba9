namespace Linli.Modules.Traffic.Data;

/// <summary>
/// Past incidents written in one go for the demo history and tests of the indicators. Live incidents
/// move only through the desk's transitions (Incidents/), which also record milestones on the case;
/// a historic one has no case to record on.
/// </summary>
public sealed partial class Incident
{
    internal void Historic(IncidentStatus status, string? crewIds, long? dispatchedAtMs, long? calledBackAtMs, long? onSceneAtMs,
        long? lanesClearAtMs, long? closedAtMs)
    {
        Status = status;
        CrewIds = crewIds;
        DispatchedAtMs = dispatchedAtMs;
        CalledBackAtMs = calledBackAtMs;
        OnSceneAtMs = onSceneAtMs;
        LanesClearAtMs = lanesClearAtMs;
        ClosedAtMs = closedAtMs;
        UpdatedAtMs = new[] { ReportedAtMs, dispatchedAtMs ?? 0, calledBackAtMs ?? 0, onSceneAtMs ?? 0, lanesClearAtMs ?? 0, closedAtMs ?? 0 }.Max();
    }
}
