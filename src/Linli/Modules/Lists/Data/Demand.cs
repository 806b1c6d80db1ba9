using Linli.Infrastructure.Errors;

namespace Linli.Modules.Lists.Data;

public enum DemandStatus
{
    Open,
    Matched,
    InProject,
    Fulfilled,
    Closed,
}

/// <summary>
/// A resident's need on the demand list (需求清单). The requester's name and phone are stored
/// protected; care tags only with the consent recorded. The status moves forward through the
/// methods below, each of which appends to the list's history.
/// </summary>
public sealed class Demand
{
    private Demand()
    {
        Channel = RegionCode = Category = Description = Urgency = TimeWindows = CareTags = CreatedBy = "";
    }

    public Demand(Guid id, string channel, string regionCode, Guid? householdId, string? requesterNameProtected, string? requesterPhoneProtected,
        string category, string description, int quantity, string urgency, IReadOnlyList<WeeklyWindow> timeWindows,
        IReadOnlyList<string> careTags, DateTimeOffset? consentAt, double? lon, double? lat, Guid? visitId, string createdBy, DateTimeOffset now)
    {
        Id = id;
        Channel = channel;
        RegionCode = regionCode;
        HouseholdId = householdId;
        RequesterNameProtected = requesterNameProtected;
        RequesterPhoneProtected = requesterPhoneProtected;
        Category = category;
        Description = description;
        Quantity = quantity;
        Urgency = urgency;
        TimeWindows = WeeklyWindows.Store(timeWindows);
        CareTags = string.Join(',', careTags);
        CareTagsConsentAt = consentAt;
        Lon = lon;
        Lat = lat;
        VisitId = visitId;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        Status = DemandStatus.Open;
    }

    public Guid Id { get; private set; }

    /// <summary>visit (敲门走访), self (resident's own request), hotline, hotline-topic (recurring 12345 topic), reception.</summary>
    public string Channel { get; private set; }

    /// <summary>The grid or building the need belongs to; scopes who may see it.</summary>
    public string RegionCode { get; private set; }

    public Guid? HouseholdId { get; private set; }
    public string? RequesterNameProtected { get; private set; }
    public string? RequesterPhoneProtected { get; private set; }
    public string Category { get; private set; }
    public string Description { get; private set; }

    /// <summary>How much is needed per week (meals, visits, hours; 1 for a one-off wish).</summary>
    public int Quantity { get; private set; }

    /// <summary>low, normal, high, urgent.</summary>
    public string Urgency { get; private set; }

    /// <summary>Stored windows (<see cref="WeeklyWindows.Store"/>); empty means any time.</summary>
    public string TimeWindows { get; private set; }

    /// <summary>Comma-separated care tag codes; kept only with <see cref="CareTagsConsentAt"/>.</summary>
    public string CareTags { get; private set; }

    public DateTimeOffset? CareTagsConsentAt { get; private set; }

    /// <summary>Where the need is met (the household's building, else the region's centre), for distances.</summary>
    public double? Lon { get; private set; }
    public double? Lat { get; private set; }

    public Guid? VisitId { get; private set; }
    public Guid? ProjectId { get; private set; }
    public DemandStatus Status { get; private set; }
    public string? ClosingEvidence { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two staff confirming the same need cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<WeeklyWindow> Windows => WeeklyWindows.Load(TimeWindows);

    public IReadOnlyList<string> CareTagList => CareTags.Length == 0 ? [] : CareTags.Split(',');

    public ListEvent Matched(string actor, string explanation, DateTimeOffset now)
    {
        Require(Status == DemandStatus.Open, "only an open need can be matched");
        return Move(DemandStatus.Matched, "matched", actor, explanation, now);
    }

    public ListEvent JoinedProject(Guid projectId, string actor, DateTimeOffset now)
    {
        Require(Status is DemandStatus.Open or DemandStatus.Matched, "the need is already in a project or done");
        ProjectId = projectId;
        return Move(DemandStatus.InProject, "in-project", actor, projectId.ToString(), now);
    }

    public ListEvent Fulfilled(string actor, string? note, DateTimeOffset now)
    {
        Require(Status is DemandStatus.Matched or DemandStatus.InProject, "only a matched need or one in a project can be fulfilled");
        return Move(DemandStatus.Fulfilled, "fulfilled", actor, note, now);
    }

    /// <summary>Closed off (销号): fulfilled, or no longer needed; either way with evidence.</summary>
    public ListEvent Closed(string actor, string evidence, DateTimeOffset now)
    {
        Require(Status != DemandStatus.Closed, "the need is already closed");
        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new RequestValidationException("evidence", "closing a need off takes evidence (what was done, or why it is no longer needed)");
        }
        ClosingEvidence = evidence.Trim();
        return Move(DemandStatus.Closed, "closed", actor, ClosingEvidence, now);
    }

    /// <summary>A match that fell through (the provider withdrew, the resident declined): back on the open list.</summary>
    public ListEvent Reopened(string actor, string reason, DateTimeOffset now)
    {
        Require(Status is DemandStatus.Matched or DemandStatus.InProject, "only a matched need or one in a project can go back on the open list");
        ProjectId = null;
        return Move(DemandStatus.Open, "reopened", actor, reason, now);
    }

    private ListEvent Move(DemandStatus to, string action, string actor, string? note, DateTimeOffset now)
    {
        Status = to;
        UpdatedAt = now;
        Version++;
        return new ListEvent(ListEntity.Demand, Id, action, actor, note, now);
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new DomainException("Not allowed now", reason);
        }
    }
}
