using Linli.Modules.Cases.Duplicates;

namespace Linli.Tests.Cases;

/// <summary>The cells the duplicate check reads must hold every case within reach, and few others.</summary>
public sealed class DuplicateCellsTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(120)]
    [InlineData(500)]
    public void Every_point_within_the_radius_lies_in_one_of_the_cells(double radius)
    {
        var random = new Random(5);
        foreach (var lat in new[] { 0.0, 22.5, 30.31, 45.8, 60.1, -33.9 })
        {
            for (var i = 0; i < 2_000; i++)
            {
                var lon = 100 + random.NextDouble();
                var here = lat + random.NextDouble() * 0.01;
                var cells = DuplicateRules.Neighbourhood(lon, here, radius).ToHashSet();
                // A point on the circle (the hardest case), in a random direction.
                var angle = random.NextDouble() * 2 * Math.PI;
                var (otherLon, otherLat) = PointAt(lon, here, radius * 0.999, angle);
                Assert.True(DuplicateRules.Meters(lon, here, otherLon, otherLat) <= radius);
                Assert.Contains(DuplicateRules.Cell(otherLon, otherLat), cells);
            }
        }
    }

    [Fact]
    public void The_default_radius_reads_at_most_six_cells_and_four_on_average()
    {
        var random = new Random(7);
        var counts = Enumerable.Range(0, 5_000)
            .Select(_ => DuplicateRules.Neighbourhood(120 + random.NextDouble(), 30 + random.NextDouble(), DuplicateWindow.Default.RadiusMeters).Count())
            .ToList();
        Assert.True(counts.Max() <= 6, $"at most {counts.Max()} cells");
        Assert.InRange(counts.Average(), 3.0, 4.5);
    }

    /// <summary>The point <paramref name="meters"/> away in the direction, found by bisection on <see cref="DuplicateRules.Meters"/>.</summary>
    private static (double Lon, double Lat) PointAt(double lon, double lat, double meters, double angle)
    {
        double low = 0, high = 0.02;
        for (var step = 0; step < 60; step++)
        {
            var mid = (low + high) / 2;
            var d = DuplicateRules.Meters(lon, lat, lon + mid * Math.Cos(angle), lat + mid * Math.Sin(angle));
            (low, high) = d < meters ? (mid, high) : (low, mid);
        }
        return (lon + low * Math.Cos(angle), lat + low * Math.Sin(angle));
    }
}
