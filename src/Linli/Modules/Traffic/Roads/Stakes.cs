using System.Globalization;
using System.Text.RegularExpressions;

namespace Linli.Modules.Traffic.Roads;

/// <summary>
/// Stake numbers (桩号) as road people write them: K123+400 is 123 km and 400 m from the route's
/// origin. Stored as metres; written back with the metres padded to three digits.
/// </summary>
public static partial class Stakes
{
    [GeneratedRegex(@"^\s*[Kk]\s*(\d{1,5})\s*\+\s*(\d{1,3}(?:\.\d+)?)\s*$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out double meters)
    {
        meters = 0;
        if (text is null || Pattern().Match(text) is not { Success: true } m)
        {
            return false;
        }
        var km = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var rest = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        // "+400" and "+4.5" are metres; three whole digits at most, so K1+999 is the last before K2+000.
        if (rest >= 1000)
        {
            return false;
        }
        meters = km * 1000 + rest;
        return true;
    }

    /// <summary>K123+400 (to the nearest metre).</summary>
    public static string Format(double meters)
    {
        var whole = (long)Math.Round(Math.Max(0, meters), MidpointRounding.AwayFromZero);
        return $"K{whole / 1000}+{whole % 1000:000}";
    }
}
