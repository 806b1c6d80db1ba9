using Linli.Modules.Geography.Contracts;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Geography.Data;

/// <summary>A node of the region tree: city, district, street, community, grid, micro-grid or building.</summary>
public sealed class Region
{
    // For EF Core.
    private Region()
    {
        Code = "";
        Name = "";
        Boundary = Point.Empty;
        Centroid = Point.Empty;
    }

    public Region(string code, string name, RegionLevel level, string? parentCode, Geometry boundary,
        int? households, DateTimeOffset createdAt)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        Boundary = boundary;
        Centroid = (Point)boundary.Centroid.Copy();
        Centroid.SRID = boundary.SRID;
        AreaSquareMeters = Math.Round(GeoMath.AreaSquareMeters(boundary), 1);
        Households = households;
        CreatedAt = createdAt;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }

    /// <summary>Polygon or MultiPolygon in WGS-84 lon/lat; a building may also be a point.</summary>
    public Geometry Boundary { get; private set; }
    public Point Centroid { get; private set; }
    public double AreaSquareMeters { get; private set; }

    /// <summary>Households the region serves, where known (grids are drawn for 300-500).</summary>
    public int? Households { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
