namespace Linli.Modules.Traffic.Board.Indicators;

/// <summary>
/// Nearest-rank percentiles, as the inspection indicators use: the P-th percentile of N values sorted
/// ascending is the value at rank ⌈P/100 × N⌉ (1-based), always a time that occurred. The median of
/// an even count is the lower middle value (10, 20, 30, 40 → 20); P90 of 1…10 is 9.
/// </summary>
internal static class NearestRank
{
    public static double? Of(IReadOnlyList<double> values, int percent)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        // Integer arithmetic keeps ⌈P×N/100⌉ exact.
        var rank = (percent * sorted.Count + 99) / 100;
        return sorted[Math.Max(rank, 1) - 1];
    }
}
