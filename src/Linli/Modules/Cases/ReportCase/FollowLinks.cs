using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ReportCase;

/// <summary>
/// Which case a follow link leads to. Every report has its own link; it leads to the case the
/// report is in now, so a reporter whose report was attached, merged or split keeps following it.
/// </summary>
internal static class FollowLinks
{
    public static async Task<Guid?> CaseOfAsync(LinliDb db, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var hash = ReportCase.FollowHash(token);
        return await db.CaseReports.AsNoTracking().Where(r => r.FollowTokenHash == hash).Select(r => (Guid?)r.CaseId).FirstOrDefaultAsync(ct)
            // Cases reported before reports were kept apart carry the link themselves.
            ?? await db.Cases.AsNoTracking().Where(c => c.FollowTokenHash == hash).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    public static async Task<bool> LeadsToAsync(LinliDb db, string token, Guid caseId, CancellationToken ct) =>
        token.Length > 0 && await CaseOfAsync(db, token, ct) == caseId;
}
