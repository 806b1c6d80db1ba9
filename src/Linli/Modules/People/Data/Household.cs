namespace Linli.Modules.People.Data;

/// <summary>
/// A household of the household book (住户台账): where it lives (a building and the address within
/// it), who heads it, how many live there, why it may need care, and the party member linked to it
/// (党员联户). Names and phones are stored protected; care tags only with the consent recorded.
/// </summary>
public sealed class Household
{
    private Household()
    {
        BuildingCode = GridCode = Address = HeadNameProtected = Residence = CareTags = CreatedBy = "";
    }

    public Household(Guid id, string buildingCode, string gridCode, string address, string createdBy, DateTimeOffset now)
    {
        Id = id;
        BuildingCode = buildingCode;
        GridCode = gridCode;
        Address = address;
        HeadNameProtected = "";
        Residence = "permanent";
        CareTags = "";
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The building (a region of level building); scopes who may see the household.</summary>
    public string BuildingCode { get; private set; }

    /// <summary>The grid the building lies in, kept for the grid worker's lists.</summary>
    public string GridCode { get; private set; }

    /// <summary>Within the building: 2单元501.</summary>
    public string Address { get; private set; }

    public string HeadNameProtected { get; private set; }
    public string? HeadPhoneProtected { get; private set; }

    /// <summary>How many people live there (the members listed may be fewer).</summary>
    public int MemberCount { get; private set; }

    /// <summary>permanent (常住), renting (租住), vacant (空置).</summary>
    public string Residence { get; private set; }

    /// <summary>Comma-separated codes of <c>CareTags</c>; kept only with <see cref="CareTagsConsentAt"/>.</summary>
    public string CareTags { get; private set; }

    public DateTimeOffset? CareTagsConsentAt { get; private set; }

    public string? PartyMemberNameProtected { get; private set; }
    public string? PartyMemberPhoneProtected { get; private set; }
    public string? PartyMemberUserId { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Unix milliseconds of the latest visit: "not visited for N days" is a comparison both databases index.</summary>
    public long? LastVisitAtMs { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two workers editing one household cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public List<HouseholdMember> Members { get; private set; } = [];

    public IReadOnlyList<string> CareTagList => Split(CareTags);

    public bool HasPartyMember => PartyMemberNameProtected is not null || PartyMemberUserId is not null;

    public void Describe(string address, string headNameProtected, string? headPhoneProtected, int memberCount, string residence, string? notes,
        DateTimeOffset now)
    {
        Address = address;
        HeadNameProtected = headNameProtected;
        HeadPhoneProtected = headPhoneProtected;
        MemberCount = memberCount;
        Residence = residence;
        Notes = notes;
        Touch(now);
    }

    /// <summary>The consent time moves only when the tags do: re-saving the same tags keeps the first consent.</summary>
    public void Tag(IReadOnlyList<string> tags, DateTimeOffset now)
    {
        var joined = string.Join(',', tags);
        if (joined == CareTags)
        {
            return;
        }
        CareTags = joined;
        CareTagsConsentAt = tags.Count == 0 ? null : now;
        Touch(now);
    }

    public void LinkPartyMember(string? nameProtected, string? phoneProtected, string? userId, DateTimeOffset now)
    {
        PartyMemberNameProtected = nameProtected;
        PartyMemberPhoneProtected = phoneProtected;
        PartyMemberUserId = userId;
        Touch(now);
    }

    public void Visited(long atMs, DateTimeOffset now)
    {
        if (LastVisitAtMs is null || atMs > LastVisitAtMs)
        {
            LastVisitAtMs = atMs;
        }
        Touch(now);
    }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    internal static IReadOnlyList<string> Split(string tags) => tags.Length == 0 ? [] : tags.Split(',');
}
