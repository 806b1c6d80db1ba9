namespace Linli.Modules.Geography.Contracts;

/// <summary>A region named by code, name and level: what other modules may hold of Geography.</summary>
public sealed record RegionRef(string Code, string Name, string Level);

/// <summary>A region with its outline (WGS 84), for maps drawn outside Geography.</summary>
public sealed record RegionOutline(RegionRef Region, NetTopologySuite.Geometries.Geometry Geometry);

/// <summary>Where a point falls in the region tree, finest level first.</summary>
public sealed record PointLocation(
    RegionRef? Building,
    RegionRef? MicroGrid,
    RegionRef Grid,
    RegionRef? Community,
    RegionRef? Street,
    RegionRef? District,
    RegionRef? City,
    bool Approximate,
    double DistanceMeters);

/// <summary>
/// Point → region lookups from the in-memory index; the way other modules (Cases, Inspections, …)
/// route by location.
/// </summary>
public interface IRegionLookup
{
    /// <summary>True once the index has been loaded from the database.</summary>
    bool IsReady { get; }

    /// <summary>The grid containing the point (or within the snap distance of it), with its ancestors and building.</summary>
    PointLocation? Locate(double lon, double lat);

    /// <summary>The grid code for a point, or null; the fast path for batches.</summary>
    string? LocateGridCode(double lon, double lat);

    /// <summary>
    /// A point inside the region with this code (a building, grid or any level), for addresses given
    /// by code instead of coordinates; null when there is no such region.
    /// </summary>
    (double Lon, double Lat)? PointIn(string code);

    /// <summary>
    /// The code of the region an address names by Linli's own region names (a building, a grid, a
    /// community…), the most specific one; null when it names none, or several it cannot tell apart.
    /// </summary>
    string? CodeNamedIn(string address);

    /// <summary>The region with this code and its ancestors, top first; empty when unknown.</summary>
    IReadOnlyList<RegionRef> PathTo(string code);

    /// <summary>The children of a region in code order, or the tops of the trees when <paramref name="code"/> is null.</summary>
    IReadOnlyList<RegionRef> ChildrenOf(string? code);

    /// <summary>
    /// The region's own outline first, then the buildings under it (at most <paramref name="maxBuildings"/>,
    /// in code order): the map a rider sees of a compound. Empty when the code is unknown.
    /// </summary>
    IReadOnlyList<RegionOutline> OutlinesUnder(string code, int maxBuildings);
}
