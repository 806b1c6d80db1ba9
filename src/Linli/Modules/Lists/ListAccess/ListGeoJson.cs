using System.Globalization;
using Linli.Infrastructure.Errors;

namespace Linli.Modules.Lists.ListAccess;

/// <summary>A GeoJSON FeatureCollection (RFC 7946) of points; <c>truncated</c> is a foreign member saying the limit cut it.</summary>
public sealed record PointCollection<TProperties>(IReadOnlyList<PointFeature<TProperties>> Features, bool Truncated)
{
    public string Type => "FeatureCollection";
}

public sealed record PointFeature<TProperties>(PointGeometry Geometry, TProperties Properties)
{
    public string Type => "Feature";
}

/// <summary>A GeoJSON Point: [lon, lat].</summary>
public sealed record PointGeometry(double[] Coordinates)
{
    public string Type => "Point";
}

/// <summary>minLon,minLat,maxLon,maxLat, as the map sends its view.</summary>
public readonly record struct Box(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public static Box? Parse(string? bbox)
    {
        if (string.IsNullOrWhiteSpace(bbox)) return null;
        var parts = bbox.Split(',');
        var v = new double[4];
        if (parts.Length != 4 || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v[i])).Any(ok => !ok)
            || v[0] is < -180 or > 180 || v[2] is < -180 or > 180 || v[1] is < -90 or > 90 || v[3] is < -90 or > 90 || v[0] > v[2] || v[1] > v[3])
        {
            throw new RequestValidationException("bbox", "four numbers minLon,minLat,maxLon,maxLat within ±180/±90, minimum first");
        }
        return new Box(v[0], v[1], v[2], v[3]);
    }
}

internal static class ListGeoJson
{
    public const int DefaultLimit = 2000;
    public const int MaxLimit = 5000;
    public const string ContentType = "application/geo+json; charset=utf-8";

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit.Value,
        _ => throw new RequestValidationException("limit", $"a whole number between 1 and {MaxLimit}"),
    };
}
