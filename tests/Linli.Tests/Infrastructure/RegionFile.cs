using System.Text.Json.Nodes;

namespace Linli.Tests.Infrastructure;

/// <summary>Builds GeoJSON region files for tests; the one place test regions are made.</summary>
public sealed class RegionFile
{
    private readonly JsonArray _features = [];

    public int Count => _features.Count;

    public RegionFile Add(string? code, string? name, string? level, string? parentCode, JsonNode? geometry)
    {
        var properties = new JsonObject();
        if (code is not null) properties["code"] = code;
        if (name is not null) properties["name"] = name;
        if (level is not null) properties["level"] = level;
        properties["parentCode"] = parentCode;
        _features.Add(new JsonObject { ["type"] = "Feature", ["properties"] = properties, ["geometry"] = geometry });
        return this;
    }

    public RegionFile AddRaw(JsonNode feature)
    {
        _features.Add(feature);
        return this;
    }

    public override string ToString() => new JsonObject { ["type"] = "FeatureCollection", ["features"] = _features.DeepClone() }.ToJsonString();

    public static JsonObject Box(double minLon, double minLat, double maxLon, double maxLat, params double[][] holes)
    {
        var rings = new JsonArray { Ring(minLon, minLat, maxLon, maxLat) };
        foreach (var hole in holes)
        {
            rings.Add(Ring(hole[0], hole[1], hole[2], hole[3]));
        }
        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = rings };
    }

    public static JsonObject MultiBox(params double[][] boxes)
    {
        var polygons = new JsonArray();
        foreach (var b in boxes)
        {
            polygons.Add(new JsonArray { Ring(b[0], b[1], b[2], b[3]) });
        }
        return new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = polygons };
    }

    public static JsonObject Point(double lon, double lat) => new() { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };

    public static JsonObject PolygonOf(params double[][] ring)
    {
        var coordinates = new JsonArray();
        foreach (var c in ring)
        {
            coordinates.Add(new JsonArray(c[0], c[1]));
        }
        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray { coordinates } };
    }

    private static JsonArray Ring(double minLon, double minLat, double maxLon, double maxLat) =>
    [
        new JsonArray(minLon, minLat), new JsonArray(maxLon, minLat), new JsonArray(maxLon, maxLat),
        new JsonArray(minLon, maxLat), new JsonArray(minLon, minLat),
    ];

    /// <summary>
    /// A small tree in 拱墅区: one street, three communities; two grids sharing the edge lon 120.125,
    /// a grid with a hole holding another grid, a grid made of two separate parts, a building.
    /// </summary>
    public static RegionFile SampleTree() => new RegionFile()
        .Add("330105", "拱墅区", "district", null, Box(120.10, 30.30, 120.20, 30.40))
        .Add("330105001", "康桥街道", "street", "330105", Box(120.10, 30.30, 120.20, 30.40))
        .Add("330105001001", "康桥社区", "community", "330105001", Box(120.10, 30.30, 120.15, 30.35))
        .Add("330105001001001", "西网格", "grid", "330105001001", Box(120.10, 30.30, 120.125, 30.35))
        .Add("330105001001002", "东网格", "grid", "330105001001", Box(120.125, 30.30, 120.15, 30.35))
        .Add("3301050010010010001", "1幢", "building", "330105001001001", Box(120.110, 30.310, 120.111, 30.311))
        .Add("330105001002", "塘河社区", "community", "330105001", Box(120.15, 30.30, 120.20, 30.35))
        .Add("330105001002001", "环形网格", "grid", "330105001002", Box(120.15, 30.30, 120.20, 30.35, [120.17, 30.32, 120.18, 30.33]))
        .Add("330105001002002", "岛网格", "grid", "330105001002", Box(120.172, 30.322, 120.178, 30.328))
        .Add("330105001003", "和睦社区", "community", "330105001", Box(120.10, 30.35, 120.20, 30.40))
        .Add("330105001003001", "两块网格", "grid", "330105001003",
            MultiBox([120.10, 30.35, 120.12, 30.37], [120.18, 30.38, 120.20, 30.40]));
}
