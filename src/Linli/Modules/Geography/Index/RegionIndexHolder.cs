using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Geography.Index;

/// <summary>
/// Holds the current <see cref="RegionIndex"/> and swaps in a new one when the tree's version in
/// the database moves. The singleton behind <see cref="IRegionLookup"/>.
/// </summary>
internal sealed class RegionIndexHolder(IDbContextFactory<LinliDb> dbFactory, ILogger<RegionIndexHolder> logger) : IRegionLookup, IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile RegionIndex _current = RegionIndex.Empty;
    private volatile bool _ready;

    public void Dispose() => _reloading.Dispose();

    public RegionIndex Current => _current;
    public bool IsReady => _ready;

    /// <summary>Reloads when the stored version differs from the loaded one (or always, when forced).</summary>
    public async Task<bool> RefreshAsync(bool force, CancellationToken ct)
    {
        await _reloading.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var version = await StoredVersionAsync(db, ct);
            if (!force && _ready && version == _current.Version)
            {
                return false;
            }
            var started = System.Diagnostics.Stopwatch.StartNew();
            var rows = await db.Regions.AsNoTracking()
                .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode, r.Boundary })
                .ToListAsync(ct);
            var index = RegionIndex.Build(rows.Select(r => new IndexedRegion(r.Code, r.Name, r.Level, r.ParentCode, r.Boundary)), version);
            _current = index;
            _ready = true;
            logger.LogInformation("Region index v{Version} loaded: {Regions} regions, {Grids} grids in {Elapsed} ms",
                version, index.Count, index.GridCount, started.ElapsedMilliseconds);
            return true;
        }
        finally
        {
            _reloading.Release();
        }
    }

    public static async Task<long> StoredVersionAsync(LinliDb db, CancellationToken ct) =>
        await db.RegionIndexStates.AsNoTracking()
            .Where(s => s.Id == RegionIndexState.SingletonId)
            .Select(s => (long?)s.Version)
            .FirstOrDefaultAsync(ct) ?? 0;

    public PointLocation? Locate(double lon, double lat)
    {
        var index = _current;
        var grid = index.FindContainingGrid(lon, lat);
        var approximate = false;
        double meters = 0;
        if (grid is null)
        {
            if (index.FindNearestGrid(lon, lat, RegionIndex.SnapDistanceMeters) is not { } nearest)
            {
                return null;
            }
            (grid, meters, approximate) = (nearest.Grid, Math.Round(nearest.Meters, 1), true);
        }
        var (microGrid, building) = RegionIndex.FindFine(grid, new Coordinate(lon, lat));
        return new PointLocation(
            building?.Ref, microGrid?.Ref, grid.Ref,
            Ancestor(grid, RegionLevel.Community), Ancestor(grid, RegionLevel.Street),
            Ancestor(grid, RegionLevel.District), Ancestor(grid, RegionLevel.City),
            approximate, meters);
    }

    public string? LocateGridCode(double lon, double lat)
    {
        var index = _current;
        return (index.FindContainingGrid(lon, lat) ?? index.FindNearestGrid(lon, lat, RegionIndex.SnapDistanceMeters)?.Grid)?.Code;
    }

    public (double Lon, double Lat)? PointIn(string code)
    {
        // The interior point, not the centroid: a U-shaped building's centroid can lie outside it.
        var point = _current.Find(code)?.Geometry.InteriorPoint;
        return point is null || point.IsEmpty ? null : (point.X, point.Y);
    }

    public string? CodeNamedIn(string address) => _current.Gazetteer.Find(address)?.Code;

    public IReadOnlyList<RegionRef> PathTo(string code)
    {
        var path = new List<RegionRef>();
        for (var region = _current.Find(code); region is not null; region = region.Parent)
        {
            path.Add(region.Ref);
        }
        path.Reverse();
        return path;
    }

    public IReadOnlyList<RegionRef> ChildrenOf(string? code) => _current.ChildrenOf(code);

    public IReadOnlyList<RegionOutline> OutlinesUnder(string code, int maxBuildings)
    {
        var index = _current;
        if (index.Find(code) is not { } root)
        {
            return [];
        }
        var outlines = new List<RegionOutline> { new(root.Ref, root.Geometry) };
        outlines.AddRange(index.BuildingsUnder(code).Take(Math.Max(0, maxBuildings)).Select(b => new RegionOutline(b.Ref, b.Geometry)));
        return outlines;
    }

    private static RegionRef? Ancestor(IndexedRegion region, RegionLevel level)
    {
        for (var r = region.Parent; r is not null; r = r.Parent)
        {
            if (r.Level == level)
            {
                return r.Ref;
            }
        }
        return null;
    }
}
