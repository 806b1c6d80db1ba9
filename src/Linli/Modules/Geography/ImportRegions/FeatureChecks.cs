using Linli.Modules.Geography.Contracts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>Checks that need nothing but the feature itself: properties, coordinates, geometry.</summary>
internal static class FeatureChecks
{
    public static ImportCandidate? Check(RawFeature feature, Action<string> fail)
    {
        var missing = new List<string>();
        if (feature.Code is null) missing.Add("code");
        if (feature.Name is null) missing.Add("name");
        if (feature.Level is null) missing.Add("level");
        if (missing.Count > 0)
        {
            fail($"missing properties: {string.Join(", ", missing)}");
        }
        RegionLevel level = default;
        if (feature.Level is not null && !RegionLevels.TryParse(feature.Level, out level))
        {
            fail($"unknown level '{feature.Level}' (expected one of {RegionLevels.Names})");
            feature = feature with { Level = null };
        }
        if (feature.Problem is not null)
        {
            fail(feature.Problem);
        }
        var geometryProblem = feature.Geometry is null ? null : GeometryProblem(feature.Geometry, level, feature.Level is not null);
        if (geometryProblem is not null)
        {
            fail(geometryProblem);
        }
        if (feature.Code is null || feature.Level is null)
        {
            return null;
        }
        return new ImportCandidate(feature.Index, feature.Code, feature.Name ?? feature.Code, level, feature.ParentCode, feature.Households)
        {
            Geometry = feature.Problem is null && geometryProblem is null ? feature.Geometry : null,
        };
    }

    private static string? GeometryProblem(Geometry geometry, RegionLevel level, bool levelKnown)
    {
        if (geometry.IsEmpty)
        {
            return "geometry is empty";
        }
        var pointAllowed = !levelKnown || level == RegionLevel.Building;
        if (geometry is not (Polygon or MultiPolygon) && !(pointAllowed && geometry is Point))
        {
            return levelKnown && level == RegionLevel.Building
                ? $"geometry must be a Point, Polygon or MultiPolygon, not {geometry.GeometryType}"
                : $"geometry must be a Polygon or MultiPolygon, not {geometry.GeometryType}";
        }
        foreach (var c in geometry.Coordinates)
        {
            if (double.IsNaN(c.X) || double.IsNaN(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                return $"coordinates out of range: ({c.X}, {c.Y}) is not a WGS-84 longitude in [-180, 180] and latitude in [-90, 90]";
            }
        }
        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            var at = validity.Coordinate is { } p ? $" at ({p.X}, {p.Y})" : "";
            return $"invalid geometry: {validity.Message}{at}";
        }
        return null;
    }
}
