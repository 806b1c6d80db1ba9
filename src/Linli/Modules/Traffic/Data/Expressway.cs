using NetTopologySuite.Geometries;

namespace Linli.Modules.Traffic.Data;

/// <summary>Which way a carriageway runs against its stake numbers (上行 the stakes grow, 下行 they fall).</summary>
public static class Directions
{
    public const string Up = "up";
    public const string Down = "down";

    public static IReadOnlyList<string> All { get; } = [Up, Down];

    public static string ChineseName(string direction) => direction == Up ? "上行" : direction == Down ? "下行" : direction;
}

/// <summary>
/// One carriageway of an expressway: route code (G60), name, direction, the line drawn in the
/// direction of travel, and how stake numbers (桩号) run along it. Stakes are calibrated by marks
/// (distance along the line → stake, in metres), since real stakes drift from measured length
/// after re-alignments; between marks they are interpolated.
/// </summary>
public sealed partial class Expressway
{
    private Expressway()
    {
        Code = Name = Direction = Operator = StakeMarksJson = "";
        Line = LineString.Empty;
    }

    public Expressway(Guid id, string code, string name, string direction, string operatorUnit, LineString line,
        string stakeMarksJson, double lengthMeters, long nowMs)
    {
        Id = id;
        Code = code;
        Name = name;
        Direction = direction;
        Operator = operatorUnit;
        Line = line;
        StakeMarksJson = stakeMarksJson;
        LengthMeters = lengthMeters;
        CreatedAtMs = UpdatedAtMs = nowMs;
    }

    public Guid Id { get; private set; }

    /// <summary>National or provincial route code: G60, G92, S2.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary><see cref="Directions.Up"/> or <see cref="Directions.Down"/>.</summary>
    public string Direction { get; private set; }

    /// <summary>The unit that runs this stretch (an expressway operator, e.g. GS); its staff see its incidents.</summary>
    public string Operator { get; private set; }

    /// <summary>WGS 84, vertices in the direction of travel.</summary>
    public LineString Line { get; private set; }

    /// <summary>JSON array of {"along": metres from the line's start, "stake": stake in metres}, at least the two ends.</summary>
    public string StakeMarksJson { get; private set; }

    /// <summary>Great-circle length of the line in metres.</summary>
    public double LengthMeters { get; private set; }

    /// <summary>Districts the line crosses (comma-separated codes), so that district officers see incidents on their stretch.</summary>
    public string? DistrictCodes { get; private set; }

    public bool Active { get; private set; } = true;
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void Redraw(string name, string operatorUnit, LineString line, string stakeMarksJson, double lengthMeters, long nowMs)
    {
        Name = name;
        Operator = operatorUnit;
        Line = line;
        StakeMarksJson = stakeMarksJson;
        LengthMeters = lengthMeters;
        Active = true;
        UpdatedAtMs = nowMs;
        Version++;
    }

    public void CrossDistricts(IEnumerable<string> codes) => DistrictCodes = string.Join(',', codes.Distinct().Order(StringComparer.Ordinal));

    public void Retire(long nowMs)
    {
        Active = false;
        UpdatedAtMs = nowMs;
        Version++;
    }
}
