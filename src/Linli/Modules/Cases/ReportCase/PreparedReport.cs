using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.Duplicates;
using Linli.Modules.Cases.Photos;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Cases.ReportCase;

/// <summary>A report checked, routed and read, its photos already stored: all that is left is to write it.</summary>
internal sealed record PreparedReport(
    Guid ReportId,
    Guid NewCaseId,
    string? IdempotencyKey,
    string RequestHash,
    MinorCategory Category,
    object? Suggestion,
    CaseSource Source,
    string Priority,
    string Description,
    string? Address,
    Point Location,
    CaseRegions Regions,
    CaseContext Context,
    string? ReporterName,
    string? ReporterPhone,
    string FollowHash,
    ReportText Text,
    IReadOnlyList<CasePhoto> Photos)
{
    public ReportProbe Probe => new(Category.Code, Location.X, Location.Y, Context.Now.ToUnixTimeMilliseconds(), Text);
}

/// <summary>What intake did with a report: opened a case, joined an open one, or recognised a retry.</summary>
internal sealed record IntakeOutcome(Case Case, bool Joined, bool Replayed);
