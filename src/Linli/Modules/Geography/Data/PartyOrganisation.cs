namespace Linli.Modules.Geography.Data;

/// <summary>
/// The party structure that runs alongside the region tree: community party organisation (社区党组织)
/// → grid party branch (网格党支部) → building party group (楼栋党小组).
/// </summary>
public sealed class PartyOrganisation
{
    private readonly List<PartyMember> _members = [];

    private PartyOrganisation()
    {
        RegionCode = "";
        Name = "";
    }

    public PartyOrganisation(string regionCode, PartyOrganisationKind kind, string name)
    {
        RegionCode = regionCode;
        Kind = kind;
        Name = name;
    }

    public long Id { get; private set; }
    public string RegionCode { get; private set; }
    public PartyOrganisationKind Kind { get; private set; }
    public string Name { get; private set; }
    public IReadOnlyList<PartyMember> Members => _members;

    /// <summary>Adds a member; the name arrives already encrypted (personal data).</summary>
    public PartyMember AddMember(string protectedName, PartyRole role)
    {
        var member = new PartyMember(protectedName, role);
        _members.Add(member);
        return member;
    }

    /// <summary>The kind of organisation that belongs at a level of the tree, if any.</summary>
    public static PartyOrganisationKind? KindFor(Contracts.RegionLevel level) => level switch
    {
        Contracts.RegionLevel.Community => PartyOrganisationKind.CommunityOrganisation,
        Contracts.RegionLevel.Grid or Contracts.RegionLevel.MicroGrid => PartyOrganisationKind.GridBranch,
        Contracts.RegionLevel.Building => PartyOrganisationKind.BuildingGroup,
        _ => null,
    };
}

public enum PartyOrganisationKind
{
    CommunityOrganisation,
    GridBranch,
    BuildingGroup,
}

public enum PartyRole
{
    Secretary,
    Member,
}

public sealed class PartyMember
{
    private PartyMember()
    {
        NameProtected = "";
    }

    internal PartyMember(string protectedName, PartyRole role)
    {
        NameProtected = protectedName;
        Role = role;
    }

    public long Id { get; private set; }
    public long OrganisationId { get; private set; }

    /// <summary>The member's name, encrypted (personal data).</summary>
    public string NameProtected { get; private set; }
    public PartyRole Role { get; private set; }
}
