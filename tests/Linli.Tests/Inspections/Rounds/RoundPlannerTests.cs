using Linli.Modules.Inspections.Rounds.Planning;

namespace Linli.Tests.Inspections.Rounds;

public sealed class RoundPlannerTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static PlanVisit Visit(int n, double lon, double lat, int dueInDays = 0) =>
        new(new Guid(n, 0, 0, new byte[8]), lon, lat, Day.AddDays(dueInDays));

    private static List<PlanVisit> Scatter(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count)
            .Select(i => Visit(i, 120.08 + random.NextDouble() * 0.2, 30.2 + random.NextDouble() * 0.16, random.Next(-10, 5))).ToList();
    }

    private static List<PlanInspector> Crew(int count, int capacity) =>
        Enumerable.Range(0, count).Select(i => new PlanInspector($"insp-{i:D2}", 120.165, 30.275, capacity)).ToList();

    [Fact]
    public void Visits_are_shared_so_that_counts_differ_by_at_most_one()
    {
        var plan = RoundPlanner.Plan(Scatter(47, 1), Crew(5, 12), Day);

        var counts = plan.Rounds.Select(r => r.Visits.Count).ToList();
        Assert.Equal(5, counts.Count);
        Assert.Equal(47, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
    }

    [Fact]
    public void Every_visit_is_planned_exactly_once_up_to_the_capacity_and_the_rest_is_left()
    {
        var visits = Scatter(70, 2);
        var plan = RoundPlanner.Plan(visits, Crew(5, 12), Day);

        var planned = plan.Rounds.SelectMany(r => r.Visits).Select(v => v.Id).ToList();
        Assert.Equal(60, planned.Count);
        Assert.Equal(planned.Count, planned.Distinct().Count());
        Assert.All(plan.Rounds, r => Assert.Equal(12, r.Visits.Count));
        Assert.Equal(10, plan.Left.Count);
        Assert.Equal(visits.Select(v => v.Id).Order(), planned.Concat(plan.Left.Select(v => v.Id)).Order());
    }

    [Fact]
    public void When_capacity_is_short_overdue_visits_are_planned_before_later_ones()
    {
        var visits = Scatter(40, 3);
        var plan = RoundPlanner.Plan(visits, Crew(2, 10), Day);

        var latestPlanned = plan.Rounds.SelectMany(r => r.Visits).Max(v => v.DueOn);
        var earliestLeft = plan.Left.Min(v => v.DueOn);
        Assert.True(latestPlanned <= earliestLeft, $"planned up to {latestPlanned}, left from {earliestLeft}");
        var overdue = visits.Count(v => v.DueOn < Day);
        Assert.Equal(Math.Min(20, overdue), plan.Rounds.SelectMany(r => r.Visits).Count(v => v.DueOn < Day));
    }

    [Fact]
    public void An_inspector_with_less_room_gets_no_more_than_it_and_the_others_share_the_rest()
    {
        var crew = new List<PlanInspector> { new("a", 120.165, 30.275, 2), new("b", 120.165, 30.275, 12), new("c", 120.165, 30.275, 12) };
        var plan = RoundPlanner.Plan(Scatter(20, 4), crew, Day);

        Assert.Equal(2, plan.Rounds.Single(r => r.Inspector == "a").Visits.Count);
        Assert.Equal(9, plan.Rounds.Single(r => r.Inspector == "b").Visits.Count);
        Assert.Equal(9, plan.Rounds.Single(r => r.Inspector == "c").Visits.Count);
    }

    [Fact]
    public void Two_opt_is_never_longer_than_nearest_neighbour_on_many_random_days()
    {
        var shorter = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var visits = Scatter(60, 100 + seed);
            var nn = RoundPlanner.Plan(visits, Crew(5, 12), Day, improve: false);
            var opt = RoundPlanner.Plan(visits, Crew(5, 12), Day, improve: true);
            foreach (var round in opt.Rounds)
            {
                var plain = nn.Rounds.Single(r => r.Inspector == round.Inspector);
                // Same share of visits, only the order differs.
                Assert.Equal(plain.Visits.Select(v => v.Id).Order(), round.Visits.Select(v => v.Id).Order());
                Assert.True(round.DistanceKm <= plain.DistanceKm + 1e-9, $"seed {seed}: {round.DistanceKm} > {plain.DistanceKm}");
                if (round.DistanceKm < plain.DistanceKm - 1e-6) shorter++;
            }
        }
        Assert.True(shorter > 0);
    }

    [Fact]
    public void Two_opt_removes_the_detour_nearest_neighbour_makes_on_a_crafted_line()
    {
        // From the depot at 0, nearest neighbour goes to +1, back across to -2, then all the way to +5
        // (1 + 3 + 7 = 11 units): its path crosses itself. 2-opt reverses the first two: -2, +1, +5 (2 + 3 + 4 = 9 units).
        const double unit = 0.01;
        var visits = new List<PlanVisit> { Visit(1, 120 + unit, 30.0001), Visit(2, 120 - 2 * unit, 30), Visit(3, 120 + 5 * unit, 30.0002) };

        var (nnOrder, nnKm) = RoundPlanner.Order(120, 30, visits, improve: false);
        var (optOrder, optKm) = RoundPlanner.Order(120, 30, visits, improve: true);

        Assert.Equal([1, 2, 3], nnOrder.Select(v => v.Id.ToByteArray()[0]));
        Assert.Equal([2, 1, 3], optOrder.Select(v => v.Id.ToByteArray()[0]));
        Assert.InRange(optKm / nnKm, 9 / 11.0 - 0.01, 9 / 11.0 + 0.01);
        Assert.Equal(RoundPlanner.Km(120, 30, optOrder.Select(v => (v.Lon, v.Lat))), optKm, 6);
    }

    [Fact]
    public void The_same_input_gives_the_same_rounds()
    {
        var visits = Scatter(50, 5);
        var first = RoundPlanner.Plan(visits, Crew(4, 12), Day);
        var second = RoundPlanner.Plan(visits.AsEnumerable().Reverse().ToList(), Crew(4, 12).AsEnumerable().Reverse().ToList(), Day);

        Assert.Equal(first.Rounds.Select(r => (r.Inspector, string.Join(",", r.Visits.Select(v => v.Id)))),
            second.Rounds.Select(r => (r.Inspector, string.Join(",", r.Visits.Select(v => v.Id)))));
    }

    [Fact]
    public void Sectors_keep_rounds_compact_compared_with_dealing_visits_out_in_turn()
    {
        var visits = Scatter(60, 6);
        var plan = RoundPlanner.Plan(visits, Crew(5, 12), Day);
        // Dealing the same visits out like cards (every fifth to the same inspector) is the naive balance.
        var dealt = Enumerable.Range(0, 5).Select(k =>
            RoundPlanner.Order(120.165, 30.275, visits.Where((_, i) => i % 5 == k).ToList()).Km).Sum();

        Assert.True(plan.Rounds.Sum(r => r.DistanceKm) < dealt * 0.8, $"{plan.Rounds.Sum(r => r.DistanceKm)} vs {dealt}");
    }

    [Fact]
    public void Great_circle_distance_matches_a_known_pair()
    {
        // West Lake's Broken Bridge to Hangzhou East station: about 6.9 km as the crow flies (5.9 km east, 3.5 km north).
        var km = GreatCircle.Km(120.1512, 30.2596, 120.2130, 30.2911);
        Assert.InRange(km, 6.8, 7.0);
    }
}
