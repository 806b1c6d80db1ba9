using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Reporters;

/// <summary>
/// Verified reports per reporter. A verification passed is the history step "verify" that moved the
/// case to verified (a failed one sends it back to dispatched). Event times are DateTimeOffset,
/// which SQLite cannot compare in SQL: the region and action narrow in SQL, the time in memory.
/// </summary>
internal sealed class ReportStats(IDbContextFactory<LinliDb> dbFactory) : IReportStats
{
    private static readonly string VerifiedStage = CaseNames.Stage(CaseStage.Verified);

    public async Task<IReadOnlyList<VerifiedReporter>> VerifiedReportersAsync(string regionCode, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var verifications = await (
                from e in db.CaseEvents.AsNoTracking()
                join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                where e.Action == "verify" && e.ToStage == VerifiedStage
                    && (c.StreetCode == regionCode || c.CommunityCode == regionCode || c.DistrictCode == regionCode || c.GridCode == regionCode)
                select new { e.CaseId, e.At, c.ReporterUserId })
            .ToListAsync(ct);
        var cases = verifications
            .Where(v => (from is null || v.At >= from) && (to is null || v.At < to))
            .GroupBy(v => v.CaseId)
            .ToDictionary(g => g.Key, g => g.First().ReporterUserId);
        if (cases.Count == 0)
        {
            return [];
        }
        var ids = cases.Keys.ToList();
        var pairs = new HashSet<(Guid CaseId, string UserId)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var reports = await db.CaseReports.AsNoTracking().Where(r => chunk.Contains(r.CaseId) && r.ReporterUserId != null)
                .Select(r => new { r.CaseId, r.ReporterUserId }).ToListAsync(ct);
            pairs.UnionWith(reports.Select(r => (r.CaseId, r.ReporterUserId!)));
        }
        pairs.UnionWith(cases.Where(c => c.Value is not null).Select(c => (c.Key, c.Value!)));
        return pairs.GroupBy(p => p.UserId)
            .Select(g => new VerifiedReporter(g.Key, g.Count()))
            .OrderByDescending(r => r.VerifiedReports).ThenBy(r => r.UserId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<CaseReporters?> ReportersAsync(string caseNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Cases.AsNoTracking().Where(x => x.Number == caseNumber)
            .Select(x => new { x.Id, x.Number, x.DistrictCode, x.StreetCode, x.CommunityCode, x.GridCode, x.ReporterUserId, x.Source })
            .FirstOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }
        var reports = await db.CaseReports.AsNoTracking().Where(r => r.CaseId == c.Id && r.ReporterUserId != null)
            .OrderBy(r => r.ReportedAtMs).Select(r => new { r.ReporterUserId, r.Source }).ToListAsync(ct);
        var reporters = reports.Select(r => new CaseReporter(r.ReporterUserId!, CaseNames.Source(r.Source))).ToList();
        if (c.ReporterUserId is { } first && reporters.All(r => r.UserId != first))
        {
            reporters.Insert(0, new CaseReporter(first, CaseNames.Source(c.Source)));
        }
        var distinct = reporters.GroupBy(r => r.UserId).Select(g => g.FirstOrDefault(r => r.Source == "courier") ?? g.First()).ToList();
        return new CaseReporters(c.Id, c.Number, c.StreetCode, c.CommunityCode, c.GridCode, c.CommunityCode ?? c.StreetCode ?? c.DistrictCode, distinct);
    }
}
