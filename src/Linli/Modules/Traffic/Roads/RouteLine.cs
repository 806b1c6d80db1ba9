using Linli.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;

namespace Linli.Modules.Traffic.Roads;

/// <summary>A calibration point: this far along the line (metres) stands this stake (metres).</summary>
public sealed record StakeMark(double Along, double Stake);

/// <summary>Where a point falls on a line: metres along it, the stake there, the nearest point on the line and how far off it lies.</summary>
public sealed record LinePosition(double AlongMeters, double StakeMeters, double Lon, double Lat, double OffsetMeters);

/// <summary>
/// Linear referencing on one carriageway. NetTopologySuite's <see cref="LocationIndexedLine"/> finds
/// the nearest point as (segment, fraction) on the line with longitude scaled by cos(latitude), so
/// that perpendiculars are true near the line; distances along it are great-circle metres per
/// segment, so a 50 km route keeps metre accuracy where a flat projection would drift by hundreds.
/// Stakes are interpolated between calibration marks, and extrapolated past the last ones.
/// </summary>
public sealed class RouteLine
{
    private readonly LineString _scaled;
    private readonly LocationIndexedLine _index;
    private readonly double _lonScale;
    private readonly double[] _cumulative;
    private readonly double[] _segment;
    private readonly StakeMark[] _marks;

    public RouteLine(LineString line, IReadOnlyList<StakeMark> marks)
    {
        if (line.NumPoints < 2)
        {
            throw new ArgumentException("A route line needs at least two points.", nameof(line));
        }
        var coordinates = line.Coordinates;
        _lonScale = Math.Cos(coordinates.Average(c => c.Y) * Math.PI / 180);
        _scaled = Wgs84.Factory.CreateLineString(coordinates.Select(c => new Coordinate(c.X * _lonScale, c.Y)).ToArray());
        _index = new LocationIndexedLine(_scaled);
        _segment = new double[coordinates.Length - 1];
        _cumulative = new double[coordinates.Length];
        for (var i = 0; i < _segment.Length; i++)
        {
            _segment[i] = Wgs84.DistanceMeters(coordinates[i].X, coordinates[i].Y, coordinates[i + 1].X, coordinates[i + 1].Y);
            _cumulative[i + 1] = _cumulative[i] + _segment[i];
        }
        _marks = [.. marks.OrderBy(m => m.Along)];
        if (_marks.Length < 2 || !StrictlyMonotonic(_marks))
        {
            throw new ArgumentException("Stake marks need at least two points whose stakes only rise or only fall along the line.", nameof(marks));
        }
        Line = line;
    }

    public LineString Line { get; }

    public double LengthMeters => _cumulative[^1];

    /// <summary>Whether stakes rise in the direction of travel (上行).</summary>
    public bool StakesRise => _marks[^1].Stake > _marks[0].Stake;

    public double FirstStake => StakeAt(0);

    public double LastStake => StakeAt(LengthMeters);

    /// <summary>The nearest point on the line to a GPS point, with its stake.</summary>
    public LinePosition Project(double lon, double lat)
    {
        var location = _index.Project(new Coordinate(lon * _lonScale, lat));
        var along = AlongOf(location);
        var snapped = Unscale(location.GetCoordinate(_scaled));
        return new LinePosition(along, StakeAt(along), snapped.X, snapped.Y, Wgs84.DistanceMeters(lon, lat, snapped.X, snapped.Y));
    }

    /// <summary>The point this many metres along the line (clamped to its ends).</summary>
    public Coordinate PointAlong(double along)
    {
        along = Math.Clamp(along, 0, LengthMeters);
        var i = Array.BinarySearch(_cumulative, along);
        if (i < 0)
        {
            i = ~i - 1;
        }
        i = Math.Clamp(i, 0, _segment.Length - 1);
        var fraction = _segment[i] > 0 ? (along - _cumulative[i]) / _segment[i] : 0;
        return Unscale(_index.ExtractPoint(new LinearLocation(i, Math.Clamp(fraction, 0, 1))));
    }

    /// <summary>The point of a stake, or null when the stake lies off this line's stretch.</summary>
    public Coordinate? PointAtStake(double stake)
    {
        var (low, high) = StakesRise ? (FirstStake, LastStake) : (LastStake, FirstStake);
        // Half a metre of slack: a stake written to the metre at either end still belongs to the line.
        return stake < low - 0.5 || stake > high + 0.5 ? null : PointAlong(AlongAtStake(stake));
    }

    public double StakeAt(double along)
    {
        var k = SegmentOf(_marks.Select(m => m.Along).ToArray(), along);
        var (a, b) = (_marks[k], _marks[k + 1]);
        return a.Stake + (along - a.Along) * (b.Stake - a.Stake) / (b.Along - a.Along);
    }

    public double AlongAtStake(double stake)
    {
        var stakes = _marks.Select(m => m.Stake).ToArray();
        var ordered = StakesRise ? stakes : [.. stakes.Select(s => -s)];
        var k = SegmentOf(ordered, StakesRise ? stake : -stake);
        var (a, b) = (_marks[k], _marks[k + 1]);
        return a.Along + (stake - a.Stake) * (b.Along - a.Along) / (b.Stake - a.Stake);
    }

    private double AlongOf(LinearLocation location)
    {
        var i = location.SegmentIndex;
        return i >= _segment.Length ? LengthMeters : _cumulative[i] + location.SegmentFraction * _segment[i];
    }

    private Coordinate Unscale(Coordinate c) => new(c.X / _lonScale, c.Y);

    /// <summary>The index k of the pair (k, k+1) of an ascending array that brackets the value (the end pairs past either end).</summary>
    private static int SegmentOf(double[] ascending, double value)
    {
        for (var k = 0; k < ascending.Length - 2; k++)
        {
            if (value < ascending[k + 1])
            {
                return k;
            }
        }
        return ascending.Length - 2;
    }

    private static bool StrictlyMonotonic(StakeMark[] marks)
    {
        var rising = marks[^1].Stake > marks[0].Stake;
        for (var i = 1; i < marks.Length; i++)
        {
            if (marks[i].Along <= marks[i - 1].Along || (rising ? marks[i].Stake <= marks[i - 1].Stake : marks[i].Stake >= marks[i - 1].Stake))
            {
                return false;
            }
        }
        return true;
    }
}
