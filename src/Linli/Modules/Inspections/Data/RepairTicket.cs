namespace Linli.Modules.Inspections.Data;

public enum RepairStatus
{
    Reported,
    Dispatched,
    OnSite,

    /// <summary>The danger is off (valve shut, area cleared); the repair itself may go on.</summary>
    MadeSafe,

    Finished,
    Cancelled,
}

/// <summary>
/// A repair: an emergency (抢修) from the hotline or a leak report, dispatched to the nearest
/// available crew with a target time on site; or planned maintenance on a day. Every step's time is
/// kept, since response times are what the utility is judged on.
/// </summary>
public sealed partial class RepairTicket
{
    private RepairTicket()
    {
        Utility = Number = Kind = Source = Description = Address = RegionCode = ReportedBy = "";
    }

    public RepairTicket(Guid id, string utility, string number, string kind, string source, string reportedBy, long nowMs)
    {
        Id = id;
        Utility = utility;
        Number = number;
        Kind = kind;
        Source = source;
        ReportedBy = reportedBy;
        ReportedAtMs = UpdatedAtMs = nowMs;
        Status = RepairStatus.Reported;
        Description = Address = RegionCode = "";
    }

    public Guid Id { get; private set; }
    public string Utility { get; private set; }

    /// <summary>QX-yyyymmdd-NNNN for emergencies, WX-… for planned work.</summary>
    public string Number { get; private set; }

    /// <summary>emergency or planned (<see cref="RepairKinds"/>).</summary>
    public string Kind { get; private set; }

    /// <summary>hotline, leak-report, inspection, case, planned.</summary>
    public string Source { get; private set; }

    public Guid? CustomerId { get; private set; }
    public string Description { get; private set; }
    public string Address { get; private set; }
    public double Lon { get; private set; }
    public double Lat { get; private set; }
    public string RegionCode { get; private set; }

    /// <summary>Urban area or not: the target time on site differs (30 minutes in the urban area by default).</summary>
    public bool Urban { get; private set; }
    public int TargetOnSiteMinutes { get; private set; }

    public string? CallerPhoneProtected { get; private set; }
    public string? CallerPhoneMasked { get; private set; }

    /// <summary>The case a leak report came in as, when it came through Cases.</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>The day planned maintenance is booked for.</summary>
    public DateOnly? PlannedOn { get; private set; }

    public Guid? CrewId { get; private set; }
    public RepairStatus Status { get; private set; }
    public string ReportedBy { get; private set; }
    public long ReportedAtMs { get; private set; }
    public long? DispatchedAtMs { get; private set; }
    public long? OnSiteAtMs { get; private set; }
    public long? MadeSafeAtMs { get; private set; }
    public long? FinishedAtMs { get; private set; }
    public string? Resolution { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void Describe(Guid? customerId, string description, string address, double lon, double lat, string regionCode, bool urban, int targetOnSiteMinutes,
        string? callerPhoneProtected, string? callerPhoneMasked, string? caseNumber, DateOnly? plannedOn, long nowMs)
    {
        CustomerId = customerId;
        Description = description;
        Address = address;
        Lon = lon;
        Lat = lat;
        RegionCode = regionCode;
        Urban = urban;
        TargetOnSiteMinutes = targetOnSiteMinutes;
        CallerPhoneProtected = callerPhoneProtected;
        CallerPhoneMasked = callerPhoneMasked;
        CaseNumber = caseNumber;
        PlannedOn = plannedOn;
        Touch(nowMs);
    }

    public void Dispatch(Guid crewId, long nowMs)
    {
        CrewId = crewId;
        DispatchedAtMs ??= nowMs;
        Status = RepairStatus.Dispatched;
        Touch(nowMs);
    }

    public void ArriveOnSite(long nowMs)
    {
        OnSiteAtMs = nowMs;
        Status = RepairStatus.OnSite;
        Touch(nowMs);
    }

    public void MakeSafe(long nowMs)
    {
        MadeSafeAtMs = nowMs;
        Status = RepairStatus.MadeSafe;
        Touch(nowMs);
    }

    public void Finish(string? resolution, long nowMs)
    {
        FinishedAtMs = nowMs;
        Resolution = resolution;
        Status = RepairStatus.Finished;
        Touch(nowMs);
    }

    public void Cancel(string? reason, long nowMs)
    {
        Resolution = reason;
        Status = RepairStatus.Cancelled;
        Touch(nowMs);
    }

    private void Touch(long nowMs)
    {
        UpdatedAtMs = nowMs;
        Version++;
    }
}

public static class RepairKinds
{
    public const string Emergency = "emergency";
    public const string Planned = "planned";
}

/// <summary>A repair crew (抢修班组): where it is and whether it can take a ticket.</summary>
public sealed class RepairCrew
{
    private RepairCrew()
    {
        Utility = Name = Members = "";
    }

    public RepairCrew(Guid id, string utility, string name, string members, double lon, double lat, long nowMs)
    {
        Id = id;
        Utility = utility;
        Name = name;
        Members = members;
        Lon = lon;
        Lat = lat;
        PositionAtMs = nowMs;
        OnDuty = true;
    }

    public Guid Id { get; private set; }
    public string Utility { get; private set; }
    public string Name { get; private set; }

    /// <summary>Comma-separated user names of the crew's members (who may record its times).</summary>
    public string Members { get; private set; }

    /// <summary>The crew's last known position (its base when idle).</summary>
    public double Lon { get; private set; }
    public double Lat { get; private set; }
    public long PositionAtMs { get; private set; }

    public bool OnDuty { get; private set; }

    /// <summary>The ticket it is working; null when available.</summary>
    public Guid? CurrentTicketId { get; private set; }
    public int Version { get; private set; }

    public void Set(string name, string members, bool onDuty)
    {
        Name = name;
        Members = members;
        OnDuty = onDuty;
        Version++;
    }

    public void MoveTo(double lon, double lat, long nowMs)
    {
        Lon = lon;
        Lat = lat;
        PositionAtMs = nowMs;
        Version++;
    }

    public void Take(Guid? ticketId)
    {
        CurrentTicketId = ticketId;
        Version++;
    }
}
