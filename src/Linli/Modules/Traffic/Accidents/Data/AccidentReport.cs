namespace Linli.Modules.Traffic.Accidents.Data;

/// <summary>Where a driver's report stands.</summary>
public enum AccidentStatus
{
    /// <summary>Party A reported; the other party has not confirmed yet (待对方确认).</summary>
    AwaitingOther,

    /// <summary>Both parties confirmed the facts (双方已确认).</summary>
    Confirmed,

    /// <summary>It did not qualify for quick handling (or the driver asked): sent to the police/rescue dispatch (已转交警).</summary>
    RoutedToPolice,
}

/// <summary>
/// A driver's self-service report of a minor accident (快处快撤): the qualifying answers, where it
/// happened on the network, the three photos, the two parties. The other party proves presence with
/// a short code shown on party A's phone; the code is stored hashed, expires, and a report locks after
/// too many wrong tries.
/// </summary>
public sealed class AccidentReport
{
    private AccidentReport()
    {
        Number = RouteCode = RouteName = Direction = Operator = "";
    }

    public AccidentReport(Guid id, string number, AccidentAnswers? answers, int lanesBlocked, string routeCode, string routeName, string direction, string operatorUnit,
        double stakeMeters, double lon, double lat, double? heading, long nowMs)
    {
        Id = id;
        Number = number;
        NoInjuries = answers?.NoInjuries;
        VehiclesMovable = answers?.VehiclesMovable;
        PropertyOnly = answers?.PropertyOnly;
        NoRoadPropertyDamage = answers?.NoRoadPropertyDamage;
        EstimatedLossYuan = answers?.EstimatedLossYuan;
        LanesBlocked = lanesBlocked;
        RouteCode = routeCode;
        RouteName = routeName;
        Direction = direction;
        Operator = operatorUnit;
        StakeMeters = stakeMeters;
        Lon = lon;
        Lat = lat;
        Heading = heading;
        ReportedAtMs = UpdatedAtMs = nowMs;
        Status = AccidentStatus.AwaitingOther;
    }

    public Guid Id { get; private set; }

    /// <summary>KC-yyyymmdd-NNNN (快处), the day in China time.</summary>
    public string Number { get; private set; }

    public AccidentStatus Status { get; private set; }
    // The answers are null when the driver went straight to the police without answering.
    public bool? NoInjuries { get; private set; }
    public bool? VehiclesMovable { get; private set; }
    public bool? PropertyOnly { get; private set; }
    public bool? NoRoadPropertyDamage { get; private set; }
    public int? EstimatedLossYuan { get; private set; }
    public int LanesBlocked { get; private set; }

    /// <summary>Why it went to the police (the failing answers, or "driver asked").</summary>
    public string? PoliceReason { get; private set; }

    public string RouteCode { get; private set; }
    public string RouteName { get; private set; }
    public string Direction { get; private set; }
    public string Operator { get; private set; }
    public double StakeMeters { get; private set; }
    public double Lon { get; private set; }
    public double Lat { get; private set; }
    public double? Heading { get; private set; }

    public Guid? IncidentId { get; private set; }
    public string? IncidentNumber { get; private set; }
    public string? CaseNumber { get; private set; }

    /// <summary>Keyed hash (HMAC with the server's secret) of the report id and the current six-digit code; null once confirmed.</summary>
    public string? CodeHash { get; private set; }
    public long CodeExpiresAtMs { get; private set; }
    public int WrongCodes { get; private set; }
    public long? LockedAtMs { get; private set; }

    public long ReportedAtMs { get; private set; }
    public long? ConfirmedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void Renumber(string number) => Number = number;

    public void RouteToPolice(string reason, long nowMs)
    {
        Status = AccidentStatus.RoutedToPolice;
        PoliceReason = reason;
        CodeHash = null;
        Touch(nowMs);
    }

    public void LinkIncident(Guid incidentId, string incidentNumber, string? caseNumber)
    {
        IncidentId = incidentId;
        IncidentNumber = incidentNumber;
        CaseNumber = caseNumber;
    }

    /// <summary>A fresh code clears the wrong tries and the lock: only party A, holding the token, can ask for one.</summary>
    public void NewCode(string hash, long expiresAtMs, long nowMs)
    {
        CodeHash = hash;
        CodeExpiresAtMs = expiresAtMs;
        WrongCodes = 0;
        LockedAtMs = null;
        Touch(nowMs);
    }

    public void Confirm(long nowMs)
    {
        Status = AccidentStatus.Confirmed;
        ConfirmedAtMs = nowMs;
        CodeHash = null;
        Touch(nowMs);
    }

    private void Touch(long nowMs)
    {
        UpdatedAtMs = nowMs;
        Version++;
    }
}

/// <summary>The driver's answers to the qualifying questions (and lanes blocked, which the incident carries).</summary>
public sealed record AccidentAnswers(bool NoInjuries, bool VehiclesMovable, bool PropertyOnly, bool NoRoadPropertyDamage, int? EstimatedLossYuan,
    int LanesBlocked);
