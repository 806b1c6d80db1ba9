using NetTopologySuite.Geometries;

namespace Linli.Modules.Geography.Data;

/// <summary>Metric measures of WGS-84 lon/lat geometries on a spherical earth (error well under 0.5 %).</summary>
public static class GeoMath
{
    public const double EarthRadiusMeters = 6_371_008.8;
    private const double DegToRad = Math.PI / 180;

    /// <summary>Metres per degree of latitude (and of longitude at the equator).</summary>
    public const double MetersPerDegree = EarthRadiusMeters * DegToRad;

    public static double AreaSquareMeters(Geometry geometry) => geometry switch
    {
        Polygon p => PolygonArea(p),
        MultiPolygon mp => mp.Geometries.Sum(g => PolygonArea((Polygon)g)),
        GeometryCollection gc => gc.Geometries.Sum(AreaSquareMeters),
        _ => 0,
    };

    private static double PolygonArea(Polygon polygon)
    {
        var area = Math.Abs(RingArea(polygon.ExteriorRing.CoordinateSequence));
        foreach (var hole in polygon.InteriorRings)
        {
            area -= Math.Abs(RingArea(hole.CoordinateSequence));
        }
        return Math.Max(area, 0);
    }

    // Spherical excess of a ring (Chamberlain & Duquette, "Some algorithms for polygons on a sphere").
    private static double RingArea(CoordinateSequence ring)
    {
        var n = ring.Count;
        if (n < 4)
        {
            return 0;
        }
        double total = 0;
        for (var i = 0; i < n - 1; i++)
        {
            var lon1 = ring.GetX(i) * DegToRad;
            var lat1 = ring.GetY(i) * DegToRad;
            var lon2 = ring.GetX(i + 1) * DegToRad;
            var lat2 = ring.GetY(i + 1) * DegToRad;
            total += (lon2 - lon1) * (2 + Math.Sin(lat1) + Math.Sin(lat2));
        }
        return total * EarthRadiusMeters * EarthRadiusMeters / 2;
    }

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public static double DistanceMeters(double lon1, double lat1, double lon2, double lat2)
    {
        var dLat = (lat2 - lat1) * DegToRad;
        var dLon = (lon2 - lon1) * DegToRad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(lat1 * DegToRad) * Math.Cos(lat2 * DegToRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of longitude that span at least <paramref name="meters"/> at the given latitude.</summary>
    public static double LongitudeDegrees(double meters, double latitude) =>
        meters / (MetersPerDegree * Math.Max(Math.Cos(latitude * DegToRad), 0.01));

    public static double LatitudeDegrees(double meters) => meters / MetersPerDegree;
}
