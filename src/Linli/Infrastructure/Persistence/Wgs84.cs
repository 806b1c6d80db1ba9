using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Linli.Infrastructure.Persistence;

/// <summary>The one geometry factory: SRID 4326, floating precision.</summary>
public static class Wgs84
{
    public const int Srid = 4326;

    public static GeometryFactory Factory { get; } =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Srid);

    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle (haversine) distance in metres between two lon/lat points; under 0.5 % from the ellipsoid.</summary>
    public static double DistanceMeters(double lon1, double lat1, double lon2, double lat2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
