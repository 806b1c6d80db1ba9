using Linli.Infrastructure.Errors;

namespace Linli.Modules.Traffic.Data;

/// <summary>A step the incident's status does not allow (409 with the reason).</summary>
public sealed class IncidentTransitionException(string detail) : DomainException("Not allowed now", detail);

/// <summary>
/// The incident's time line, written only here: each step checks the status, takes the time it happened
/// (the caller's clock) and bumps <see cref="Version"/> so that two desks acting at once do not both win.
/// </summary>
public sealed partial class Incident
{
    public static string StatusName(IncidentStatus status) => status switch
    {
        IncidentStatus.OnScene => "on-scene",
        IncidentStatus.LanesClear => "lanes-clear",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParseStatus(string? name, out IncidentStatus status)
    {
        foreach (var candidate in Enum.GetValues<IncidentStatus>())
        {
            if (string.Equals(StatusName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public IReadOnlyList<Guid> Crews =>
        (CrewIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>Sends crews; more may follow while the incident runs (a tow truck after the patrol). The first dispatch counts.</summary>
    public void Dispatch(IReadOnlyCollection<Guid> crewIds, long atMs)
    {
        EnsureOpen("dispatch crews to");
        if (Status == IncidentStatus.LanesClear)
        {
            throw new IncidentTransitionException($"{Number}: the lanes are clear already; close it instead.");
        }
        CrewIds = string.Join(',', Crews.Concat(crewIds).Distinct());
        DispatchedAtMs ??= atMs;
        if (Status == IncidentStatus.Reported)
        {
            Status = IncidentStatus.Dispatched;
        }
        Touch(atMs);
    }

    /// <summary>The desk called the reporter back (1315: within 3 minutes).</summary>
    public void CallBack(long atMs)
    {
        EnsureOpen("call back on");
        if (CalledBackAtMs is not null)
        {
            throw new IncidentTransitionException($"{Number}: the caller was called back already.");
        }
        CalledBackAtMs = atMs;
        Touch(atMs);
    }

    /// <summary>A crew is on scene; the first one sets the time and the status. Returns whether it was the first.</summary>
    public bool ArriveOnScene(long atMs)
    {
        EnsureOpen("arrive at");
        if (Status == IncidentStatus.Reported)
        {
            throw new IncidentTransitionException($"{Number}: no crew has been dispatched yet.");
        }
        if (OnSceneAtMs is not null)
        {
            return false;
        }
        OnSceneAtMs = atMs;
        Status = IncidentStatus.OnScene;
        Touch(atMs);
        return true;
    }

    /// <summary>Every lane open again (the road company's "road clear").</summary>
    public void ClearLanes(long atMs)
    {
        EnsureOpen("clear the lanes of");
        if (Status != IncidentStatus.OnScene)
        {
            throw new IncidentTransitionException(Status == IncidentStatus.LanesClear
                ? $"{Number}: the lanes are clear already."
                : $"{Number}: a crew must be on scene first.");
        }
        LanesClearAtMs = atMs;
        Status = IncidentStatus.LanesClear;
        Touch(atMs);
    }

    /// <summary>
    /// Done. From any open status: a driver's quick-handled report whose vehicles already left is closed
    /// from the desk without a crew.
    /// </summary>
    public void Close(long atMs)
    {
        EnsureOpen("close");
        ClosedAtMs = atMs;
        Status = IncidentStatus.Closed;
        Touch(atMs);
    }

    /// <summary>A false alarm or a duplicate; the reason goes into the history.</summary>
    public void Cancel(string reason, long atMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureOpen("cancel");
        Status = IncidentStatus.Cancelled;
        Touch(atMs);
    }

    private void EnsureOpen(string what)
    {
        if (!IsOpen)
        {
            throw new IncidentTransitionException($"{Number} is {StatusName(Status)}: nothing to {what} any more.");
        }
    }

    private void Touch(long atMs)
    {
        UpdatedAtMs = atMs;
        Version++;
    }
}
