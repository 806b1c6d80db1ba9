using System.Text.Json.Nodes;

namespace Linli.ClusterTests;

/// <summary>Small region files: boxes for a district, a street, a community and its grids.</summary>
internal static class RegionTree
{
    /// <summary>A district in Gongshu (330105) with four grids side by side across 120.10–120.20 E, 30.30–30.34 N.</summary>
    public static JsonObject Base() => Tree("330105", "拱墅区", 120.10, 30.30, 120.20, 30.34, 4);

    /// <summary>A district elsewhere (330106, further north) that the base tree does not have: imported during a test.</summary>
    public static JsonObject Added() => Tree("330106", "西湖区", 120.10, 30.50, 120.20, 30.54, 2);

    /// <summary>The centre of the n-th grid (0-based) of a tree made by <see cref="Tree"/>.</summary>
    public static (double Lon, double Lat) GridCentre(double west, double south, double east, double north, int grids, int n) =>
        (west + (east - west) * (n + 0.5) / grids, (south + north) / 2);

    private static JsonObject Tree(string district, string name, double west, double south, double east, double north, int grids)
    {
        var features = new JsonArray
        {
            Feature(district, name, "district", null, west, south, east, north),
            Feature(district + "001", name + "一街道", "street", district, west, south, east, north),
            Feature(district + "001001", name + "一社区", "community", district + "001", west, south, east, north),
        };
        var width = (east - west) / grids;
        for (var i = 0; i < grids; i++)
        {
            features.Add(Feature($"{district}001001{i + 1:000}", $"第{i + 1}网格", "grid", district + "001001", west + i * width, south, west + (i + 1) * width, north));
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonObject Feature(string code, string name, string level, string? parent, double w, double s, double e, double n) => new()
    {
        ["type"] = "Feature",
        ["properties"] = new JsonObject { ["code"] = code, ["name"] = name, ["level"] = level, ["parentCode"] = parent },
        ["geometry"] = new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray { new JsonArray(new JsonArray(w, s), new JsonArray(e, s), new JsonArray(e, n), new JsonArray(w, n), new JsonArray(w, s)) },
        },
    };
}
