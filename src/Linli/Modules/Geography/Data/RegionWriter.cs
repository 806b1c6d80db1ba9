using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.Data;

/// <summary>
/// Inserts a batch of regions and advances the index version inside the caller's transaction,
/// in chunks, so that a 300,000-building import neither holds every entity in the change tracker
/// nor leaves a half-written tree behind.
/// </summary>
internal static class RegionWriter
{
    private const int ChunkSize = 2_000;

    public static async Task InsertAsync(LinliDb db, IEnumerable<Region> regions, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var pending = 0;
        foreach (var region in regions)
        {
            db.Regions.Add(region);
            if (++pending == ChunkSize)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        if (pending > 0)
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    /// <summary>Marks the tree as changed so that every node reloads its index.</summary>
    public static async Task AdvanceVersionAsync(LinliDb db, CancellationToken ct)
    {
        var updated = await db.RegionIndexStates
            .Where(s => s.Id == RegionIndexState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (updated == 0)
        {
            db.RegionIndexStates.Add(new RegionIndexState());
            await db.SaveChangesAsync(ct);
        }
    }
}
