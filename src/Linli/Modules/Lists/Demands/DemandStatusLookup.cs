using Linli.Infrastructure.Persistence;
using Linli.Modules.Lists.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Demands;

/// <summary>Reads a household's needs for other modules; statuses as the API writes them (open, matched, in-project, fulfilled, closed).</summary>
internal sealed class DemandStatusLookup(IDbContextFactory<LinliDb> dbFactory) : IDemandStatusLookup
{
    public async Task<IReadOnlyList<DemandStatusRef>> ForHouseholdAsync(Guid householdId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Ordered by id: v7 ids grow with time, and SQLite cannot order by DateTimeOffset.
        var rows = await db.Demands.AsNoTracking().Where(d => d.HouseholdId == householdId)
            .OrderByDescending(d => d.Id).Take(100).ToListAsync(ct);
        return rows.Select(d => new DemandStatusRef(d.Id, d.VisitId, d.Category, d.Description, d.Quantity, d.Urgency, StatusName(d.Status), d.CreatedAt))
            .ToList();
    }

    private static string StatusName(Data.DemandStatus status) => status switch
    {
        Data.DemandStatus.InProject => "in-project",
        _ => status.ToString().ToLowerInvariant(),
    };
}
