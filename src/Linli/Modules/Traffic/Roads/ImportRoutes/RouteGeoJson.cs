using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Data;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Traffic.Roads.ImportRoutes;

/// <summary>One bad thing about one feature: its index in the file's features array, its code when it had one, the field and why.</summary>
public sealed record RouteImportError(int Index, string? Code, string Field, string Reason);

/// <summary>A feature that passed every check: the carriageway ready to be written.</summary>
internal sealed record CheckedRoute(int Index, string Code, string Name, string Direction, string Operator, LineString Line,
    IReadOnlyList<StakeMark> Marks, RouteLine Route);

/// <summary>
/// The GeoJSON adapter (rule 12): reads a FeatureCollection of carriageways by hand rather than with
/// a GeoJSON library, so that every wrong shape becomes a numbered, named reason instead of one
/// exception for the whole file. Property names are the export's, so an exported file imports back.
/// </summary>
internal static partial class RouteGeoJson
{
    public const int MaxFeatures = 500;
    public const int MaxVertices = 50_000;
    public const int MaxStakeMarks = 1_000;
    /// <summary>Longer gaps are not a drawn road but a missing stretch; the flat projection also needs short segments.</summary>
    public const double MaxSegmentMeters = 50_000;
    public const double MaxLengthMeters = 3_000_000;
    /// <summary>A calibration point further off the line than this is on another road.</summary>
    public const double MaxMarkOffsetMeters = 100;
    /// <summary>Parts of a MultiLineString closer than this at their joins are one line drawn in pieces.</summary>
    public const double JoinMeters = 5;
    public const double MaxStake = 99_999_999;

    [GeneratedRegex(@"^[A-Z][A-Z0-9]{0,15}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_-]{0,15}$")]
    private static partial Regex UnitPattern();

    public static (List<CheckedRoute> Routes, List<RouteImportError> Errors) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !Text(root, "type", out var type) || type != "FeatureCollection")
        {
            throw new Infrastructure.Errors.RequestValidationException("file", "a GeoJSON FeatureCollection is expected");
        }
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
        {
            throw new Infrastructure.Errors.RequestValidationException("features", "the FeatureCollection has no features");
        }
        if (features.GetArrayLength() > MaxFeatures)
        {
            throw new Infrastructure.Errors.RequestValidationException("features", $"at most {MaxFeatures} carriageways per file");
        }
        var routes = new List<CheckedRoute>();
        var errors = new List<RouteImportError>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var own = new List<RouteImportError>();
            var route = ReadFeature(index, feature, own);
            errors.AddRange(own);
            if (route is not null && own.Count == 0)
            {
                routes.Add(route);
            }
            index++;
        }
        return (routes, errors);
    }

    private static CheckedRoute? ReadFeature(int index, JsonElement feature, List<RouteImportError> errors)
    {
        string? code = null;
        void Bad(string field, string reason) => errors.Add(new RouteImportError(index, code, field, reason));
        if (feature.ValueKind != JsonValueKind.Object || !Text(feature, "type", out var type) || type != "Feature")
        {
            Bad("type", "not a GeoJSON Feature");
            return null;
        }
        var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        if (props.ValueKind != JsonValueKind.Object)
        {
            Bad("properties", "missing: code, name, direction, operator and startStake are needed");
            return null;
        }
        code = Text(props, "code", out var c) ? c.Trim().ToUpperInvariant() : null;
        if (code is null || !CodePattern().IsMatch(code))
        {
            Bad("code", "a route code such as G60 or G2501 (a letter, then letters or digits, at most 16)");
        }
        var name = Text(props, "name", out var n) ? n.Trim() : "";
        if (name.Length is 0 or > 100)
        {
            Bad("name", "the route's name (1 to 100 characters), e.g. 沪昆高速");
        }
        var direction = Text(props, "direction", out var d) ? DirectionOf(d) : null;
        if (direction is null)
        {
            Bad("direction", "up or down (上行 or 下行)");
        }
        var unit = Text(props, "operator", out var o) ? o.Trim().ToUpperInvariant() : "";
        if (!UnitPattern().IsMatch(unit))
        {
            Bad("operator", "the code of the unit that runs the stretch, e.g. GS");
        }
        double? start = props.TryGetProperty("startStake", out var s) ? StakeOf(s) : null;
        if (start is null)
        {
            Bad("startStake", "the stake at the line's first vertex: K123+400 or metres");
        }
        double? end = null;
        if (props.TryGetProperty("endStake", out var e) && e.ValueKind != JsonValueKind.Null && (end = StakeOf(e)) is null)
        {
            Bad("endStake", "K123+400 or metres, or leave it out");
        }
        var line = LineOf(feature, Bad);
        if (line is null || start is null || direction is null)
        {
            return null;
        }
        var length = Length(line);
        var marks = MarksOf(props, line, direction, start.Value, end, length, Bad);
        if (marks is null || errors.Count > 0)
        {
            return null;
        }
        return new CheckedRoute(index, code!, name, direction, unit, line, marks, new RouteLine(line, marks));
    }

    public static string? DirectionOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "up" or "上行" => Directions.Up,
        "down" or "下行" => Directions.Down,
        _ => null,
    };

    /// <summary>"K123+400", 123400 or "123400" (metres).</summary>
    public static double? StakeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var m) && m >= 0 && m <= MaxStake => m,
        JsonValueKind.String => StakeOf(value.GetString()),
        _ => null,
    };

    public static double? StakeOf(string? text)
    {
        if (Stakes.TryParse(text, out var meters))
        {
            return meters;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && double.IsFinite(m) && m >= 0 && m <= MaxStake ? m : null;
    }

    private static LineString? LineOf(JsonElement feature, Action<string, string> bad)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object || !Text(geometry, "type", out var type)
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            bad("geometry", "a LineString (or a MultiLineString drawn as one continuous line) is needed");
            return null;
        }
        List<Coordinate>? points;
        if (type == "LineString")
        {
            points = Points(coordinates, "geometry.coordinates", bad);
        }
        else if (type == "MultiLineString")
        {
            points = Joined(coordinates, bad);
        }
        else
        {
            bad("geometry", $"{type} is not a line: a LineString (or one continuous MultiLineString) is needed");
            return null;
        }
        if (points is null)
        {
            return null;
        }
        // Repeated vertices add nothing and would make zero-length segments.
        var distinct = new List<Coordinate>(points.Count);
        foreach (var point in points)
        {
            if (distinct.Count == 0 || Wgs84.DistanceMeters(distinct[^1].X, distinct[^1].Y, point.X, point.Y) > 0.01)
            {
                distinct.Add(point);
            }
        }
        if (distinct.Count < 2)
        {
            bad("geometry", "the line needs at least two different points");
            return null;
        }
        for (var i = 1; i < distinct.Count; i++)
        {
            var gap = Wgs84.DistanceMeters(distinct[i - 1].X, distinct[i - 1].Y, distinct[i].X, distinct[i].Y);
            if (gap > MaxSegmentMeters)
            {
                bad("geometry", $"vertices {i - 1} and {i} are {gap / 1000:0} km apart (at most {MaxSegmentMeters / 1000:0} km): draw the road's bends");
                return null;
            }
        }
        var line = Wgs84.Factory.CreateLineString([.. distinct]);
        var length = Length(line);
        if (length < 20)
        {
            bad("geometry", "the line is shorter than 20 m");
            return null;
        }
        if (length > MaxLengthMeters)
        {
            bad("geometry", $"the line is {length / 1000:0} km long; at most {MaxLengthMeters / 1000:0} km per carriageway");
            return null;
        }
        // A line that crosses or runs back over itself has two stakes for one place (a ring that closes is fine).
        if (!line.IsSimple)
        {
            bad("geometry", "the line crosses or runs back over itself; draw each carriageway once in its direction of travel");
            return null;
        }
        return line;
    }

    private static List<Coordinate>? Joined(JsonElement parts, Action<string, string> bad)
    {
        var all = new List<Coordinate>();
        var k = 0;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Array)
            {
                bad("geometry.coordinates", $"part {k} is not a list of positions");
                return null;
            }
            var points = Points(part, $"geometry.coordinates[{k}]", bad);
            if (points is null)
            {
                return null;
            }
            if (all.Count > 0 && points.Count > 0)
            {
                var gap = Wgs84.DistanceMeters(all[^1].X, all[^1].Y, points[0].X, points[0].Y);
                if (gap > JoinMeters)
                {
                    bad("geometry", $"the MultiLineString is not one continuous line: part {k} starts {gap:0} m from the end of part {k - 1}");
                    return null;
                }
                points.RemoveAt(0);
            }
            all.AddRange(points);
            if (all.Count > MaxVertices)
            {
                bad("geometry", $"more than {MaxVertices} vertices");
                return null;
            }
            k++;
        }
        if (k == 0)
        {
            bad("geometry.coordinates", "the MultiLineString has no parts");
            return null;
        }
        return all;
    }

    private static List<Coordinate>? Points(JsonElement positions, string field, Action<string, string> bad)
    {
        if (positions.GetArrayLength() > MaxVertices)
        {
            bad(field, $"more than {MaxVertices} vertices");
            return null;
        }
        var points = new List<Coordinate>(positions.GetArrayLength());
        var i = 0;
        foreach (var position in positions.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
                || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat))
            {
                bad($"{field}[{i}]", "a position is [longitude, latitude]");
                return null;
            }
            if (lon is < -180 or > 180 || lat is < -85 or > 85)
            {
                bad($"{field}[{i}]", $"[{lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}] is not a WGS 84 longitude, latitude");
                return null;
            }
            points.Add(new Coordinate(lon, lat));
            i++;
        }
        return points;
    }

    /// <summary>
    /// The stake marks: the start, every calibration point projected onto the line, the end (given, or
    /// extrapolated at one stake metre per metre). They must run one way only: up with the stakes, down against.
    /// </summary>
    private static List<StakeMark>? MarksOf(JsonElement props, LineString line, string direction, double start, double? end, double length,
        Action<string, string> bad)
    {
        var rising = direction == Directions.Up;
        var marks = new List<StakeMark> { new(0, start) };
        if (props.TryGetProperty("stakeMarks", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > MaxStakeMarks)
            {
                bad("stakeMarks", $"a list of at most {MaxStakeMarks} {{\"stake\": \"K130+000\", \"lon\": …, \"lat\": …}}");
                return null;
            }
            // A bare line (two marks) projects points without calibration, which is all a projection needs.
            var plain = new RouteLine(line, [new StakeMark(0, 0), new StakeMark(length, length)]);
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                double? stake = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("stake", out var st) ? StakeOf(st) : null;
                if (stake is null || !Number(item, "lon", out var lon) || !Number(item, "lat", out var lat) || lon is < -180 or > 180 || lat is < -85 or > 85)
                {
                    bad($"stakeMarks[{i}]", "each mark is {\"stake\": \"K130+000\", \"lon\": …, \"lat\": …}");
                    return null;
                }
                var at = plain.Project(lon, lat);
                if (at.OffsetMeters > MaxMarkOffsetMeters)
                {
                    bad($"stakeMarks[{i}]", $"lies {at.OffsetMeters:0} m off the line (at most {MaxMarkOffsetMeters:0} m)");
                    return null;
                }
                marks.Add(new StakeMark(at.AlongMeters, stake.Value));
                i++;
            }
        }
        if (end is { } last)
        {
            marks.Add(new StakeMark(length, last));
        }
        else if (marks[^1].Along < length - 0.5)
        {
            var (along, stake) = (marks[^1].Along, marks[^1].Stake);
            marks.Add(new StakeMark(length, stake + (rising ? 1 : -1) * (length - along)));
        }
        for (var k = 1; k < marks.Count; k++)
        {
            var (a, b) = (marks[k - 1], marks[k]);
            var field = k == marks.Count - 1 && end is not null ? "endStake" : k == marks.Count - 1 ? "startStake" : $"stakeMarks[{k - 1}]";
            if (b.Along - a.Along < 1)
            {
                bad(field, $"{Stakes.Format(b.Stake)} falls at the same place as {Stakes.Format(a.Stake)}, or before it along the line: the marks must follow the direction of travel");
                return null;
            }
            if (rising ? b.Stake <= a.Stake : b.Stake >= a.Stake)
            {
                bad(field, rising
                    ? $"on an up carriageway stakes rise along the line, but {Stakes.Format(b.Stake)} follows {Stakes.Format(a.Stake)}"
                    : $"on a down carriageway stakes fall along the line, but {Stakes.Format(b.Stake)} follows {Stakes.Format(a.Stake)}");
                return null;
            }
            // Real stakes drift from measured length after re-alignments, but not by a third.
            var ratio = Math.Abs(b.Stake - a.Stake) / (b.Along - a.Along);
            if (ratio is < 0.75 or > 1.33)
            {
                bad(field, $"{Stakes.Format(a.Stake)} to {Stakes.Format(b.Stake)} is {Math.Abs(b.Stake - a.Stake):0} m of stakes over {b.Along - a.Along:0} m of line");
                return null;
            }
        }
        if (marks[^1].Stake < 0)
        {
            bad("startStake", $"the stakes would fall below K0+000 before the line's end ({length:0} m long)");
            return null;
        }
        return marks;
    }

    public static double Length(LineString line)
    {
        var total = 0.0;
        for (var i = 1; i < line.NumPoints; i++)
        {
            total += Wgs84.DistanceMeters(line.GetCoordinateN(i - 1).X, line.GetCoordinateN(i - 1).Y, line.GetCoordinateN(i).X, line.GetCoordinateN(i).Y);
        }
        return total;
    }

    private static bool Text(JsonElement o, string name, out string value)
    {
        value = o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        return value.Length > 0;
    }

    private static bool Number(JsonElement o, string name, out double value)
    {
        value = 0;
        return o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value) && double.IsFinite(value);
    }
}
