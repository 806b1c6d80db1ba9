using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Cases.Units;

public sealed record UnitDto(string? Code, string? Name, string? Kind, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Categories);

public sealed record GridDefaultDto(string? Unit);

/// <summary>Departments and utilities (admin-managed), grids' default units, and the routing answer.</summary>
internal static class UnitEndpoints
{
    public static async Task<Ok<List<UnitDto>>> List(LinliDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct)).Select(ToDto).ToList());

    public static async Task<Ok<UnitDto>> Get(string code, LinliDb db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct)
            ?? throw new NotFoundException($"Unit {code} does not exist.")));

    public static async Task<Created<UnitDto>> Create(UnitDto body, LinliDb db, IRegionLookup regions, IAuditLog audit, CancellationToken ct)
    {
        await CheckAsync(body, body.Code, db, regions, ct);
        if (await db.Units.AnyAsync(u => u.Code == body.Code, ct))
        {
            throw new DomainException("Unit exists", $"Unit {body.Code} already exists; change it with PUT.");
        }
        var unit = new Unit(body.Code!.Trim());
        unit.Apply(body.Name!.Trim(), body.Kind!, body.Regions ?? [], body.Categories ?? []);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("units.create", unit.Code, AuditOutcomes.Success, null, CancellationToken.None);
        return TypedResults.Created($"/api/v1/units/{unit.Code}", ToDto(unit));
    }

    public static async Task<Ok<UnitDto>> Update(string code, UnitDto body, LinliDb db, IRegionLookup regions, IAuditLog audit, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, ct) ?? throw new NotFoundException($"Unit {code} does not exist.");
        await CheckAsync(body, code, db, regions, ct);
        unit.Apply(body.Name!.Trim(), body.Kind!, body.Regions ?? [], body.Categories ?? []);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("units.update", code, AuditOutcomes.Success, null, CancellationToken.None);
        return TypedResults.Ok(ToDto(unit));
    }

    public static async Task<NoContent> Delete(string code, LinliDb db, IAuditLog audit, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, ct) ?? throw new NotFoundException($"Unit {code} does not exist.");
        if (await db.MinorCategories.AnyAsync(c => c.DefaultUnit == code, ct) || await db.GridDefaultUnits.AnyAsync(g => g.UnitCode == code, ct))
        {
            throw new DomainException("Unit in use", $"Unit {code} is the default of categories or grids; reassign them first.");
        }
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("units.delete", code, AuditOutcomes.Success, null, CancellationToken.None);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<GridDefaultDto>> SetGridDefault(string gridCode, GridDefaultDto body, LinliDb db, IRegionLookup regions,
        IAuditLog audit, CancellationToken ct)
    {
        if (regions.PathTo(gridCode) is not { Count: > 0 } path || path[^1].Level != "grid")
        {
            throw new NotFoundException($"Grid {gridCode} does not exist.");
        }
        if (string.IsNullOrWhiteSpace(body.Unit) || !await db.Units.AnyAsync(u => u.Code == body.Unit, ct))
        {
            throw new RequestValidationException("unit", $"unit {body.Unit} does not exist");
        }
        var stored = await db.GridDefaultUnits.FirstOrDefaultAsync(g => g.GridCode == gridCode, ct);
        if (stored is null)
        {
            db.GridDefaultUnits.Add(new GridDefaultUnit(gridCode, body.Unit));
        }
        else
        {
            stored.Assign(body.Unit);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("units.grid-default", gridCode, AuditOutcomes.Success, body.Unit, CancellationToken.None);
        return TypedResults.Ok(body);
    }

    /// <summary>The unit a case of this category at this place would go to, and why.</summary>
    public static async Task<Ok<RoutingAnswer>> Route(string? category, string? grid, double? lon, double? lat, IRegionLookup regions,
        UnitRouter router, LinliDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(category) || !await db.MinorCategories.AnyAsync(c => c.Code == category, ct))
        {
            throw new RequestValidationException("category", $"category {category} does not exist");
        }
        var gridCode = grid;
        if (gridCode is null)
        {
            if (lon is null || lat is null)
            {
                throw new RequestValidationException("grid", "give a grid code, or lon and lat");
            }
            gridCode = regions.LocateGridCode(lon.Value, lat.Value) ?? throw new NotFoundException($"No grid at ({lon}, {lat}).");
        }
        return TypedResults.Ok(await router.RouteAsync(category, gridCode, ct));
    }

    private static async Task CheckAsync(UnitDto body, string? code, LinliDb db, IRegionLookup regions, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors["code"] = ["1-32 letters, digits, '-' or '_'"];
        }
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100) errors["name"] = ["a name of at most 100 characters is required"];
        if (!UnitKinds.All.Contains(body.Kind ?? "")) errors["kind"] = [$"must be one of {string.Join(", ", UnitKinds.All)}"];
        foreach (var region in body.Regions ?? [])
        {
            if (regions.PathTo(region).Count == 0) errors["regions"] = [$"region {region} does not exist"];
        }
        var categories = body.Categories ?? [];
        if (categories.Count > 0)
        {
            var known = await db.MinorCategories.Where(c => categories.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
            var unknown = categories.Except(known).ToList();
            if (unknown.Count > 0) errors["categories"] = [$"unknown categories: {string.Join(", ", unknown)}"];
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    private static UnitDto ToDto(Unit unit) => new(unit.Code, unit.Name, unit.Kind, unit.RegionCodes, unit.CategoryCodes);
}
