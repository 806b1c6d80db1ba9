using Linli.Infrastructure.Errors;

namespace Linli.Modules.Couriers.Data;

public enum ComplaintStatus
{
    Open,

    /// <summary>Found true; the officer may suspend the rider in the same step.</summary>
    Upheld,

    Dismissed,
}

/// <summary>
/// A complaint about a rider, made by a resident or guard quoting the pass number the gate page
/// shows. It gets its own number so the complainant can follow it.
/// </summary>
public sealed class Complaint
{
    private Complaint()
    {
        Number = Text = Channel = "";
    }

    public Complaint(Guid id, string number, Guid courierId, Guid? siteId, string text, string? contactProtected, string channel, string? filedBy, long nowMs)
    {
        Id = id;
        Number = number;
        CourierId = courierId;
        SiteId = siteId;
        Text = text;
        ContactProtected = contactProtected;
        Channel = channel;
        FiledBy = filedBy;
        CreatedAtMs = nowMs;
        Status = ComplaintStatus.Open;
    }

    public Guid Id { get; private set; }

    /// <summary>TS-yyyyMMdd-NNNNNN: what the complainant quotes to follow it.</summary>
    public string Number { get; private set; }

    public Guid CourierId { get; private set; }
    public Guid? SiteId { get; private set; }
    public string Text { get; private set; }
    public string? ContactProtected { get; private set; }

    /// <summary>web, gate, hotline.</summary>
    public string Channel { get; private set; }

    public string? FiledBy { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public string? Outcome { get; private set; }
    public string? HandledBy { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long? HandledAtMs { get; private set; }

    public void Decide(bool upheld, string outcome, string by, long nowMs)
    {
        if (Status != ComplaintStatus.Open)
        {
            throw new DomainException("Complaint already handled", $"Complaint {Number} was {Status.ToString().ToLowerInvariant()} already.");
        }
        Status = upheld ? ComplaintStatus.Upheld : ComplaintStatus.Dismissed;
        Outcome = outcome;
        HandledBy = by;
        HandledAtMs = nowMs;
    }
}
