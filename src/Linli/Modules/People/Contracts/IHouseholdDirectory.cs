namespace Linli.Modules.People.Contracts;

/// <summary>
/// A household as other modules may show it: where it lives and how to name it without exposing
/// anyone (the head's name masked, 刘*燕). Care tags are the codes of <c>CareTags</c>.
/// </summary>
public sealed record HouseholdRef(Guid Id, string BuildingCode, string GridCode, string Address, string HeadMasked, IReadOnlyList<string> CareTags);

/// <summary>The household book, for the demand list and other modules that name households by id.</summary>
public interface IHouseholdDirectory
{
    /// <summary>The households with these ids that exist; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, HouseholdRef>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
}
