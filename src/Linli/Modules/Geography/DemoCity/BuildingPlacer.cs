using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Data;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Linli.Modules.Geography.DemoCity;

/// <summary>Places rectangular building footprints (12-18 m by 30-60 m) inside a grid without overlaps.</summary>
internal static class BuildingPlacer
{
    public static List<Geometry> Place(Geometry grid, int count, Random random)
    {
        var prepared = PreparedGeometryFactory.Prepare(grid);
        var placed = new List<Geometry>(count);
        var envelope = grid.EnvelopeInternal;
        for (var attempt = 0; placed.Count < count && attempt < count * 40; attempt++)
        {
            var x = envelope.MinX + random.NextDouble() * envelope.Width;
            var y = envelope.MinY + random.NextDouble() * envelope.Height;
            var footprint = Rectangle(x, y, 12 + random.NextDouble() * 6, 30 + random.NextDouble() * 30, random.NextDouble() * Math.PI);
            if (!prepared.ContainsProperly(footprint))
            {
                continue;
            }
            var gap = footprint.EnvelopeInternal;
            if (placed.Any(p => p.EnvelopeInternal.Intersects(gap)))
            {
                continue;
            }
            placed.Add(footprint);
        }
        return placed;
    }

    private static Polygon Rectangle(double lon, double lat, double widthMeters, double lengthMeters, double angle)
    {
        var dx = GeoMath.LongitudeDegrees(1, lat);
        var dy = GeoMath.LatitudeDegrees(1);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var corners = new[] { (-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1) }
            .Select(c =>
            {
                var u = c.Item1 * lengthMeters / 2;
                var v = c.Item2 * widthMeters / 2;
                return new Coordinate(
                    Math.Round(lon + (u * cos - v * sin) * dx, 7),
                    Math.Round(lat + (u * sin + v * cos) * dy, 7));
            })
            .ToArray();
        return Wgs84.Factory.CreatePolygon(corners);
    }
}
