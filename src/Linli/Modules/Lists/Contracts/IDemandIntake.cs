using Linli.Infrastructure.Persistence;

namespace Linli.Modules.Lists.Contracts;

/// <summary>
/// A need to put on the demand list, as another module (a grid worker's visit) records it.
/// Categories are the codes of <c>NeedCategories</c>; care tags those of <c>CareTags</c>.
/// </summary>
public sealed record DemandDraft(
    string Channel,
    string RegionCode,
    Guid? HouseholdId,
    string? RequesterName,
    string? RequesterPhone,
    string Category,
    string Description,
    int Quantity,
    string Urgency,
    IReadOnlyList<string> TimeWindows,
    IReadOnlyList<string> CareTags,
    bool CareTagsConsent,
    Guid? VisitId,
    string RecordedBy);

/// <summary>
/// Puts needs on the demand list. <see cref="Add"/> only adds to the caller's context, so that a
/// visit and the needs it records are saved in one transaction; it throws
/// <c>RequestValidationException</c> for a draft the list cannot take.
/// </summary>
public interface IDemandIntake
{
    /// <summary>Validates the draft and adds the demand to <paramref name="db"/>; the caller saves. Returns the new demand's id.</summary>
    Guid Add(LinliDb db, DemandDraft draft);
}
