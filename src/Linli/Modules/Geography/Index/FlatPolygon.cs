using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Geography.Index;

/// <summary>
/// A polygon or multipolygon copied into one flat coordinate array, for point-in-polygon tests
/// without chasing a pointer per vertex. Same answers as NetTopologySuite's ray-crossing locator
/// (interior, boundary, exterior), including its robust orientation test near edges.
/// </summary>
internal sealed class FlatPolygon
{
    private readonly double[] _xy;
    private readonly int[] _ringStarts;   // start (in points) of each ring, plus a final end marker
    private readonly int[] _partRings;    // first ring of each polygon part, plus a final end marker

    public FlatPolygon(Geometry geometry)
    {
        var xy = new List<double>();
        var ringStarts = new List<int>();
        var partRings = new List<int>();
        for (var p = 0; p < geometry.NumGeometries; p++)
        {
            if (geometry.GetGeometryN(p) is not Polygon polygon)
            {
                continue;
            }
            partRings.Add(ringStarts.Count);
            AddRing(polygon.ExteriorRing, xy, ringStarts);
            foreach (var hole in polygon.InteriorRings)
            {
                AddRing(hole, xy, ringStarts);
            }
        }
        ringStarts.Add(xy.Count / 2);
        partRings.Add(ringStarts.Count - 1);
        _xy = [.. xy];
        _ringStarts = [.. ringStarts];
        _partRings = [.. partRings];
        Envelope = geometry.EnvelopeInternal;
    }

    public Envelope Envelope { get; }

    private static void AddRing(LineString ring, List<double> xy, List<int> ringStarts)
    {
        ringStarts.Add(xy.Count / 2);
        var sequence = ring.CoordinateSequence;
        for (var i = 0; i < sequence.Count; i++)
        {
            xy.Add(sequence.GetX(i));
            xy.Add(sequence.GetY(i));
        }
    }

    public Location Locate(double x, double y)
    {
        if (x < Envelope.MinX || x > Envelope.MaxX || y < Envelope.MinY || y > Envelope.MaxY)
        {
            return Location.Exterior;
        }
        for (var part = 0; part < _partRings.Length - 1; part++)
        {
            var location = LocateInPart(part, x, y);
            if (location != Location.Exterior)
            {
                return location;
            }
        }
        return Location.Exterior;
    }

    private Location LocateInPart(int part, double x, double y)
    {
        var shell = LocateInRing(_partRings[part], x, y);
        if (shell != Location.Interior)
        {
            return shell;
        }
        for (var ring = _partRings[part] + 1; ring < _partRings[part + 1]; ring++)
        {
            switch (LocateInRing(ring, x, y))
            {
                case Location.Boundary:
                    return Location.Boundary;
                case Location.Interior:
                    return Location.Exterior;
            }
        }
        return Location.Interior;
    }

    // The crossing rules of NetTopologySuite's RayCrossingCounter, over the flat array.
    private Location LocateInRing(int ring, double x, double y)
    {
        var crossings = 0;
        var xy = _xy;
        var end = _ringStarts[ring + 1];
        for (var i = _ringStarts[ring] + 1; i < end; i++)
        {
            double x1 = xy[2 * i - 2], y1 = xy[2 * i - 1], x2 = xy[2 * i], y2 = xy[2 * i + 1];
            if (x1 < x && x2 < x)
            {
                continue;
            }
            if (x == x2 && y == y2)
            {
                return Location.Boundary;
            }
            if (y1 == y && y2 == y)
            {
                if (Math.Min(x1, x2) <= x && x <= Math.Max(x1, x2))
                {
                    return Location.Boundary;
                }
                continue;
            }
            if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y))
            {
                var orientation = OrientationIndex(x1, y1, x2, y2, x, y);
                if (orientation == 0)
                {
                    return Location.Boundary;
                }
                if (y2 < y1)
                {
                    orientation = -orientation;
                }
                if (orientation > 0)
                {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1 ? Location.Interior : Location.Exterior;
    }

    /// <summary>Orientation of (x,y) to the segment: the fast filter, and NTS's exact test when it is too close to call.</summary>
    private static int OrientationIndex(double x1, double y1, double x2, double y2, double x, double y)
    {
        var left = (x1 - x) * (y2 - y);
        var right = (y1 - y) * (x2 - x);
        var det = left - right;
        var bound = 1e-15 * (Math.Abs(left) + Math.Abs(right));
        if (det > bound)
        {
            return 1;
        }
        if (det < -bound)
        {
            return -1;
        }
        return (int)Orientation.Index(new Coordinate(x1, y1), new Coordinate(x2, y2), new Coordinate(x, y));
    }
}
