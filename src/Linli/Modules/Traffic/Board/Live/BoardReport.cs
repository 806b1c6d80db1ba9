namespace Linli.Modules.Traffic.Board.Live;

/// <summary>The live board: every route the caller sees, its carriageways with their open incidents, and its crews on duty.</summary>
public sealed record BoardReport(long AsOfMs, int OpenIncidents, int Missed, IReadOnlyList<BoardRoute> Routes);

/// <summary>One route (G60) with its carriageways (up before down) and the crews standing on it.</summary>
public sealed record BoardRoute(string Code, string Name, string Operator, IReadOnlyList<BoardCarriageway> Carriageways, IReadOnlyList<BoardCrew> Crews);

/// <summary>One carriageway: stakes at its first and last point in the direction of travel (metres and K-text) and its length.</summary>
public sealed record BoardCarriageway(
    Guid Id,
    string Code,
    string Name,
    string Direction,
    double FirstStakeMeters,
    double LastStakeMeters,
    string FirstStake,
    string LastStake,
    double LengthMeters,
    IReadOnlyList<BoardIncident> Incidents);

/// <summary>
/// An open incident: where, what, how long since the report, and its state against each target.
/// State is the worst of the targets' (missed, then running, then met).
/// </summary>
public sealed record BoardIncident(
    Guid Id,
    string Number,
    double StakeMeters,
    string Stake,
    string Status,
    string CategoryCode,
    int LanesBlocked,
    bool QuickHandling,
    bool Emergency,
    long ReportedAtMs,
    int ElapsedMinutes,
    string State,
    IReadOnlyList<BoardTarget> Targets);

/// <summary>One target: milestone, minutes, who sets it ("1315", "operator"), met/running/missed, when reached, when due, whole minutes left while running.</summary>
public sealed record BoardTarget(string Milestone, double Minutes, string SetBy, string State, long? ReachedAtMs, long DueAtMs, int? MinutesLeft);

/// <summary>A crew on duty: where it stands (stake on the route), its kind, free or busy, and the incident it is on.</summary>
public sealed record BoardCrew(Guid Id, string Name, string Unit, string Kind, double StakeMeters, string Stake, bool Free, Guid? IncidentId,
    string? IncidentNumber, string? Direction);
