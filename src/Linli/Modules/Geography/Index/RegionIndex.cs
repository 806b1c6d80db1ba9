using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace Linli.Modules.Geography.Index;

/// <summary>
/// An immutable snapshot of the region tree for point lookups: an STRtree over the grids with
/// prepared point locators, and each grid's micro-grids and buildings. Replaced as a whole when
/// the tree changes, so readers never see a half-built index.
/// </summary>
internal sealed class RegionIndex
{
    /// <summary>A point outside every grid but this close to one is given that grid, marked approximate.</summary>
    public const double SnapDistanceMeters = 50;

    private readonly Dictionary<string, IndexedRegion> _byCode;
    private readonly STRtree<IndexedRegion> _grids;
    private readonly GridDirectory _directory;
    // Children by parent code, in code order ("" holds the tops): dashboards and outlines walk the
    // tree level by level, and a city-scale tree has some 300,000 regions to scan otherwise.
    private readonly Dictionary<string, IndexedRegion[]> _children;

    [ThreadStatic] private static ContainingGridFinder? t_finder;

    private RegionIndex(Dictionary<string, IndexedRegion> byCode, STRtree<IndexedRegion> grids, GridDirectory directory, long version)
    {
        _byCode = byCode;
        _children = ChildrenByParent(byCode.Values);
        _grids = grids;
        _directory = directory;
        Version = version;
    }

    public long Version { get; }
    public int Count => _byCode.Count;
    public int GridCount => _grids.Count;

    private RegionGazetteer? _gazetteer;

    public static RegionIndex Empty { get; } = Build([], -1);

    public static RegionIndex Build(IEnumerable<IndexedRegion> regions, long version)
    {
        var byCode = new Dictionary<string, IndexedRegion>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            byCode[region.Code] = region;
        }
        var grids = new STRtree<IndexedRegion>();
        var gridList = new List<IndexedRegion>();
        foreach (var region in byCode.Values)
        {
            if (region.ParentCode is not null && byCode.TryGetValue(region.ParentCode, out var parent))
            {
                region.Parent = parent;
                if (region.Level is RegionLevel.MicroGrid or RegionLevel.Building)
                {
                    (parent.FineChildren ??= []).Add(region);
                }
            }
            if (region.Level == RegionLevel.Grid && region.IsAreal)
            {
                region.PrepareLocator();
                grids.Insert(region.Envelope, region);
                gridList.Add(region);
            }
        }
        grids.Build();
        return new RegionIndex(byCode, grids, GridDirectory.Build(gridList), version);
    }

    public IndexedRegion? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Built on first use: only addresses without coordinates need it.</summary>
    public RegionGazetteer Gazetteer => _gazetteer ??= new RegionGazetteer(_byCode.Values);

    private const string TopsKey = "";

    // A region whose parent is not in the tree is listed under its parent's code and among the tops.
    private static Dictionary<string, IndexedRegion[]> ChildrenByParent(IEnumerable<IndexedRegion> regions)
    {
        var lists = new Dictionary<string, List<IndexedRegion>>(StringComparer.Ordinal);
        void Add(string key, IndexedRegion region)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }
            list.Add(region);
        }
        foreach (var region in regions)
        {
            if (region.ParentCode is not null)
            {
                Add(region.ParentCode, region);
            }
            if (region.Parent is null)
            {
                Add(TopsKey, region);
            }
        }
        return lists.ToDictionary(l => l.Key, l => l.Value.OrderBy(r => r.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The regions directly under <paramref name="code"/> in code order; null: the tops of the tree.</summary>
    public IReadOnlyList<RegionRef> ChildrenOf(string? code) =>
        _children.TryGetValue(code ?? TopsKey, out var children) ? Array.ConvertAll(children, r => r.Ref) : [];

    /// <summary>Buildings anywhere below the region, in code order, found by walking down its subtree.</summary>
    public IEnumerable<IndexedRegion> BuildingsUnder(string code)
    {
        var buildings = new List<IndexedRegion>();
        var pending = new Stack<string>([code]);
        while (pending.Count > 0)
        {
            if (!_children.TryGetValue(pending.Pop(), out var children))
            {
                continue;
            }
            foreach (var child in children)
            {
                if (child.Level == RegionLevel.Building)
                {
                    buildings.Add(child);
                }
                pending.Push(child.Code);
            }
        }
        return buildings.OrderBy(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>The grid whose interior (or else boundary) holds the point; ties go to the lower code.</summary>
    public IndexedRegion? FindContainingGrid(double lon, double lat) => _directory.Find(lon, lat);

    /// <summary>The same answer from the STRtree and the prepared locators alone (kept for comparison).</summary>
    public IndexedRegion? FindContainingGridByTree(double lon, double lat)
    {
        var finder = t_finder ??= new ContainingGridFinder();
        return finder.Find(_grids, lon, lat);
    }

    /// <summary>The nearest grid within <paramref name="maxMeters"/> of the point, with its distance.</summary>
    public (IndexedRegion Grid, double Meters)? FindNearestGrid(double lon, double lat, double maxMeters)
    {
        var dx = GeoMath.LongitudeDegrees(maxMeters, lat);
        var dy = GeoMath.LatitudeDegrees(maxMeters);
        var candidates = _grids.Query(new Envelope(lon - dx, lon + dx, lat - dy, lat + dy));
        var point = Wgs84Point(lon, lat);
        (IndexedRegion Grid, double Meters)? best = null;
        foreach (var grid in candidates)
        {
            var nearest = DistanceOp.NearestPoints(grid.Geometry, point);
            var meters = GeoMath.DistanceMeters(lon, lat, nearest[0].X, nearest[0].Y);
            if (meters <= maxMeters && (best is null || meters < best.Value.Meters
                    || (meters == best.Value.Meters && string.CompareOrdinal(grid.Code, best.Value.Grid.Code) < 0)))
            {
                best = (grid, meters);
            }
        }
        return best;
    }

    /// <summary>The micro-grid and building below a grid that hold the point, if any.</summary>
    public static (IndexedRegion? MicroGrid, IndexedRegion? Building) FindFine(IndexedRegion grid, Coordinate point)
    {
        IndexedRegion? microGrid = null;
        var searchIn = grid;
        if (grid.FineChildren is { } children)
        {
            foreach (var child in children)
            {
                if (child.Level == RegionLevel.MicroGrid && child.Locate(point) != Location.Exterior)
                {
                    microGrid = child;
                    searchIn = child;
                    break;
                }
            }
        }
        return (microGrid, FindBuilding(searchIn, point) ?? (microGrid is null ? null : FindBuilding(grid, point)));
    }

    private static IndexedRegion? FindBuilding(IndexedRegion parent, Coordinate point)
    {
        if (parent.FineChildren is not { } children)
        {
            return null;
        }
        foreach (var child in children)
        {
            if (child.Level == RegionLevel.Building && child.Locate(point) != Location.Exterior)
            {
                return child;
            }
        }
        return null;
    }

    private static Point Wgs84Point(double lon, double lat) =>
        Infrastructure.Persistence.Wgs84.Factory.CreatePoint(new Coordinate(lon, lat));

    /// <summary>An allocation-free STRtree visitor, one per thread.</summary>
    private sealed class ContainingGridFinder : IItemVisitor<IndexedRegion>
    {
        private readonly Envelope _search = new();
        private readonly Coordinate _point = new();
        private IndexedRegion? _interior;
        private IndexedRegion? _boundary;

        public IndexedRegion? Find(STRtree<IndexedRegion> tree, double lon, double lat)
        {
            _point.X = lon;
            _point.Y = lat;
            _search.Init(lon, lon, lat, lat);
            _interior = null;
            _boundary = null;
            tree.Query(_search, this);
            var found = _interior ?? _boundary;
            _interior = null;
            _boundary = null;
            return found;
        }

        public void VisitItem(IndexedRegion item)
        {
            switch (item.Locate(_point))
            {
                case Location.Interior:
                    if (_interior is null || string.CompareOrdinal(item.Code, _interior.Code) < 0)
                    {
                        _interior = item;
                    }
                    break;
                case Location.Boundary:
                    if (_boundary is null || string.CompareOrdinal(item.Code, _boundary.Code) < 0)
                    {
                        _boundary = item;
                    }
                    break;
            }
        }
    }
}
