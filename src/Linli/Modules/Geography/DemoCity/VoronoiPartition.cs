using Linli.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;

namespace Linli.Modules.Geography.DemoCity;

/// <summary>
/// Cuts an area into about <c>n</c> pieces that tile it without overlap: a Voronoi diagram of
/// random sites (one Lloyd step to even the cells out) clipped to the area.
/// </summary>
internal static class VoronoiPartition
{
    public static List<Geometry> Split(Geometry area, int n, Random random, Func<double, double, double> density)
    {
        if (n <= 1)
        {
            return [area];
        }
        var sites = SampleInside(area, n, random, density);
        if (sites.Count < 2)
        {
            return [area];
        }
        var cells = Cells(area, sites);
        // One Lloyd step: move each site to its cell's centroid for rounder, more even pieces.
        var relaxed = cells.Select(c => c.Centroid.Coordinate).Where(c => !double.IsNaN(c.X)).ToList();
        if (relaxed.Count >= 2)
        {
            cells = Cells(area, relaxed);
        }
        return cells;
    }

    private static List<Geometry> Cells(Geometry area, List<Coordinate> sites)
    {
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var clip = new Envelope(area.EnvelopeInternal);
        clip.ExpandBy(Math.Max(clip.Width, clip.Height) * 0.1);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(Wgs84.Factory);
        var cells = new List<Geometry>(diagram.NumGeometries);
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var piece = Polygonal(OverlayNGRobust.Overlay(diagram.GetGeometryN(i), area, SpatialFunction.Intersection));
            if (piece is not null)
            {
                cells.Add(piece);
            }
        }
        return cells;
    }

    /// <summary>The polygonal part of an overlay result without crumbs, or null when nothing is left.</summary>
    public static Geometry? Polygonal(Geometry geometry)
    {
        var polygons = PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().ToList();
        if (polygons.Count == 0)
        {
            return null;
        }
        var largest = polygons.Max(p => p.Area);
        var kept = polygons.Where(p => p.Area >= largest * 0.02).ToArray();
        var result = kept.Length == 1 ? (Geometry)kept[0] : Wgs84.Factory.CreateMultiPolygon(kept);
        result.SRID = Wgs84.Srid;
        return result.IsEmpty ? null : result;
    }

    public static List<Coordinate> SampleInside(Geometry area, int n, Random random, Func<double, double, double> density)
    {
        var prepared = PreparedGeometryFactory.Prepare(area);
        var envelope = area.EnvelopeInternal;
        var sites = new List<Coordinate>(n);
        var point = Wgs84.Factory.CreatePoint(new Coordinate());
        for (var attempt = 0; sites.Count < n && attempt < n * 400; attempt++)
        {
            var x = envelope.MinX + random.NextDouble() * envelope.Width;
            var y = envelope.MinY + random.NextDouble() * envelope.Height;
            var acceptance = density(x, y);
            if (random.NextDouble() > acceptance)
            {
                continue;
            }
            point.CoordinateSequence.SetX(0, x);
            point.CoordinateSequence.SetY(0, y);
            point.GeometryChanged();
            if (prepared.Contains(point))
            {
                sites.Add(new Coordinate(x, y));
            }
        }
        return sites;
    }
}
