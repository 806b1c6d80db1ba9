namespace Linli.Modules.People.Households;

/// <summary>A household as created or replaced; members may come along when it is created.</summary>
public sealed record HouseholdRequest(
    string? BuildingCode,
    string? Address,
    string? HeadName,
    string? HeadPhone,
    int? MemberCount,
    string? Residence,
    IReadOnlyList<string>? CareTags,
    bool? CareTagsConsent,
    string? Notes,
    IReadOnlyList<MemberRequest>? Members = null,
    int? Version = null);

public sealed record MemberRequest(
    string? Name,
    string? IdNumber,
    string? Relation,
    string? Gender,
    int? BirthYear,
    string? Phone,
    IReadOnlyList<string>? CareTags,
    bool? CareTagsConsent);

/// <summary>The party member linked to the household (党员联户): a name and phone, or a Linli account, or both.</summary>
public sealed record PartyMemberRequest(string? Name, string? Phone, string? UserId);

public sealed record UnmaskHouseholdRequest(string? Reason);

/// <summary>Names and phones masked (刘*燕, 139****1234); the account id is not personal data.</summary>
public sealed record PartyMemberView(string? Name, string? Phone, string? UserId);

/// <summary>A row of the book; <c>CareTags</c> are the household's and its members' together.</summary>
public sealed record HouseholdSummary(
    Guid Id,
    string BuildingCode,
    string? BuildingName,
    string GridCode,
    string Address,
    string HeadName,
    string? HeadPhone,
    int MemberCount,
    string Residence,
    IReadOnlyList<string> CareTags,
    PartyMemberView? PartyMember,
    DateTimeOffset? LastVisitAt);

public sealed record HouseholdList(IReadOnlyList<HouseholdSummary> Items, int Total, int Page, int PageSize);

public sealed record MemberView(
    Guid Id,
    string Name,
    string? IdNumber,
    string Relation,
    string? Gender,
    int? BirthYear,
    string? Phone,
    IReadOnlyList<string> CareTags,
    DateTimeOffset? CareTagsConsentAt);

/// <summary>One household with its members, every piece of personal data masked.</summary>
public sealed record HouseholdView(
    Guid Id,
    string BuildingCode,
    string? BuildingName,
    string GridCode,
    string Address,
    string HeadName,
    string? HeadPhone,
    int MemberCount,
    string Residence,
    IReadOnlyList<string> CareTags,
    DateTimeOffset? CareTagsConsentAt,
    PartyMemberView? PartyMember,
    string? Notes,
    IReadOnlyList<MemberView> Members,
    DateTimeOffset? LastVisitAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record MemberPersonalData(Guid Id, string Name, string? IdNumber, string? Phone);

/// <summary>The unmasked personal data of a household, for a stated reason (audited).</summary>
public sealed record HouseholdPersonalData(Guid Id, string HeadName, string? HeadPhone, PartyMemberView? PartyMember, IReadOnlyList<MemberPersonalData> Members);
