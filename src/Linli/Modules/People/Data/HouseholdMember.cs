namespace Linli.Modules.People.Data;

/// <summary>A person of a household. Name, phone and ID number stored protected; the ID number also as a keyed hash, to find duplicates.</summary>
public sealed class HouseholdMember
{
    private HouseholdMember()
    {
        NameProtected = Relation = CareTags = "";
    }

    public HouseholdMember(Guid id, Guid householdId)
    {
        Id = id;
        HouseholdId = householdId;
        NameProtected = "";
        Relation = "other";
        CareTags = "";
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string NameProtected { get; private set; }
    public string? IdNumberProtected { get; private set; }
    public string? IdNumberIndex { get; private set; }

    /// <summary>To the head of the household: head, spouse, child, parent, grandchild, sibling, tenant, other.</summary>
    public string Relation { get; private set; }

    /// <summary>female, male, or unknown (null).</summary>
    public string? Gender { get; private set; }

    public int? BirthYear { get; private set; }
    public string? PhoneProtected { get; private set; }
    public string CareTags { get; private set; }
    public DateTimeOffset? CareTagsConsentAt { get; private set; }

    public IReadOnlyList<string> CareTagList => Household.Split(CareTags);

    public void Describe(string nameProtected, string? idNumberProtected, string? idNumberIndex, string relation, string? gender, int? birthYear,
        string? phoneProtected)
    {
        NameProtected = nameProtected;
        IdNumberProtected = idNumberProtected;
        IdNumberIndex = idNumberIndex;
        Relation = relation;
        Gender = gender;
        BirthYear = birthYear;
        PhoneProtected = phoneProtected;
    }

    public void Tag(IReadOnlyList<string> tags, DateTimeOffset now)
    {
        var joined = string.Join(',', tags);
        if (joined == CareTags)
        {
            return;
        }
        CareTags = joined;
        CareTagsConsentAt = tags.Count == 0 ? null : now;
    }
}
