using System.Reflection;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Linli.Modules.Geography.ImportRegions;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;

namespace Linli.Modules.Geography.DemoCity;

public enum DemoScale
{
    /// <summary>About 1,500 grids: ready in seconds.</summary>
    Demo,

    /// <summary>About 20,000 grids and 300,000 buildings: a city like Hangzhou.</summary>
    City,
}

/// <summary>A region the generator produced, before it is stored or written out.</summary>
internal sealed record RegionDraft(string Code, string Name, RegionLevel Level, string? ParentCode, Geometry Geometry, int? Households);

/// <summary>
/// Builds a deterministic city (fixed seed) on the real outlines of Hangzhou's districts: streets,
/// communities, grids of 300-500 households and buildings, denser towards the centre. Districts are
/// cut with <see cref="VoronoiPartition"/>, codes follow DOMAIN.md §1 (grids numbered west→east,
/// then north→south), names are real where the plan names them and plausible elsewhere.
/// </summary>
internal sealed class DemoCityGenerator(DemoScale scale, int seed = DemoCityGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20_260_101;
    public const string CityCode = "330100";
    public const string CityName = "杭州市";

    /// <summary>West Lake's east shore: the centre that density falls away from.</summary>
    private static readonly Coordinate Centre = new(120.165, 30.262);

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _usedNames = [];

    private (int Streets, int Communities, int Grids, int MinBuildings, int MaxBuildings) Targets => scale switch
    {
        DemoScale.City => (190, 3_000, 20_000, 11, 21),
        _ => (55, 280, 1_500, 6, 10),
    };

    public IEnumerable<RegionDraft> Generate()
    {
        var districts = LoadDistricts();
        var city = UnaryUnionOp.Union(districts.Select(d => d.Geometry).ToList());
        yield return new RegionDraft(CityCode, CityName, RegionLevel.City, null, VoronoiPartition.Polygonal(city)!, null);
        foreach (var district in districts)
        {
            yield return new RegionDraft(district.Code, district.Name, RegionLevel.District, CityCode, district.Geometry, null);
        }

        var targets = Targets;
        var streetCounts = Distribute(targets.Streets, districts.Select(d => d.Geometry).ToList(), 3);
        var communityTotal = targets.Communities;
        var gridTotal = targets.Grids;
        var totalArea = districts.Sum(d => Weight(d.Geometry));
        for (var i = 0; i < districts.Count; i++)
        {
            var district = districts[i];
            // Share communities and grids by the same urban weight, so central districts get small ones.
            var share = Weight(district.Geometry) / totalArea;
            foreach (var draft in GenerateDistrict(district, streetCounts[i],
                Math.Max(streetCounts[i] * 2, (int)Math.Round(communityTotal * share)),
                (int)Math.Round(gridTotal * share), targets.MinBuildings, targets.MaxBuildings))
            {
                yield return draft;
            }
        }
    }

    private IEnumerable<RegionDraft> GenerateDistrict(RegionDraft district, int streetCount, int communityCount, int gridCount,
        int minBuildings, int maxBuildings)
    {
        var streets = Ordered(VoronoiPartition.Split(district.Geometry, streetCount, _random, Density));
        var urban = UrbanFactor(district.Geometry.InteriorPoint.Coordinate) >= 0.5;
        // In a county, the streets nearest its seat are 街道; the rest are towns (镇).
        var seat = district.Geometry.InteriorPoint;
        var townCutoff = urban ? double.MaxValue
            : streets.Select(s => s.Distance(seat)).OrderBy(d => d).ElementAt(Math.Min(streets.Count - 1, Math.Max(0, streets.Count / 4)));
        var realStreets = new Queue<string>(ChineseNames.Streets.GetValueOrDefault(district.Code, []));
        var realTowns = new Queue<string>(ChineseNames.Towns.GetValueOrDefault(district.Code, []));
        var realCommunities = new Queue<string>(ChineseNames.Communities.GetValueOrDefault(district.Code, []));
        var communityCounts = Distribute(communityCount, streets, 2);
        var gridsPerCommunity = (double)gridCount / Math.Max(1, communityCount);
        int streetSeq = 0, townSeq = 0;
        for (var s = 0; s < streets.Count; s++)
        {
            var isTown = streets[s].Distance(seat) > townCutoff;
            var code = district.Code + (isTown ? 100 + townSeq++ : ++streetSeq).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var name = isTown
                ? Take(realTowns) ?? UniqueName("镇")
                : Take(realStreets) ?? UniqueName("街道");
            yield return new RegionDraft(code, name, RegionLevel.Street, district.Code, streets[s], null);
            foreach (var draft in GenerateStreet(code, isTown, streets[s], communityCounts[s], gridsPerCommunity, realCommunities, minBuildings, maxBuildings))
            {
                yield return draft;
            }
        }
    }

    private IEnumerable<RegionDraft> GenerateStreet(string streetCode, bool isTown, Geometry street, int communityCount,
        double gridsPerCommunity, Queue<string> realCommunities, int minBuildings, int maxBuildings)
    {
        var communities = Ordered(VoronoiPartition.Split(street, communityCount, _random, Density));
        var gridCounts = Distribute((int)Math.Round(gridsPerCommunity * communities.Count), communities, 2);
        int residentSeq = 0, villageSeq = 0;
        for (var c = 0; c < communities.Count; c++)
        {
            // A town's centre is a residents' community; its countryside is villages (村).
            var isVillage = isTown && c > 0 && UrbanFactor(communities[c].Centroid.Coordinate) < 0.3;
            var code = streetCode + (isVillage ? 200 + villageSeq++ : ++residentSeq).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var name = isVillage ? UniqueName("村") : Take(realCommunities) ?? UniqueName("社区");
            yield return new RegionDraft(code, name, RegionLevel.Community, streetCode, communities[c], null);
            var grids = Ordered(VoronoiPartition.Split(communities[c], gridCounts[c], _random, Density));
            for (var g = 0; g < grids.Count; g++)
            {
                var gridCode = code + (g + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
                var households = _random.Next(300, 501);
                var gridName = isVillage
                    ? $"{name}第{ChineseNames.Ordinal(g + 1)}网格"
                    : UniqueName(ChineseNames.CompoundSuffixes[_random.Next(ChineseNames.CompoundSuffixes.Length)]);
                yield return new RegionDraft(gridCode, gridName, RegionLevel.Grid, code, grids[g], households);
                var buildings = BuildingPlacer.Place(grids[g], _random.Next(minBuildings, maxBuildings + 1), _random);
                for (var b = 0; b < buildings.Count; b++)
                {
                    var perBuilding = households / buildings.Count + (b < households % buildings.Count ? 1 : 0);
                    yield return new RegionDraft(gridCode + (b + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                        isVillage ? $"{name}{b + 1}号" : $"{gridName}{b + 1}幢",
                        RegionLevel.Building, gridCode, buildings[b], perBuilding);
                }
            }
        }
    }

    /// <summary>Numbering order of DOMAIN.md §1: rows from north to south, west to east within a row.</summary>
    private static List<Geometry> Ordered(List<Geometry> pieces)
    {
        if (pieces.Count <= 1)
        {
            return pieces;
        }
        var envelope = new Envelope();
        foreach (var piece in pieces)
        {
            envelope.ExpandToInclude(piece.EnvelopeInternal);
        }
        var rowHeight = Math.Max(envelope.Height / Math.Max(1, Math.Round(Math.Sqrt(pieces.Count))), 1e-9);
        return pieces
            .Select(p => (Piece: p, Centre: p.InteriorPoint.Coordinate))
            .OrderBy(p => Math.Floor((envelope.MaxY - p.Centre.Y) / rowHeight))
            .ThenBy(p => p.Centre.X)
            .Select(p => p.Piece)
            .ToList();
    }

    /// <summary>Shares <paramref name="total"/> among areas by urban weight, at least <paramref name="minimum"/> each.</summary>
    private static int[] Distribute(int total, List<Geometry> areas, int minimum)
    {
        var weights = areas.Select(Weight).ToArray();
        var sum = weights.Sum();
        return weights.Select(w => Math.Max(minimum, (int)Math.Round(total * w / sum))).ToArray();
    }

    /// <summary>More pieces where the city is dense: urban factor times a damped share of the area.</summary>
    private static double Weight(Geometry area) =>
        (0.15 + 2 * UrbanFactor(area.InteriorPoint.Coordinate)) * Math.Pow(Math.Max(area.Area, 1e-9), 0.55);

    private static double UrbanFactor(Coordinate c) =>
        Math.Exp(-GeoMath.DistanceMeters(c.X, c.Y, Centre.X, Centre.Y) / 15_000);

    private static double Density(double lon, double lat) =>
        0.3 + 0.7 * Math.Exp(-GeoMath.DistanceMeters(lon, lat, Centre.X, Centre.Y) / 20_000);

    private static string? Take(Queue<string> names) => names.Count > 0 ? names.Dequeue() : null;

    private string UniqueName(string suffix)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = ChineseNames.First[_random.Next(ChineseNames.First.Length)]
                       + ChineseNames.Second[_random.Next(ChineseNames.Second.Length)]
                       + (attempt > 20 ? ChineseNames.Ordinal(attempt % 9 + 1) : "")
                       + suffix;
            if (_usedNames.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>The 2017 district outlines, repaired (MakeValid) and made disjoint.</summary>
    private static List<RegionDraft> LoadDistricts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Linli.DemoCity.hangzhou-districts-2017.geojson")
            ?? throw new InvalidOperationException("The district outlines are not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var features = GeoJsonFeatureReader.Read(memory.ToArray());
        var districts = new List<RegionDraft>();
        Geometry? taken = null;
        foreach (var feature in features.OrderBy(f => f.Code, StringComparer.Ordinal))
        {
            var geometry = GeometryFixer.Fix(feature.Geometry!);
            if (taken is not null)
            {
                // Neighbouring outlines were drawn independently; the earlier code keeps the overlap.
                geometry = OverlayNGRobust.Overlay(geometry, taken, SpatialFunction.Difference);
            }
            var clean = VoronoiPartition.Polygonal(geometry)!;
            taken = taken is null ? clean : OverlayNGRobust.Overlay(taken, clean, SpatialFunction.Union);
            districts.Add(new RegionDraft(feature.Code!, feature.Name!, RegionLevel.District, CityCode, clean, null));
        }
        return districts;
    }
}
