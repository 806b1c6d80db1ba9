using System.Text.Json.Nodes;

namespace Linli.ClusterTests;

/// <summary>Resident reports at spread-out points of the base tree, so that none joins another as a duplicate.</summary>
internal static class Reports
{
    private static int _sequence;

    public static JsonObject Next()
    {
        var n = Interlocked.Increment(ref _sequence);
        // A 40 × 40 lattice across the base tree's 0.10° × 0.04°: neighbours lie ~240 m apart, beyond the duplicate radius.
        var lon = 120.1012 + (n % 40) * 0.0024;
        var lat = 30.3008 + (n / 40 % 40) * 0.00095;
        return new JsonObject
        {
            ["category"] = n % 2 == 0 ? "1101" : "1102",
            ["description"] = $"第{n}号楼门口有问题需要处理",
            ["lon"] = Math.Round(lon, 6),
            ["lat"] = Math.Round(lat, 6),
            ["address"] = $"测试路 {n} 号",
        };
    }
}
