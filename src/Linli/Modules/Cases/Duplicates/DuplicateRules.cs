namespace Linli.Modules.Cases.Duplicates;

/// <summary>A case that a new report may repeat: where and when it was reported, what it says.</summary>
public sealed record OpenCaseSketch(Guid Id, string Number, string CategoryCode, double Lon, double Lat, long ReportedAtMs, string Description);

/// <summary>The limits a category sets on merging: how far apart and how long after (defaults 50 m, 72 h).</summary>
public sealed record DuplicateWindow(double RadiusMeters, double WindowHours)
{
    public static readonly DuplicateWindow Default = new(50, 72);

    /// <summary>The largest radius the cell query looks within (a 3×3 block of cells).</summary>
    public const double MaxRadiusMeters = 500;
}

/// <summary>
/// When a new report is the same problem as an open case: a compatible category, within the
/// category's radius and time window, no conflicting named spot, and the words and their meaning
/// alike enough. Why this measure (ADR 0006): reports are a dozen words long, so a plain word
/// overlap misses "水管爆了" vs "路面冒水"; the category model's reading catches paraphrase, the
/// rarity-weighted word cosine catches the exact details, and the named spots veto look-alikes
/// about a different building or lamp.
/// </summary>
public static class DuplicateRules
{
    /// <summary>The score from which two reports at one place say the same thing (tuned on half the pairs, ADR 0006).</summary>
    public const double Threshold = 0.4;

    /// <summary>How much the model's reading counts against the word cosine.</summary>
    public const double MeaningShare = 0.5;

    /// <summary>
    /// Categories people use for one and the same problem, across the taxonomy's classes: a burst
    /// main is also reported as standing water or a lifted water cover.
    /// </summary>
    private static readonly string[][] RelatedGroups =
    [
        ["1502", "1105", "0101", "0102", "0103", "0106", "1501"],
        ["1501", "1304", "0206", "0102"],
        ["1505", "0401", "0404"],
        ["1506", "0107", "0108", "0105"],
        ["1101", "1103", "0110", "1104", "1102"],
        ["1503", "0104", "2103"],
        ["1403", "1404", "0208", "0207"],
        ["1302", "1406"],
        ["1401", "1402"],
        ["1504", "1601", "2302"],
        ["1201", "1202", "0302", "0303", "1203"],
        ["1305", "1102", "1104"],
    ];

    private static readonly HashSet<(string, string)> RelatedPairs =
        [.. RelatedGroups.SelectMany(g => g.SelectMany(a => g.Select(b => (a, b))))];

    public static bool Compatible(string a, string b) =>
        a == b || (a.Length >= 2 && b.Length >= 2 && a.AsSpan(0, 2).SequenceEqual(b.AsSpan(0, 2))) || RelatedPairs.Contains((a, b));

    public static double Score(ReportText a, ReportText b) =>
        (1 - MeaningShare) * a.Wording(b) + MeaningShare * a.Meaning(b);

    public static bool SaysTheSame(ReportText a, ReportText b) =>
        !a.Differs(b) && Score(a, b) >= Threshold;

    public static bool WithinReach(DuplicateWindow window, double meters, double hours) =>
        window.RadiusMeters > 0 && window.WindowHours > 0 && meters <= Math.Min(window.RadiusMeters, DuplicateWindow.MaxRadiusMeters) && hours >= -0.01 && hours <= window.WindowHours;

    private const double EarthRadiusMeters = 6_371_000;

    /// <summary>Metres between two WGS 84 points (equirectangular: exact enough below a kilometre).</summary>
    public static double Meters(double lon1, double lat1, double lon2, double lat2)
    {
        var x = (lon2 - lon1) * Math.PI / 180 * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = (lat2 - lat1) * Math.PI / 180;
        return Math.Sqrt(x * x + y * y) * EarthRadiusMeters;
    }

    /// <summary>Cells are 0.001° square (about 111 m north–south, 96 m east–west at 30° N).</summary>
    private const double CellDegrees = 0.001;

    /// <summary>The cell of a point: cases are indexed by it with their report time.</summary>
    public static long Cell(double lon, double lat) => Cell((long)Math.Floor(lon / CellDegrees), (long)Math.Floor(lat / CellDegrees));

    /// <summary>
    /// The cells that hold every point within <paramref name="radiusMeters"/> of the point (at most
    /// <see cref="DuplicateWindow.MaxRadiusMeters"/>): those the box around that circle overlaps,
    /// usually four for the default 50 m. Fewer cells are fewer open cases read per report, which
    /// is what the duplicate check costs once a busy day has filled the neighbourhood.
    /// </summary>
    public static IEnumerable<long> Neighbourhood(double lon, double lat, double radiusMeters)
    {
        // 1 % wider, so that a point Meters puts exactly on the radius is never lost to rounding.
        var radius = Math.Clamp(radiusMeters, 1, DuplicateWindow.MaxRadiusMeters) * 1.01;
        var dLat = radius / MetresPerDegree;
        // Meters measures east–west at the mean latitude of the two points: the narrowest is the one farther from the equator.
        var dLon = radius / (MetresPerDegree * Math.Max(0.2, Math.Cos((Math.Abs(lat) + dLat) * Math.PI / 180)));
        var (x0, x1) = ((long)Math.Floor((lon - dLon) / CellDegrees), (long)Math.Floor((lon + dLon) / CellDegrees));
        var (y0, y1) = ((long)Math.Floor((lat - dLat) / CellDegrees), (long)Math.Floor((lat + dLat) / CellDegrees));
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                yield return Cell(x, y);
            }
        }
    }

    /// <summary>Metres per degree of latitude on the sphere <see cref="Meters"/> uses.</summary>
    private const double MetresPerDegree = EarthRadiusMeters * Math.PI / 180;

    private static long Cell(long x, long y) => (x + 1_000_000) * 10_000_000 + (y + 1_000_000);
}
