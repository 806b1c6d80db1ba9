using System.Globalization;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>
/// Child-inside-parent and sibling-overlap checks. Real boundaries are digitised by different
/// people at different scales, so both allow slivers: a child may lie up to 1 % of its own area
/// outside its parent, and two siblings may share up to 1 % of the smaller one's area (a point
/// building may lie up to 1 m outside its parent).
/// </summary>
internal sealed class SpatialChecks(Action<int, string?, string> fail)
{
    public const double ContainmentTolerance = 0.01;
    public const double OverlapTolerance = 0.01;
    public const double PointToleranceMeters = 1;

    public void CheckContainment(IEnumerable<ImportCandidate> candidates, Dictionary<string, ImportCandidate> byCode,
        Dictionary<string, StoredRegion> storedParents, Func<ImportCandidate, bool> isBad)
    {
        var preparedStored = new Dictionary<string, IPreparedGeometry>(StringComparer.Ordinal);
        foreach (var child in candidates)
        {
            if (child.Geometry is null || child.ParentCode is null || isBad(child))
            {
                continue;
            }
            Geometry? parentGeometry;
            IPreparedGeometry prepared;
            if (byCode.TryGetValue(child.ParentCode, out var parent))
            {
                if (parent.Geometry is null)
                {
                    continue;
                }
                parentGeometry = parent.Geometry;
                prepared = parent.Prepared;
            }
            else if (storedParents.TryGetValue(child.ParentCode, out var stored))
            {
                parentGeometry = stored.Boundary;
                if (!preparedStored.TryGetValue(stored.Code, out prepared!))
                {
                    prepared = PreparedGeometryFactory.Prepare(stored.Boundary);
                    preparedStored[stored.Code] = prepared;
                }
            }
            else
            {
                continue;
            }
            if (prepared.Covers(child.Geometry))
            {
                continue;
            }
            if (child.Geometry is Point point)
            {
                var nearest = NetTopologySuite.Operation.Distance.DistanceOp.NearestPoints(parentGeometry, point)[0];
                var meters = GeoMath.DistanceMeters(point.X, point.Y, nearest.X, nearest.Y);
                if (meters > PointToleranceMeters)
                {
                    Fail(child, $"child outside its parent {child.ParentCode}: the point lies {Format(meters)} m outside it (tolerance {PointToleranceMeters} m)");
                }
                continue;
            }
            var outside = OverlayNGRobust.Overlay(child.Geometry, parentGeometry, SpatialFunction.Difference);
            var share = child.Geometry.Area > 0 ? outside.Area / child.Geometry.Area : 1;
            if (share > ContainmentTolerance)
            {
                Fail(child, $"child outside its parent {child.ParentCode}: {Format(share * 100)} % of its area ({Format(GeoMath.AreaSquareMeters(outside))} m²) lies outside it (tolerance {ContainmentTolerance * 100} %)");
            }
        }
    }

    public void CheckSiblingOverlaps(List<ImportCandidate> candidates, List<StoredRegion> storedSiblings)
    {
        var tree = new STRtree<Sibling>();
        var siblings = new List<Sibling>();
        foreach (var candidate in candidates)
        {
            if (candidate.Geometry is Polygon or MultiPolygon && candidate.ParentCode is not null)
            {
                siblings.Add(new Sibling(candidate.ParentCode, candidate.Code, candidate.Geometry, candidate));
            }
        }
        var newCodes = candidates.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var stored in storedSiblings)
        {
            if (stored.Boundary is Polygon or MultiPolygon && stored.ParentCode is not null && !newCodes.Contains(stored.Code))
            {
                siblings.Add(new Sibling(stored.ParentCode, stored.Code, stored.Boundary, null));
            }
        }
        foreach (var sibling in siblings)
        {
            tree.Insert(sibling.Geometry.EnvelopeInternal, sibling);
        }
        tree.Build();
        foreach (var sibling in siblings)
        {
            if (sibling.Candidate is null)
            {
                continue;
            }
            foreach (var other in tree.Query(sibling.Geometry.EnvelopeInternal))
            {
                // Each pair once: against stored siblings, and against earlier features of the file.
                if (ReferenceEquals(other, sibling) || other.ParentCode != sibling.ParentCode
                    || (other.Candidate is not null && other.Candidate.Index >= sibling.Candidate.Index))
                {
                    continue;
                }
                if (!sibling.Candidate.Prepared.Intersects(other.Geometry))
                {
                    continue;
                }
                var shared = OverlayNGRobust.Overlay(sibling.Geometry, other.Geometry, SpatialFunction.Intersection);
                var smaller = Math.Min(sibling.Geometry.Area, other.Geometry.Area);
                var share = smaller > 0 ? shared.Area / smaller : 0;
                if (share > OverlapTolerance)
                {
                    var whose = other.Candidate is null ? $"stored region {other.Code}" : $"{other.Code} (feature {other.Candidate.Index})";
                    Fail(sibling.Candidate, $"overlap with a sibling: shares {Format(GeoMath.AreaSquareMeters(shared))} m² ({Format(share * 100)} % of the smaller) with {whose} (tolerance {OverlapTolerance * 100} %)");
                }
            }
        }
    }

    private void Fail(ImportCandidate candidate, string reason) => fail(candidate.Index, candidate.Code, reason);

    private static string Format(double value) => value.ToString(value < 10 ? "0.##" : "0", CultureInfo.InvariantCulture);

    private sealed record Sibling(string ParentCode, string Code, Geometry Geometry, ImportCandidate? Candidate);
}
