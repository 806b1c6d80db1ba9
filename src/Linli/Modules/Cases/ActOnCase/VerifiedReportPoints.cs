using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Data;
using Linli.Modules.Lists.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ActOnCase;

/// <summary>
/// A report confirmed true on site earns its reporters points (DOMAIN §3): everyone with an
/// account who reported the problem, the first reporter and those whose reports joined the case.
/// Awarded after the verification is committed; the ledger is idempotent per case and person,
/// so a retried or repeated verification never pays twice.
/// </summary>
internal static class VerifiedReportPoints
{
    public static async Task AwardAsync(Case c, LinliDb db, IPointsLedger ledger, IConfiguration configuration, CancellationToken ct)
    {
        var points = configuration.GetValue("Linli:Points:VerifiedReport", 5);
        if (points <= 0)
        {
            return;
        }
        var reporters = await db.CaseReports.AsNoTracking()
            .Where(r => r.CaseId == c.Id && r.ReporterUserId != null)
            .Select(r => r.ReporterUserId!)
            .ToListAsync(ct);
        if (c.ReporterUserId is { } first)
        {
            reporters.Add(first);
        }
        foreach (var userId in reporters.Distinct())
        {
            await ledger.AwardAsync(userId, points, $"上报问题经核实 {c.Number}", $"case-verified:{c.Id}:{userId}", ct);
        }
    }
}
