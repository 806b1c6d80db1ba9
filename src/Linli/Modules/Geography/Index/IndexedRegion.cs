using Linli.Modules.Geography.Contracts;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Geography.Index;

/// <summary>A region as the in-memory index holds it: geometry, a point locator, and links up and down.</summary>
internal sealed class IndexedRegion(string code, string name, RegionLevel level, string? parentCode, Geometry geometry)
{
    private IPointOnGeometryLocator? _locator;

    public string Code { get; } = code;
    public string Name { get; } = name;
    public RegionLevel Level { get; } = level;
    public string? ParentCode { get; } = parentCode;
    public Geometry Geometry { get; } = geometry;
    public Envelope Envelope { get; } = geometry.EnvelopeInternal;
    public IndexedRegion? Parent { get; set; }

    /// <summary>Micro-grids and buildings below a grid (or buildings below a micro-grid); null when none.</summary>
    public List<IndexedRegion>? FineChildren { get; set; }

    public RegionRef Ref { get; } = new(code, name, level.ToName());

    public bool IsAreal => Geometry is Polygon or MultiPolygon;

    /// <summary>
    /// Grids get an interval-indexed locator (built once, logarithmic per query); small
    /// building outlines are cheaper to test directly.
    /// </summary>
    public void PrepareLocator() =>
        _locator = Geometry.NumPoints > 16 ? new IndexedPointInAreaLocator(Geometry) : new SimplePointInAreaLocator(Geometry);

    public Location Locate(Coordinate point)
    {
        if (!IsAreal || !Envelope.Covers(point))
        {
            return Location.Exterior;
        }
        var locator = _locator;
        if (locator is null)
        {
            PrepareLocator();
            locator = _locator!;
        }
        return locator.Locate(point);
    }
}
