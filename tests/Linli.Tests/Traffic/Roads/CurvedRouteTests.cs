using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Roads;
using NetTopologySuite.Geometries;

namespace Linli.Tests.Traffic.Roads;

/// <summary>
/// Stake ↔ point on a curved carriageway: a 30 km arc of a 20 km radius circle, then an S-bend of two
/// 3 km radius arcs. The expected distances along the road come from the true curve sampled every metre
/// with the haversine formula, independently of RouteLine's vertices.
/// </summary>
public sealed class CurvedRouteTests
{
    private const double EarthRadius = 6_371_008.8;
    private const double Start = 100_000; // the line's first vertex is K100+000

    /// <summary>The true curve: a point for a parameter s in [0, 1] along the arc and the S-bend.</summary>
    private static (double Lon, double Lat) Curve(double s)
    {
        // 0..0.7: the big arc (20 km radius around a centre 20 km south of the start), 0.7..0.85: left bend, 0.85..1: right bend.
        const double lon0 = 120.05, lat0 = 30.32;
        var centre = Destination(lon0, lat0, 180, 20_000);
        if (s <= 0.7)
        {
            // Clockwise from north of the centre: bearing 0 → 1.5 rad (30 km of arc).
            return Destination(centre.Lon, centre.Lat, Degrees(1.5 * s / 0.7), 20_000);
        }
        var end = Destination(centre.Lon, centre.Lat, Degrees(1.5), 20_000);
        var heading = Degrees(1.5) + 90; // tangent of a clockwise circle
        if (s <= 0.85)
        {
            var turn = 1.2 * (s - 0.7) / 0.15; // radians turned left on a 3 km radius
            var c = Destination(end.Lon, end.Lat, heading - 90, 3_000);
            return Destination(c.Lon, c.Lat, heading + 90 - Degrees(turn), 3_000);
        }
        var leftEnd = Curve(0.85);
        var heading2 = heading - Degrees(1.2);
        var turn2 = 1.2 * (s - 0.85) / 0.15;
        var c2 = Destination(leftEnd.Lon, leftEnd.Lat, heading2 + 90, 3_000);
        return Destination(c2.Lon, c2.Lat, heading2 - 90 + Degrees(turn2), 3_000);
    }

    private static readonly Lazy<(double[] S, double[] Along)> Dense = new(() =>
    {
        const int n = 60_000;
        var s = new double[n + 1];
        var along = new double[n + 1];
        var previous = Curve(0);
        for (var i = 1; i <= n; i++)
        {
            s[i] = (double)i / n;
            var p = Curve(s[i]);
            along[i] = along[i - 1] + Haversine(previous, p);
            previous = p;
        }
        return (s, along);
    });

    private static double ExpectedAlong(double s) => Dense.Value.Along[(int)Math.Round(s * (Dense.Value.S.Length - 1))];

    private static LineString Drawn(bool reversed = false)
    {
        var points = Enumerable.Range(0, 1_201).Select(i => Curve(i / 1_200.0)).Select(p => new Coordinate(p.Lon, p.Lat)).ToArray();
        return Wgs84.Factory.CreateLineString(reversed ? [.. points.Reverse()] : points);
    }

    private static RouteLine Up(LineString line) => new(line, [new StakeMark(0, Start), new StakeMark(Length(line), Start + Length(line))]);

    private static double Length(LineString line) =>
        Enumerable.Range(1, line.NumPoints - 1).Sum(i => Haversine((line[i - 1].X, line[i - 1].Y), (line[i].X, line[i].Y)));

    [Fact]
    public void The_curve_is_long_enough_to_matter()
    {
        var total = Dense.Value.Along[^1];
        Assert.InRange(total, 36_000, 38_500);
        // On a flat projection of this length a naive chord would be far off: the arc bends 86°.
        Assert.True(Haversine(Curve(0), Curve(0.7)) < 28_000);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.33)]
    [InlineData(0.69)]
    [InlineData(0.78)]
    [InlineData(0.93)]
    public void A_point_on_the_curve_gives_its_stake_and_the_stake_gives_the_point_within_ten_metres(double s)
    {
        var route = Up(Drawn());
        var truth = Curve(s);
        var expected = Start + ExpectedAlong(s);
        var at = route.Project(truth.Lon, truth.Lat);
        Assert.InRange(at.StakeMeters, expected - 10, expected + 10);
        Assert.True(at.OffsetMeters < 1, $"{at.OffsetMeters} m off");
        var point = route.PointAtStake(expected)!;
        Assert.True(Haversine(truth, (point.X, point.Y)) < 10, $"{Haversine(truth, (point.X, point.Y))} m from the true point");
    }

    [Theory]
    [InlineData(0.2, 90)]
    [InlineData(0.5, -90)]
    [InlineData(0.8, 90)]
    [InlineData(0.9, -90)]
    public void A_point_forty_metres_off_the_curve_snaps_to_the_right_stake_and_says_how_far_off_it_is(double s, double side)
    {
        var route = Up(Drawn());
        var truth = Curve(s);
        var ahead = Curve(s + 0.0005);
        var bearing = Bearing(truth, ahead);
        var off = Destination(truth.Lon, truth.Lat, bearing + side, 40);
        var at = route.Project(off.Lon, off.Lat);
        var expected = Start + ExpectedAlong(s);
        Assert.InRange(at.StakeMeters, expected - 10, expected + 10);
        Assert.InRange(at.OffsetMeters, 38, 42);
        Assert.True(Haversine(truth, (at.Lon, at.Lat)) < 10);
    }

    [Fact]
    public void Calibration_marks_shift_the_stakes_between_them_and_the_points_follow()
    {
        var line = Drawn();
        var length = Length(line);
        // The stakes run 200 m long over the first 20 km (a re-alignment shortened the road), then metre for metre.
        var route = new RouteLine(line, [new StakeMark(0, Start), new StakeMark(20_000, Start + 20_200), new StakeMark(length, Start + 20_200 + length - 20_000)]);
        var s = Dense.Value.Along.Select((a, i) => (a, i)).First(x => x.a >= 10_000).i / (double)(Dense.Value.S.Length - 1);
        var truth = Curve(s);
        Assert.InRange(route.Project(truth.Lon, truth.Lat).StakeMeters, Start + 10_100 - 10, Start + 10_100 + 10);
        var point = route.PointAtStake(Start + 10_100)!;
        Assert.True(Haversine(truth, (point.X, point.Y)) < 10);
        Assert.Equal(Start + 20_200 + 5_000, route.StakeAt(25_000), 3);
    }

    [Fact]
    public void On_the_down_carriageway_the_stakes_fall_in_the_direction_of_travel()
    {
        var line = Drawn(reversed: true);
        var length = Length(line);
        var end = Start + length;
        var down = new RouteLine(line, [new StakeMark(0, end), new StakeMark(length, Start)]);
        Assert.False(down.StakesRise);
        Assert.Equal(end, down.FirstStake, 3);
        foreach (var s in new[] { 0.1, 0.6, 0.8 })
        {
            var truth = Curve(s);
            var expected = Start + ExpectedAlong(s);
            Assert.InRange(down.Project(truth.Lon, truth.Lat).StakeMeters, expected - 10, expected + 10);
            var point = down.PointAtStake(expected)!;
            Assert.True(Haversine(truth, (point.X, point.Y)) < 10);
        }
        Assert.Null(down.PointAtStake(Start - 100));
        Assert.Null(down.PointAtStake(end + 100));
    }

    private static double Degrees(double radians) => radians * 180 / Math.PI;

    private static (double Lon, double Lat) Destination(double lon, double lat, double bearingDegrees, double meters)
    {
        var (φ1, λ1, θ, δ) = (lat * Math.PI / 180, lon * Math.PI / 180, bearingDegrees * Math.PI / 180, meters / EarthRadius);
        var φ2 = Math.Asin(Math.Sin(φ1) * Math.Cos(δ) + Math.Cos(φ1) * Math.Sin(δ) * Math.Cos(θ));
        var λ2 = λ1 + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ1), Math.Cos(δ) - Math.Sin(φ1) * Math.Sin(φ2));
        return (λ2 * 180 / Math.PI, φ2 * 180 / Math.PI);
    }

    private static double Bearing((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        var (φ1, φ2, Δλ) = (a.Lat * Math.PI / 180, b.Lat * Math.PI / 180, (b.Lon - a.Lon) * Math.PI / 180);
        return Degrees(Math.Atan2(Math.Sin(Δλ) * Math.Cos(φ2), Math.Cos(φ1) * Math.Sin(φ2) - Math.Sin(φ1) * Math.Cos(φ2) * Math.Cos(Δλ)));
    }

    private static double Haversine((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        var (φ1, φ2) = (a.Lat * Math.PI / 180, b.Lat * Math.PI / 180);
        var (dφ, dλ) = (φ2 - φ1, (b.Lon - a.Lon) * Math.PI / 180);
        var h = Math.Sin(dφ / 2) * Math.Sin(dφ / 2) + Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(dλ / 2) * Math.Sin(dλ / 2);
        return 2 * EarthRadius * Math.Asin(Math.Sqrt(h));
    }
}
