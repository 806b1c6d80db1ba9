using Linli.Infrastructure.Errors;

namespace Linli.Modules.Couriers.Data;

public enum CourierStatus
{
    /// <summary>Applied; waiting for an officer's review.</summary>
    Pending,
    Approved,
    Rejected,

    /// <summary>Approved once, stopped for now: the pass is refused at every gate until reinstated.</summary>
    Suspended,
}

/// <summary>
/// A rider or courier and their application for the pass (小哥码): who they are (protected), whom
/// they work for, the facts eligibility is judged on, and the officer's decision.
/// </summary>
public sealed class Courier
{
    private Courier()
    {
        UserId = NameProtected = NameMasked = PhoneProtected = PhoneIndex = PhoneMasked = IdNumberProtected = IdNumberIndex = "";
        Platform = Employer = Team = Vehicle = RegionCode = "";
    }

    public Courier(Guid id, string userId, long nowMs)
    {
        Id = id;
        UserId = userId;
        CreatedAtMs = UpdatedAtMs = nowMs;
        Status = CourierStatus.Pending;
        NameProtected = NameMasked = PhoneProtected = PhoneIndex = PhoneMasked = IdNumberProtected = IdNumberIndex = "";
        Platform = Employer = Team = Vehicle = RegionCode = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The rider's Linli account.</summary>
    public string UserId { get; private set; }

    public string NameProtected { get; private set; }

    /// <summary>张*明: what guards and the public see.</summary>
    public string NameMasked { get; private set; }

    public string PhoneProtected { get; private set; }
    public string PhoneIndex { get; private set; }
    public string PhoneMasked { get; private set; }
    public string IdNumberProtected { get; private set; }
    public string IdNumberIndex { get; private set; }

    /// <summary>A <see cref="Contracts.Platforms"/> code.</summary>
    public string Platform { get; private set; }

    /// <summary>The company or agent that employs the rider (may differ from the platform).</summary>
    public string Employer { get; private set; }

    /// <summary>Station or team (站点/团队), e.g. 美团拱墅湖墅站.</summary>
    public string Team { get; private set; }

    /// <summary>electric-bike, motorcycle, tricycle, van, car, on-foot.</summary>
    public string Vehicle { get; private set; }

    public string? VehiclePlate { get; private set; }

    /// <summary>The photo in the file store; guards compare it with the face at the gate.</summary>
    public string? PhotoPath { get; private set; }

    /// <summary>The street (or district) the rider mostly works in: whose officers review them.</summary>
    public string RegionCode { get; private set; }

    // The facts eligibility is judged on (Tonglu's rules, DOMAIN.md §4).
    public DateOnly WorkStartedOn { get; private set; }
    public decimal OnTimeRatePercent { get; private set; }
    public int AtFaultAccidents { get; private set; }
    public int SecurityComplaints { get; private set; }
    public bool TrainingDone { get; private set; }

    public CourierStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public string? DecidedBy { get; private set; }
    public long? DecidedAtMs { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void SetIdentity(string nameProtected, string nameMasked, string phoneProtected, string phoneIndex, string phoneMasked,
        string idNumberProtected, string idNumberIndex)
    {
        NameProtected = nameProtected;
        NameMasked = nameMasked;
        PhoneProtected = phoneProtected;
        PhoneIndex = phoneIndex;
        PhoneMasked = phoneMasked;
        IdNumberProtected = idNumberProtected;
        IdNumberIndex = idNumberIndex;
    }

    public void SetWork(string platform, string employer, string team, string vehicle, string? vehiclePlate, string regionCode,
        DateOnly workStartedOn, decimal onTimeRatePercent, int atFaultAccidents, int securityComplaints, bool trainingDone)
    {
        Platform = platform;
        Employer = employer;
        Team = team;
        Vehicle = vehicle;
        VehiclePlate = vehiclePlate;
        RegionCode = regionCode;
        WorkStartedOn = workStartedOn;
        OnTimeRatePercent = onTimeRatePercent;
        AtFaultAccidents = atFaultAccidents;
        SecurityComplaints = securityComplaints;
        TrainingDone = trainingDone;
    }

    public void SetPhoto(string? path) => PhotoPath = path;

    /// <summary>A rejected rider sends the application again with corrected facts.</summary>
    public void Resubmit(long nowMs)
    {
        if (Status != CourierStatus.Rejected)
        {
            throw new DomainException("Application not rejected", $"Only a rejected application can be sent again; this one is {Status.ToString().ToLowerInvariant()}.");
        }
        Move(CourierStatus.Pending, null, null, nowMs);
        DecidedBy = null;
        DecidedAtMs = null;
    }

    public void Approve(string by, long nowMs)
    {
        Require(CourierStatus.Pending, "approve");
        Move(CourierStatus.Approved, null, by, nowMs);
    }

    public void Reject(string by, string reason, long nowMs)
    {
        Require(CourierStatus.Pending, "reject");
        Move(CourierStatus.Rejected, reason, by, nowMs);
    }

    public void Suspend(string by, string reason, long nowMs)
    {
        Require(CourierStatus.Approved, "suspend");
        Move(CourierStatus.Suspended, reason, by, nowMs);
    }

    public void Reinstate(string by, long nowMs)
    {
        Require(CourierStatus.Suspended, "reinstate");
        Move(CourierStatus.Approved, null, by, nowMs);
    }

    private void Require(CourierStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainException("Wrong status", $"Cannot {action} a courier who is {Status.ToString().ToLowerInvariant()}; only a {expected.ToString().ToLowerInvariant()} one.");
        }
    }

    private void Move(CourierStatus status, string? reason, string? by, long nowMs)
    {
        Status = status;
        StatusReason = reason;
        if (by is not null)
        {
            DecidedBy = by;
            DecidedAtMs = nowMs;
        }
        UpdatedAtMs = nowMs;
        Version++;
    }
}

/// <summary>One step in a courier's history: applied, approved, rejected, suspended, complaint upheld, pass reissued…</summary>
public sealed class CourierEvent
{
    private CourierEvent()
    {
        Actor = Action = "";
    }

    public CourierEvent(Guid courierId, string actor, string action, string? note, long atMs)
    {
        CourierId = courierId;
        Actor = actor;
        Action = action;
        Note = note;
        AtMs = atMs;
    }

    public long Id { get; private set; }
    public Guid CourierId { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string? Note { get; private set; }
    public long AtMs { get; private set; }
}
