namespace Linli.Modules.Lists.Contracts;

/// <summary>A need on the demand list as the household book shows it: what, how much, and where it stands.</summary>
public sealed record DemandStatusRef(Guid Id, Guid? VisitId, string Category, string Description, int Quantity, string Urgency, string Status,
    DateTimeOffset CreatedAt);

/// <summary>Where a household's needs stand on the demand list, for the household page.</summary>
public interface IDemandStatusLookup
{
    /// <summary>The household's needs, newest first (at most 100).</summary>
    Task<IReadOnlyList<DemandStatusRef>> ForHouseholdAsync(Guid householdId, CancellationToken ct = default);
}
