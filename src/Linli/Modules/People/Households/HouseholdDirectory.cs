using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.People.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.People.Households;

/// <summary>The household book for other modules: by id, the head's name masked, nothing else personal.</summary>
internal sealed class HouseholdDirectory(IDbContextFactory<LinliDb> dbFactory, PersonalDataProtector protector) : IHouseholdDirectory
{
    public async Task<IReadOnlyDictionary<Guid, HouseholdRef>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, HouseholdRef>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = new Dictionary<Guid, HouseholdRef>();
        // Chunks keep the IN list within every database's parameter limit.
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            var rows = await db.Households.AsNoTracking().Where(h => chunk.Contains(h.Id))
                .Select(h => new { h.Id, h.BuildingCode, h.GridCode, h.Address, h.HeadNameProtected, h.CareTags }).ToListAsync(ct);
            foreach (var h in rows)
            {
                var name = protector.UnprotectOrMarker(h.HeadNameProtected) ?? "";
                found[h.Id] = new HouseholdRef(h.Id, h.BuildingCode, h.GridCode, h.Address,
                    name == PersonalDataProtector.Unreadable ? name : PersonalDataFormats.MaskName(name),
                    h.CareTags.Length == 0 ? [] : h.CareTags.Split(','));
            }
        }
        return found;
    }
}
