using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.BrowseRegion;

/// <summary>A child in the browser's list: its own sub-regions (or buildings) and households.</summary>
public sealed record BrowsedChild(string Code, string Name, RegionLevel Level, int SubRegions, int? Households);

/// <summary>A party organisation as the browser shows it: the secretary masked, the members counted.</summary>
public sealed record BrowsedParty(string Name, PartyOrganisationKind Kind, string? Secretary, int MemberCount, string RegionCode);

/// <summary>The party side of a region: its own organisation, those of its children, and how many lie below.</summary>
public sealed record BrowsedPartyTree(BrowsedParty? Own, IReadOnlyList<BrowsedParty> Children, int InSubtree);

/// <summary>
/// The region tree's side of the region browser page. Access is checked by the caller
/// (GetRegion.Handle); these queries only read what lies in the region's subtree.
/// </summary>
internal static class BrowseRegion
{
    /// <summary>The children with their own child counts: one query for the children, one grouped query for the counts.</summary>
    public static async Task<List<BrowsedChild>> ChildrenAsync(LinliDb db, string code, CancellationToken ct)
    {
        var children = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == code)
            .OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level, r.Households })
            .ToListAsync(ct);
        var codes = children.Select(c => c.Code).ToList();
        var counts = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode != null && codes.Contains(r.ParentCode))
            .GroupBy(r => r.ParentCode!)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, ct);
        return children.Select(c => new BrowsedChild(c.Code, c.Name, c.Level, counts.GetValueOrDefault(c.Code), c.Households)).ToList();
    }

    /// <summary>
    /// The households the region carries: its own figure where drawn (grids), else the sum over the
    /// grids below it. The household book itself comes with the resident lists (issue #8).
    /// </summary>
    public static async Task<int?> HouseholdsAsync(LinliDb db, string code, RegionLevel level, int? own, CancellationToken ct)
    {
        if (own is not null || level >= RegionLevel.Grid)
        {
            return own;
        }
        var prefix = RegionScope.Prefix(code);
        return await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Grid && r.Code.StartsWith(prefix))
            .SumAsync(r => r.Households, ct);
    }

    public static async Task<BrowsedPartyTree> PartyAsync(LinliDb db, PersonalDataProtector protector, string code, IReadOnlyList<string> childCodes,
        CancellationToken ct)
    {
        var orgs = await db.PartyOrganisations.AsNoTracking()
            .Where(o => o.RegionCode == code || childCodes.Contains(o.RegionCode))
            .OrderBy(o => o.RegionCode)
            .Select(o => new
            {
                o.RegionCode,
                o.Name,
                o.Kind,
                Members = o.Members.Count,
                Secretary = o.Members.Where(m => m.Role == PartyRole.Secretary).Select(m => m.NameProtected).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var prefix = RegionScope.Prefix(code);
        var inSubtree = await db.PartyOrganisations.CountAsync(o => o.RegionCode.StartsWith(prefix) && o.RegionCode != code, ct);
        var browsed = orgs.Select(o => new BrowsedParty(o.Name, o.Kind, MaskedName(protector, o.Secretary), o.Members, o.RegionCode)).ToList();
        return new BrowsedPartyTree(browsed.FirstOrDefault(o => o.RegionCode == code), browsed.Where(o => o.RegionCode != code).ToList(), inSubtree);
    }

    private static string? MaskedName(PersonalDataProtector protector, string? protectedName) =>
        protector.UnprotectOrMarker(protectedName) switch
        {
            null => null,
            PersonalDataProtector.Unreadable => PersonalDataProtector.Unreadable,
            var name => PersonalDataFormats.MaskName(name),
        };
}
