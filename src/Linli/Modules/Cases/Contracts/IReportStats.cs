namespace Linli.Modules.Cases.Contracts;

/// <summary>How many of an account's reports were verified true in a region and time range.</summary>
public sealed record VerifiedReporter(string UserId, int VerifiedReports);

/// <summary>One report of a case by someone with an account; <paramref name="Source"/> as in the case list (web, courier, …).</summary>
public sealed record CaseReporter(string UserId, string Source);

/// <summary>
/// A case's reporters with accounts and where it lies, for thanking them. <paramref name="RegionCode"/>
/// is the most specific of community, street and district the case carries.
/// </summary>
public sealed record CaseReporters(Guid CaseId, string CaseNumber, string? StreetCode, string? CommunityCode, string GridCode, string RegionCode,
    IReadOnlyList<CaseReporter> Reporters);

/// <summary>Report statistics for modules that reward reporters (the riders' leaderboard, public thanks).</summary>
public interface IReportStats
{
    /// <summary>
    /// Per reporter account, the cases in the region's subtree verified true (on site, "verify" passed)
    /// within [<paramref name="from"/>, <paramref name="to"/>) — null bounds are open. A case counts once
    /// for each account that reported it, the first reporter and those whose reports joined or were
    /// merged into it. Most verified first.
    /// </summary>
    Task<IReadOnlyList<VerifiedReporter>> VerifiedReportersAsync(string regionCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default);

    /// <summary>The case with this number and its reporters who have accounts; null when there is no such case.</summary>
    Task<CaseReporters?> ReportersAsync(string caseNumber, CancellationToken ct = default);
}
