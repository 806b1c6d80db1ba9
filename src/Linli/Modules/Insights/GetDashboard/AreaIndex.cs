using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>
/// Finds the area a grid belongs to by its code (a child's code starts with its parent's), with a
/// few dictionary probes per grid instead of comparing every grid with every area: a city has
/// twenty thousand grids and the big screen asks every minute.
/// </summary>
internal sealed class AreaIndex
{
    private readonly Dictionary<string, string> _byPrefix;
    private readonly int[] _lengths;

    public AreaIndex(IEnumerable<string> areaCodes)
    {
        _byPrefix = areaCodes.ToDictionary(RegionScope.Prefix, c => c);
        _lengths = _byPrefix.Keys.Select(k => k.Length).Distinct().OrderByDescending(l => l).ToArray();
    }

    public string? AreaOf(string gridCode)
    {
        foreach (var length in _lengths)
        {
            if (length <= gridCode.Length && _byPrefix.TryGetValue(gridCode[..length], out var area))
            {
                return area;
            }
        }
        return null;
    }

    /// <summary>Sums a per-grid figure per area; areas without any grid get nothing (callers default to 0).</summary>
    public Dictionary<string, long> Sum<T>(IEnumerable<T> perGrid, Func<T, string> grid, Func<T, long> value)
    {
        var sums = new Dictionary<string, long>();
        foreach (var item in perGrid)
        {
            if (AreaOf(grid(item)) is { } area)
            {
                sums[area] = sums.GetValueOrDefault(area) + value(item);
            }
        }
        return sums;
    }
}
