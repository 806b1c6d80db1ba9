namespace Linli.Modules.Inspections.Indicators;

/// <summary>
/// Nearest-rank percentiles: the P-th percentile of N values sorted ascending is the value at
/// rank ⌈P/100 × N⌉ (1-based). It is always a value that occurred, which is what a manager checks
/// against a ticket. The median is the 50th: the middle value for an odd count, the lower of the
/// two middle values for an even count (e.g. 10, 20, 30, 40 → 20); P90 of 1…10 is 9.
/// </summary>
internal static class Percentiles
{
    public static double? NearestRank(IReadOnlyList<double> values, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        // Integer arithmetic keeps ⌈P×N/100⌉ exact (0.9 × 10 is not quite 9 in floating point).
        var rank = (percent * sorted.Count + 99) / 100;
        return sorted[Math.Max(rank, 1) - 1];
    }
}
