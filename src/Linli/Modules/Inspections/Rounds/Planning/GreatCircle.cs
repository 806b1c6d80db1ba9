namespace Linli.Modules.Inspections.Rounds.Planning;

/// <summary>Distances on the sphere: no routing service is needed to compare rounds, and straight-line order is close enough in a city grid.</summary>
public static class GreatCircle
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in kilometres between two WGS 84 points.</summary>
    public static double Km(double lon1, double lat1, double lon2, double lat2)
    {
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
