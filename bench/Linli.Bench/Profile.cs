namespace Linli.Bench;

/// <summary>
/// <c>Linli.Bench profile</c>: a quick check, outside BenchmarkDotNet, that the cell directory and
/// the STRtree agree on every point, with rough per-lookup times of each.
/// </summary>
internal static class Profile
{
    public static void Run()
    {
        var index = CityFixture.Index;
        var points = CityFixture.Points;
        var disagreements = 0;
        foreach (var (x, y) in points)
        {
            if (index.FindContainingGrid(x, y)?.Code != index.FindContainingGridByTree(x, y)?.Code)
            {
                disagreements++;
            }
        }
        Console.WriteLine($"directory and STRtree disagree on {disagreements} of {points.Length} points");
        for (var round = 0; round < 3; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (x, y) in points)
            {
                index.FindContainingGridByTree(x, y);
            }
            var tree = watch.Elapsed.TotalMicroseconds / points.Length;
            watch.Restart();
            foreach (var (x, y) in points)
            {
                index.FindContainingGrid(x, y);
            }
            Console.WriteLine($"STRtree + prepared: {tree:0.000} µs; directory: {watch.Elapsed.TotalMicroseconds / points.Length:0.000} µs per lookup");
        }
    }
}
