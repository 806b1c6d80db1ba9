using System.Text.RegularExpressions;

namespace Linli.Modules.Cases.Duplicates;

/// <summary>
/// The exact spots a report names: building 3号楼, unit 2单元, gate 东门, number 12号, floor 5楼,
/// expressway stake K23+500. Two reports that name different spots of the same kind are about
/// different things however alike their words ("3号楼门口垃圾满溢" vs "5号楼门口垃圾满溢"); so do rooms
/// (6栋302 vs 6栋502) and sides of a road or junction (北侧 vs 南侧, 东北角 vs 西南角).
/// </summary>
public sealed partial class PlaceMarkers
{
    private readonly Dictionary<string, HashSet<string>> _byKind = [];

    public static readonly PlaceMarkers None = new();

    public bool IsEmpty => _byKind.Count == 0;

    public static PlaceMarkers Of(string text)
    {
        var markers = new PlaceMarkers();
        foreach (Match m in Marker().Matches(text))
        {
            var kind = m.Groups["building"].Success ? "building" : m.Groups["unit"].Success ? "unit" : m.Groups["floor"].Success ? "floor"
                : m.Groups["gate"].Success ? "gate" : m.Groups["stake"].Success ? "stake" : m.Groups["room"].Success ? "room"
                : m.Groups["corner"].Success ? "side" : "number";
            var value = m.Groups["stake"].Success ? m.Groups["stake"].Value.ToUpperInvariant()
                : m.Groups["room"].Success ? m.Groups["room"].Value
                : m.Groups["corner"].Success ? m.Groups["corner"].Value
                : m.Groups["side"].Success ? m.Groups["side"].Value : Numeral(m.Groups["n"].Value);
            if (!markers._byKind.TryGetValue(kind, out var values))
            {
                markers._byKind[kind] = values = [];
            }
            values.Add(value);
        }
        return markers;
    }

    public override string ToString() => string.Join(' ', _byKind.Select(k => $"{k.Key}={string.Join('/', k.Value)}"));

    /// <summary>True when both name a spot of some kind and share none of them.</summary>
    public bool ConflictsWith(PlaceMarkers other)
    {
        foreach (var (kind, values) in _byKind)
        {
            if (other._byKind.TryGetValue(kind, out var others) && !values.Overlaps(others))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Chinese numerals up to 99 as digits, so 三号楼 and 3号楼 are the same building.</summary>
    private static string Numeral(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            return text.TrimStart('0') is { Length: > 0 } n ? n : "0";
        }
        const string digits = "零一二三四五六七八九";
        var value = 0;
        var current = 0;
        foreach (var c in text)
        {
            var d = digits.IndexOf(c, StringComparison.Ordinal);
            if (c == '两') d = 2;
            if (d >= 0)
            {
                current = d;
            }
            else if (c == '十')
            {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
        }
        return (value + current).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<stake>[Kk]\d+(\+\d+)?)|(?<n>\d+|[零一二两三四五六七八九十]+)\s*(?:(?<building>号楼|栋|幢|号院)|(?<unit>单元)|(?<floor>楼(?!道|下|上|梯|顶|前|后)|层)|(?<gate>号门)|号)|(?<gate>(?<side>[东南西北])门)|(?<=[栋幢楼]|单元)\s*(?<room>\d{3,4})|(?<room>\d{3,4})(?=室|房|户)|(?<corner>东北|东南|西北|西南|[东南西北])(?:角|侧|边|面)")]
    private static partial Regex Marker();
}
