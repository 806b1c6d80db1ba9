using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.DemoCity;
using Linli.Modules.Geography.Index;

namespace Linli.Bench;

/// <summary>The city-scale demo city and a fixed set of query points, built once per process.</summary>
internal static class CityFixture
{
    public const int PointCount = 100_000;

    private static readonly Lazy<(List<RegionDraft> Regions, RegionIndex Index, (double Lon, double Lat)[] Points)> Built = new(Build);

    public static List<RegionDraft> Regions => Built.Value.Regions;
    public static RegionIndex Index => Built.Value.Index;

    /// <summary>Where reports come from: uniformly inside randomly chosen grids' envelopes (so some miss).</summary>
    public static (double Lon, double Lat)[] Points => Built.Value.Points;

    private static (List<RegionDraft>, RegionIndex, (double, double)[]) Build()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var regions = new DemoCityGenerator(DemoScale.City).Generate().ToList();
        var index = RegionIndex.Build(regions.Select(r => new IndexedRegion(r.Code, r.Name, r.Level, r.ParentCode, r.Geometry)), 1);
        var grids = regions.Where(r => r.Level == RegionLevel.Grid).ToList();
        var random = new Random(42);
        var points = new (double, double)[PointCount];
        for (var i = 0; i < points.Length; i++)
        {
            var envelope = grids[random.Next(grids.Count)].Geometry.EnvelopeInternal;
            points[i] = (envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height);
        }
        Console.WriteLine($"// city fixture: {regions.Count} regions, {grids.Count} grids, {points.Length} points in {started.Elapsed.TotalSeconds:0.0} s");
        return (regions, index, points);
    }
}
