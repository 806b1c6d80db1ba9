namespace Linli.Modules.Lists.Merchants;

public sealed record ApplyRequest(string? Name, string? CreditCode, string? Address, double? Lon, double? Lat, string? RegionCode,
    string? Contact, IReadOnlyList<string>? Categories);

public sealed record DecisionRequest(string? Reason);

public sealed record OfferRequest(string? Category, string? Title, int? CapacityPerWeek, IReadOnlyList<string>? Availability, int? RadiusMeters,
    string? Conditions, string? ConditionNote);

public sealed record OfferView(Guid Id, Guid MerchantId, string Category, string Title, int CapacityPerWeek, IReadOnlyList<string> Availability,
    int? RadiusMeters, string Conditions, string? ConditionNote, bool Withdrawn, string? ResourceStatus);

/// <summary>A merchant as its owner or reviewing staff see it: the contact masked.</summary>
public sealed record MerchantView(Guid Id, string Name, string CreditCode, string Address, string RegionCode, double? Lon, double? Lat,
    string? Contact, IReadOnlyList<string> Categories, string Status, string? StatusReason, DateTimeOffset AppliedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<OfferView> Offers);
