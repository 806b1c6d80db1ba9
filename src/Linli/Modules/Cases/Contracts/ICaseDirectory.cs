namespace Linli.Modules.Cases.Contracts;

/// <summary>A minor category with its major class, as other modules see the taxonomy.</summary>
public sealed record CategoryEntry(string Code, string NameZh, string NameEn, string MajorCode, string MajorNameZh, string MajorNameEn,
    string Kind, string? Description);

/// <summary>A case as seen from outside the Cases module: no personal data.</summary>
public sealed record CaseSummary(
    Guid Id,
    string Number,
    string Stage,
    bool Resolved,
    string CategoryCode,
    string Description,
    string? UnitName,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset Deadline,
    string? Address,
    double Lon,
    double Lat,
    string? PublicNote,
    string? MergedIntoNumber);

/// <summary>One step of a case's history, as other modules see it (public notes only).</summary>
public sealed record CaseStep(long Id, Guid CaseId, string CaseNumber, string Action, string ToStage, DateTimeOffset At, string? PublicNote);

/// <summary>Which cases: by number (overrides the rest), category, report time window and whether they are resolved.</summary>
public sealed record CaseFilter(
    IReadOnlyList<string>? Numbers = null,
    IReadOnlyList<Guid>? Ids = null,
    IReadOnlyList<string>? Categories = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? Resolved = null,
    int Skip = 0,
    int Take = 1000);

public interface ICaseDirectory
{
    Task<IReadOnlyList<CategoryEntry>> CategoriesAsync(CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<CaseSummary>> FindAsync(CaseFilter filter, CancellationToken ct);

    /// <summary>History steps recorded in [from, to), oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<CaseStep>> StepsAsync(DateTimeOffset from, DateTimeOffset to, int take, CancellationToken ct);
}
