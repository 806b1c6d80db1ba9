namespace Linli.Modules.Inspections.Rounds.Planning;

/// <summary>Distances on the sphere: no routing service is needed to compare rounds, and straight-line order is close enough in a city grid.</summary>
public static class GreatCircle
{
    /// <summary>Haversine distance in kilometres between two WGS 84 points.</summary>
    public static double Km(double lon1, double lat1, double lon2, double lat2) =>
        Infrastructure.Persistence.Wgs84.DistanceMeters(lon1, lat1, lon2, lat2) / 1000;
}
