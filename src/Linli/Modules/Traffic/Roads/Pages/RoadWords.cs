using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Traffic.Data;

namespace Linli.Modules.Traffic.Roads.Pages;

/// <summary>The words the road pages share.</summary>
internal static class RoadWords
{
    public static string Direction(string direction) => Lang.T(Directions.ChineseName(direction), direction);

    public static string Km(double meters) => (meters / 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.SelectMany(kv => kv.Value.Select(reason => $"{kv.Key}: {reason}")).ToList(),
        DomainException d => [d.Message],
        _ => [e.Message],
    };

    /// <summary>A colour per route code, stable across loads, for the map and the table's swatches.</summary>
    public static string Colour(string code)
    {
        string[] palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#ad1457"];
        var hash = 0;
        foreach (var c in code)
        {
            hash = (hash * 31 + c) & 0x7fffffff;
        }
        return palette[hash % palette.Length];
    }
}
