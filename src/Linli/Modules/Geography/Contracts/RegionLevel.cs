namespace Linli.Modules.Geography.Contracts;

/// <summary>
/// The levels of the region tree, top down. Kept as an ordered list rather than a fixed depth:
/// micro-grids are optional, and a building hangs under a grid or a micro-grid.
/// </summary>
public enum RegionLevel
{
    City = 0,
    District = 1,
    Street = 2,
    Community = 3,
    Grid = 4,
    MicroGrid = 5,
    Building = 6,
}

public static class RegionLevels
{
    public static IReadOnlyList<RegionLevel> TopDown { get; } = Enum.GetValues<RegionLevel>();

    /// <summary>The name used in the API and in GeoJSON properties.</summary>
    public static string ToName(this RegionLevel level) => level switch
    {
        RegionLevel.City => "city",
        RegionLevel.District => "district",
        RegionLevel.Street => "street",
        RegionLevel.Community => "community",
        RegionLevel.Grid => "grid",
        RegionLevel.MicroGrid => "micro-grid",
        RegionLevel.Building => "building",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool TryParse(string? name, out RegionLevel level)
    {
        foreach (var candidate in TopDown)
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }
        level = default;
        return false;
    }

    public static RegionLevel Parse(string name) =>
        TryParse(name, out var level) ? level : throw new FormatException($"Unknown region level '{name}'.");

    public static string Names { get; } = string.Join(", ", TopDown.Select(l => l.ToName()));

    /// <summary>The levels a region of the given level may sit directly under.</summary>
    public static IReadOnlyList<RegionLevel> AllowedParents(this RegionLevel level) => level switch
    {
        RegionLevel.City => [],
        RegionLevel.District => [RegionLevel.City],
        RegionLevel.Street => [RegionLevel.District],
        RegionLevel.Community => [RegionLevel.Street],
        RegionLevel.Grid => [RegionLevel.Community],
        RegionLevel.MicroGrid => [RegionLevel.Grid],
        RegionLevel.Building => [RegionLevel.Grid, RegionLevel.MicroGrid],
        _ => [],
    };

    /// <summary>Only a city or a district may be the top of an imported tree.</summary>
    public static bool MayBeRoot(this RegionLevel level) => level is RegionLevel.City or RegionLevel.District;

    public static string ChineseName(this RegionLevel level) => level switch
    {
        RegionLevel.City => "市",
        RegionLevel.District => "区/县",
        RegionLevel.Street => "街道/镇",
        RegionLevel.Community => "社区/村",
        RegionLevel.Grid => "网格",
        RegionLevel.MicroGrid => "微网格",
        RegionLevel.Building => "楼栋",
        _ => "",
    };
}
