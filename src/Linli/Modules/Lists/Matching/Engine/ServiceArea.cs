using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Matching.Engine;

/// <summary>Whether a need lies where a resource serves, and how far it is.</summary>
public static class ServiceArea
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle distance in metres between two WGS-84 points.</summary>
    public static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The distance between the two, when both have a point.</summary>
    public static double? Distance(Demand demand, Resource resource) =>
        demand is { Lon: { } dLon, Lat: { } dLat } && resource is { Lon: { } rLon, Lat: { } rLat } ? Haversine(dLon, dLat, rLon, rLat) : null;

    /// <summary>
    /// In the circle (distance ≤ radius), or in the subtree of one of the listed service regions. A
    /// resource that names neither serves its own region's subtree.
    /// </summary>
    public static bool Covers(Resource resource, Demand demand, double? distance)
    {
        if (resource.RadiusMeters is { } radius && distance is { } d && d <= radius)
        {
            return true;
        }
        var regions = resource.ServiceRegionList;
        if (regions.Any(r => RegionScope.Covers(r, demand.RegionCode)))
        {
            return true;
        }
        return resource.RadiusMeters is null && regions.Count == 0 && RegionScope.Covers(resource.RegionCode, demand.RegionCode);
    }
}
