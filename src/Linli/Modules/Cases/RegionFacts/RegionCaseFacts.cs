using System.Linq.Expressions;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.RegionFacts;

/// <summary>
/// Open-case counts and responsible units for the region browser. A case carries the code of every
/// level it lies in, so counting by region is a filter on one column, never a walk of the tree.
/// </summary>
internal sealed class RegionCaseFacts(IDbContextFactory<LinliDb> dbFactory) : IRegionCaseFacts
{
    private static readonly CaseStage[] OpenStages = [.. Enum.GetValues<CaseStage>().Where(CaseNames.IsOpen)];

    public async Task<int> OpenCasesAsync(string regionCode, RegionLevel level, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Cases.AsNoTracking().Where(c => OpenStages.Contains(c.Stage));
        // A micro-grid is not stored on the case; its buildings' codes start with its code.
        var prefix = RegionScope.Prefix(regionCode);
        return await (level switch
        {
            RegionLevel.City => open.Where(c => c.DistrictCode.StartsWith(prefix)),
            RegionLevel.MicroGrid => open.Where(c => c.BuildingCode != null && c.BuildingCode.StartsWith(prefix)),
            _ => open.Where(InRegion(level, regionCode)),
        }).CountAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, int>> OpenCasesByChildAsync(string parentCode, RegionLevel childLevel, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Cases.AsNoTracking().Where(c => OpenStages.Contains(c.Stage));
        var prefix = RegionScope.Prefix(parentCode);
        IQueryable<string?>? keys = childLevel switch
        {
            RegionLevel.District => open.Where(c => c.DistrictCode.StartsWith(prefix)).Select(c => (string?)c.DistrictCode),
            RegionLevel.Street => open.Where(c => c.DistrictCode == parentCode).Select(c => c.StreetCode),
            RegionLevel.Community => open.Where(c => c.StreetCode == parentCode).Select(c => c.CommunityCode),
            RegionLevel.Grid => open.Where(c => c.CommunityCode == parentCode).Select(c => (string?)c.GridCode),
            RegionLevel.Building => open.Where(c => c.BuildingCode != null && c.BuildingCode.StartsWith(prefix)).Select(c => c.BuildingCode),
            _ => null,
        };
        if (keys is null)
        {
            return new Dictionary<string, int>();
        }
        var counts = await keys.Where(k => k != null)
            .GroupBy(k => k)
            .Select(g => new { Code = g.Key!, Count = g.Count() })
            .ToListAsync(ct);
        return counts.ToDictionary(x => x.Code, x => x.Count, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ResponsibleUnit>> ResponsibleUnitsAsync(string regionCode, RegionLevel level, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A city has tens of units, not thousands: their scope lists are checked in memory, as UnitRouter does.
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct);
        var result = new List<ResponsibleUnit>();
        if (level == RegionLevel.Grid
            && await db.GridDefaultUnits.AsNoTracking().FirstOrDefaultAsync(g => g.GridCode == regionCode, ct) is { } fallback
            && units.FirstOrDefault(u => u.Code == fallback.UnitCode) is { } fallbackUnit)
        {
            result.Add(new ResponsibleUnit(fallbackUnit.Code, fallbackUnit.Name, fallbackUnit.Kind, UnitResponsibility.GridDefault, fallbackUnit.CategoryCodes.Count));
        }
        // The nearest scope first: a unit named for this street says more than a city-wide department.
        var others =
            from unit in units
            where result.All(r => r.Code != unit.Code)
            let covering = unit.RegionCodes.Where(r => RegionScope.Covers(r, regionCode)).Select(r => r.Length).DefaultIfEmpty(-1).Max()
            let within = unit.RegionCodes.Any(r => RegionScope.Covers(regionCode, r))
            where covering >= 0 || within
            orderby covering >= 0 descending, covering descending, unit.Code
            select new ResponsibleUnit(unit.Code, unit.Name, unit.Kind,
                covering >= 0 ? UnitResponsibility.Covers : UnitResponsibility.Within, unit.CategoryCodes.Count);
        result.AddRange(others);
        return result;
    }

    private static Expression<Func<Case, bool>> InRegion(RegionLevel level, string code) => level switch
    {
        RegionLevel.District => c => c.DistrictCode == code,
        RegionLevel.Street => c => c.StreetCode == code,
        RegionLevel.Community => c => c.CommunityCode == code,
        RegionLevel.Grid => c => c.GridCode == code,
        RegionLevel.Building => c => c.BuildingCode == code,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
