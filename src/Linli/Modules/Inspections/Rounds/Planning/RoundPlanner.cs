namespace Linli.Modules.Inspections.Rounds.Planning;

/// <summary>A visit waiting for a round: where it is and when it fell due.</summary>
public sealed record PlanVisit(Guid Id, double Lon, double Lat, DateOnly DueOn);

/// <summary>An inspector for the day: where the round starts (the depot, or the last visit done) and how many more visits fit.</summary>
public sealed record PlanInspector(string Name, double StartLon, double StartLat, int Capacity);

public sealed record PlannedRound(string Inspector, double StartLon, double StartLat, IReadOnlyList<PlanVisit> Visits, double DistanceKm);

/// <summary>The rounds, and the visits that did not fit (the least urgent ones).</summary>
public sealed record RoundPlan(IReadOnlyList<PlannedRound> Rounds, IReadOnlyList<PlanVisit> Left);

/// <summary>
/// Plans inspectors' days from the due list, without a database or a routing service: the most
/// urgent visits up to the day's capacity, shared evenly, each inspector taking a compact sector
/// (a sweep by angle around the start points), each round ordered by nearest neighbour and then
/// improved by 2-opt. Deterministic: ties break by id and name, so the same input gives the same
/// rounds on every node.
/// </summary>
public static class RoundPlanner
{
    public static RoundPlan Plan(IReadOnlyList<PlanVisit> visits, IReadOnlyList<PlanInspector> inspectors, DateOnly day, bool improve = true)
    {
        // Overdue visits have the earliest due dates, so "overdue first, then earliest due" is one order.
        var byUrgency = visits.OrderBy(v => v.DueOn < day ? 0 : 1).ThenBy(v => v.DueOn).ThenBy(v => v.Id).ToList();
        var crew = inspectors.Where(i => i.Capacity > 0).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        var room = crew.Sum(i => i.Capacity);
        var chosen = byUrgency.Take(room).ToList();
        var left = byUrgency.Skip(chosen.Count).ToList();
        if (crew.Count == 0)
        {
            return new RoundPlan(inspectors.Select(i => new PlannedRound(i.Name, i.StartLon, i.StartLat, [], 0)).ToList(), byUrgency);
        }

        var centreLon = crew.Average(i => i.StartLon);
        var centreLat = crew.Average(i => i.StartLat);
        // Inspectors starting from different places take the sectors facing them; from one depot, by name.
        crew = crew.OrderBy(i => Angle(centreLon, centreLat, i.StartLon, i.StartLat)).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        var quotas = Quotas(crew, chosen.Count);
        var swept = Sweep(chosen, centreLon, centreLat);

        var rounds = new List<PlannedRound>();
        var next = 0;
        for (var k = 0; k < crew.Count; k++)
        {
            var share = swept.GetRange(next, quotas[k]);
            next += quotas[k];
            var (ordered, km) = Order(crew[k].StartLon, crew[k].StartLat, share, improve);
            rounds.Add(new PlannedRound(crew[k].Name, crew[k].StartLon, crew[k].StartLat, ordered, km));
        }
        // Inspectors with no room left still appear, with an empty round.
        rounds.AddRange(inspectors.Where(i => i.Capacity <= 0).Select(i => new PlannedRound(i.Name, i.StartLon, i.StartLat, [], 0)));
        return new RoundPlan(rounds.OrderBy(r => r.Inspector, StringComparer.Ordinal).ToList(), left);
    }

    /// <summary>Orders one round from its start: nearest neighbour, then (when asked) 2-opt until no swap shortens it.</summary>
    public static (IReadOnlyList<PlanVisit> Visits, double Km) Order(double startLon, double startLat, IReadOnlyList<PlanVisit> visits, bool improve = true)
    {
        if (visits.Count == 0)
        {
            return ([], 0);
        }
        var points = new List<(double Lon, double Lat)> { (startLon, startLat) };
        points.AddRange(visits.Select(v => (v.Lon, v.Lat)));
        var d = Matrix(points);
        var path = NearestNeighbour(d);
        if (improve)
        {
            TwoOpt(path, d);
        }
        return (path.Skip(1).Select(i => visits[i - 1]).ToList(), Length(path, d));
    }

    /// <summary>The length of a round walked in the given order from its start (no return: the day ends at the last visit).</summary>
    public static double Km(double startLon, double startLat, IEnumerable<(double Lon, double Lat)> stops)
    {
        var (lon, lat) = (startLon, startLat);
        var total = 0.0;
        foreach (var s in stops)
        {
            total += GreatCircle.Km(lon, lat, s.Lon, s.Lat);
            (lon, lat) = s;
        }
        return total;
    }

    /// <summary>Counts per inspector that differ by at most one, except where an inspector's capacity caps them.</summary>
    private static int[] Quotas(List<PlanInspector> crew, int count)
    {
        var quotas = new int[crew.Count];
        var remaining = count;
        while (remaining > 0)
        {
            var gave = false;
            for (var k = 0; k < crew.Count && remaining > 0; k++)
            {
                if (quotas[k] < crew[k].Capacity)
                {
                    quotas[k]++;
                    remaining--;
                    gave = true;
                }
            }
            if (!gave)
            {
                break;
            }
        }
        return quotas;
    }

    /// <summary>Visits by angle around the centre, starting after the widest empty angle so no cluster is cut at the seam.</summary>
    private static List<PlanVisit> Sweep(List<PlanVisit> visits, double lon, double lat)
    {
        var sorted = visits.Select(v => (Visit: v, Angle: Angle(lon, lat, v.Lon, v.Lat)))
            .OrderBy(x => x.Angle).ThenBy(x => x.Visit.Id).ToList();
        if (sorted.Count < 2)
        {
            return sorted.Select(x => x.Visit).ToList();
        }
        var start = 0;
        var widest = sorted[0].Angle + 2 * Math.PI - sorted[^1].Angle;
        for (var i = 1; i < sorted.Count; i++)
        {
            var gap = sorted[i].Angle - sorted[i - 1].Angle;
            if (gap > widest)
            {
                widest = gap;
                start = i;
            }
        }
        return sorted.Skip(start).Concat(sorted.Take(start)).Select(x => x.Visit).ToList();
    }

    // Longitude degrees shrink with latitude; scaling keeps sectors round rather than stretched.
    private static double Angle(double lon0, double lat0, double lon, double lat) =>
        Math.Atan2(lat - lat0, (lon - lon0) * Math.Cos(lat0 * Math.PI / 180));

    private static double[,] Matrix(List<(double Lon, double Lat)> points)
    {
        var d = new double[points.Count, points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                d[i, j] = d[j, i] = GreatCircle.Km(points[i].Lon, points[i].Lat, points[j].Lon, points[j].Lat);
            }
        }
        return d;
    }

    private static List<int> NearestNeighbour(double[,] d)
    {
        var n = d.GetLength(0);
        var path = new List<int>(n) { 0 };
        var visited = new bool[n];
        visited[0] = true;
        for (var step = 1; step < n; step++)
        {
            var from = path[^1];
            var best = -1;
            for (var j = 1; j < n; j++)
            {
                if (!visited[j] && (best < 0 || d[from, j] < d[from, best]))
                {
                    best = j;
                }
            }
            visited[best] = true;
            path.Add(best);
        }
        return path;
    }

    /// <summary>2-opt on an open path with a fixed start: reverse a stretch whenever that shortens the walk.</summary>
    private static void TwoOpt(List<int> path, double[,] d)
    {
        var n = path.Count;
        var improved = true;
        while (improved)
        {
            improved = false;
            for (var i = 1; i < n - 1; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    int a = path[i - 1], b = path[i], c = path[j];
                    var before = d[a, b];
                    var after = d[a, c];
                    if (j + 1 < n)
                    {
                        var e = path[j + 1];
                        before += d[c, e];
                        after += d[b, e];
                    }
                    if (after < before - 1e-9)
                    {
                        path.Reverse(i, j - i + 1);
                        improved = true;
                    }
                }
            }
        }
    }

    private static double Length(List<int> path, double[,] d)
    {
        var total = 0.0;
        for (var i = 1; i < path.Count; i++)
        {
            total += d[path[i - 1], path[i]];
        }
        return total;
    }
}
