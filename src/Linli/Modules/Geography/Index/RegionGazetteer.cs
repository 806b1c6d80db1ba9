namespace Linli.Modules.Geography.Index;

/// <summary>
/// Places an address by the names Linli gives its own regions: "康桥社区青桥府3幢门口" names the
/// building 青桥府3幢. The most specific region named wins; when several regions share that name,
/// the other names in the address (an ancestor's) decide, and if nothing does, nothing is guessed.
/// Linli has no street-address geocoder; this is for the names people in the city actually use.
/// </summary>
internal sealed class RegionGazetteer
{
    private const int ShortestName = 2;

    private readonly Dictionary<string, List<IndexedRegion>> _byName = new(StringComparer.Ordinal);
    private readonly int _longestName;

    public RegionGazetteer(IEnumerable<IndexedRegion> regions)
    {
        foreach (var region in regions)
        {
            var name = Normalise(region.Name);
            if (name.Length < ShortestName)
            {
                continue;
            }
            if (!_byName.TryGetValue(name, out var named))
            {
                _byName[name] = named = [];
            }
            named.Add(region);
            _longestName = Math.Max(_longestName, name.Length);
        }
    }

    public IndexedRegion? Find(string address)
    {
        var text = Normalise(address);
        var named = new HashSet<IndexedRegion>();
        for (var start = 0; start < text.Length; start++)
        {
            for (var length = Math.Min(_longestName, text.Length - start); length >= ShortestName; length--)
            {
                if (_byName.TryGetValue(text.Substring(start, length), out var regions))
                {
                    named.UnionWith(regions);
                }
            }
        }
        if (named.Count == 0)
        {
            return null;
        }
        // The levels count down from the city, so the highest is the most specific.
        var finest = named.Max(r => r.Level);
        var candidates = named.Where(r => r.Level == finest).ToList();
        if (candidates.Count > 1)
        {
            // 3幢 is in many grids; the grid or community also named in the address says which.
            candidates = candidates.Where(c => named.Any(other => other != c && IsAncestor(other, c))).ToList();
        }
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static bool IsAncestor(IndexedRegion ancestor, IndexedRegion region)
    {
        for (var up = region.Parent; up is not null; up = up.Parent)
        {
            if (up == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    private static string Normalise(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}
