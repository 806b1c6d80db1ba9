using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Geography.Data;

/// <summary>
/// The code rules of DOMAIN.md §1: GB/T 2260 for cities and districts, statistical codes for
/// streets and communities, 3 digits per grid, 2 per micro-grid, 4 per building; a child's code
/// starts with its parent's (under a city, with the city code's first four digits).
/// </summary>
public static class RegionCodes
{
    public static int? LengthOf(RegionLevel level) => level switch
    {
        RegionLevel.City or RegionLevel.District => 6,
        RegionLevel.Street => 9,
        RegionLevel.Community => 12,
        RegionLevel.Grid => 15,
        RegionLevel.MicroGrid => 17,
        _ => null, // a building is its parent's code + 4 digits
    };

    /// <summary>Why the code is not acceptable for a region of this level under this parent, or null.</summary>
    public static string? Check(string code, RegionLevel level, string? parentCode, RegionLevel? parentLevel)
    {
        if (code.Length == 0 || !code.All(char.IsAsciiDigit))
        {
            return $"code '{code}' must consist of digits only";
        }
        if (level == RegionLevel.Building)
        {
            if (parentCode is not null && code.Length != parentCode.Length + 4)
            {
                return $"a building's code must be its parent's code followed by 4 digits ({parentCode.Length + 4} digits), not {code.Length}";
            }
        }
        else if (LengthOf(level) is { } length && code.Length != length)
        {
            return $"a {level.ToName()} code has {length} digits, not {code.Length}";
        }
        if (level == RegionLevel.City && (!code.EndsWith("00", StringComparison.Ordinal) || code.EndsWith("0000", StringComparison.Ordinal)))
        {
            return "a city code (GB/T 2260) ends in 00 but not in 0000, as 330100";
        }
        if (level == RegionLevel.District && code.EndsWith("00", StringComparison.Ordinal))
        {
            return "a district code (GB/T 2260) does not end in 00";
        }
        if (parentCode is null)
        {
            return null;
        }
        var prefix = parentLevel == RegionLevel.City ? parentCode[..Math.Min(4, parentCode.Length)] : parentCode;
        if (!code.StartsWith(prefix, StringComparison.Ordinal))
        {
            return parentLevel == RegionLevel.City
                ? $"code does not extend its parent's code: a district under city {parentCode} must start with {prefix}"
                : $"code does not extend its parent's code: it must start with {parentCode}";
        }
        if (code.Length > prefix.Length && code[prefix.Length..].All(c => c == '0'))
        {
            return $"the digits after the parent's code must not all be 0 ({code[prefix.Length..]})";
        }
        return null;
    }
}
