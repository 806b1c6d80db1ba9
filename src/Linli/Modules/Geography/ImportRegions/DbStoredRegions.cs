using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>Looks regions up in the database in chunks small enough for any provider's IN list.</summary>
internal sealed class DbStoredRegions(LinliDb db) : IStoredRegions
{
    private const int Chunk = 500;

    public async Task<Dictionary<string, StoredRegion>> FindAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, StoredRegion>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(Chunk))
        {
            var rows = await db.Regions.AsNoTracking()
                .Where(r => chunk.Contains(r.Code))
                .Select(r => new StoredRegion(r.Code, r.Level, r.ParentCode, r.Boundary))
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                found[row.Code] = row;
            }
        }
        return found;
    }

    public async Task<List<StoredRegion>> ChildrenOfAsync(IReadOnlyCollection<string> parentCodes, CancellationToken ct)
    {
        var children = new List<StoredRegion>();
        foreach (var chunk in parentCodes.Chunk(Chunk))
        {
            children.AddRange(await db.Regions.AsNoTracking()
                .Where(r => r.ParentCode != null && chunk.Contains(r.ParentCode))
                .Select(r => new StoredRegion(r.Code, r.Level, r.ParentCode, r.Boundary))
                .ToListAsync(ct));
        }
        return children;
    }
}
