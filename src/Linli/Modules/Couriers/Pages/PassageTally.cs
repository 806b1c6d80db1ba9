using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Pages;

/// <summary>One site's passages in a range: let in and refused.</summary>
internal sealed record SiteTally(string Code, string Name, int Allowed, int Refused);

/// <summary>
/// The per-site summary above the passages table. It counts in the database over the same sites
/// and the same range the list shows (the list itself is paged, so counting its rows would be wrong).
/// </summary>
internal static class PassageTally
{
    public static async Task<List<SiteTally>> CountAsync(LinliDb db, IReadOnlyList<(Guid Id, string Code, string Name)> sites, long fromMs, long toMs,
        CancellationToken ct)
    {
        var ids = sites.Select(s => s.Id).ToList();
        var counts = await db.Passages.AsNoTracking()
            .Where(p => ids.Contains(p.SiteId) && p.AtMs >= fromMs && p.AtMs < toMs)
            .GroupBy(p => new { p.SiteId, p.Allowed })
            .Select(g => new { g.Key.SiteId, g.Key.Allowed, Count = g.Count() })
            .ToListAsync(ct);
        return sites
            .Select(s => new SiteTally(s.Code, s.Name,
                counts.Where(c => c.SiteId == s.Id && c.Allowed).Sum(c => c.Count),
                counts.Where(c => c.SiteId == s.Id && !c.Allowed).Sum(c => c.Count)))
            .Where(t => t.Allowed + t.Refused > 0)
            .ToList();
    }
}
