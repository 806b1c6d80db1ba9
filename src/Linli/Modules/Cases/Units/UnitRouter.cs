using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Cases.Units;

public sealed record UnitRef(string Code, string Name);

/// <summary>Who should handle a case of this category in this grid, and why.</summary>
public sealed record RoutingAnswer(UnitRef? Unit, RegionRef? Territorial, string Reason);

/// <summary>
/// Routing by responsibility: the unit that handles the category in the most specific region
/// covering the grid; else the category's default unit; else the grid's default unit; else the
/// grid's community (属地兜底: where none is named, the community is responsible).
/// </summary>
public sealed class UnitRouter(IDbContextFactory<LinliDb> dbFactory, IRegionLookup regions)
{
    public async Task<RoutingAnswer> RouteAsync(string categoryCode, string gridCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var responsible = units
            .Where(u => u.CategoryCodes.Count == 0 || u.CategoryCodes.Contains(categoryCode))
            .Select(u => (Unit: u, Region: u.RegionCodes.Where(r => RegionScope.Covers(r, gridCode)).OrderByDescending(r => r.Length).FirstOrDefault()))
            .Where(x => x.Region is not null && x.Unit.CategoryCodes.Count > 0)
            .OrderByDescending(x => x.Region!.Length)
            .ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        if (responsible.Unit is { } unit)
        {
            return new RoutingAnswer(new UnitRef(unit.Code, unit.Name), null, $"handles {categoryCode} in {responsible.Region}");
        }
        var category = await db.MinorCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == categoryCode, ct);
        if (category?.DefaultUnit is { } defaultCode && units.FirstOrDefault(u => u.Code == defaultCode) is { } categoryDefault)
        {
            return new RoutingAnswer(new UnitRef(categoryDefault.Code, categoryDefault.Name), null, $"default unit of category {categoryCode}");
        }
        var gridDefault = await db.GridDefaultUnits.AsNoTracking().FirstOrDefaultAsync(g => g.GridCode == gridCode, ct);
        if (gridDefault is not null && units.FirstOrDefault(u => u.Code == gridDefault.UnitCode) is { } fallback)
        {
            return new RoutingAnswer(new UnitRef(fallback.Code, fallback.Name), null, $"default unit of grid {gridCode} (属地兜底)");
        }
        var community = regions.PathTo(gridCode).LastOrDefault(r => r.Level == "community");
        return new RoutingAnswer(null, community, "no unit is named: the grid's community is responsible (属地兜底)");
    }
}
