using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Inspections.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Inspections.Rounds;

[Trait("Category", "Database")]
public sealed class RoundsApiTests
{
    // 10:00 in Hangzhou on 1 December 2026.
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static async Task<(TestApp App, HttpClient Desk)> StartAsync()
    {
        var app = await RndKit.StartAsync(new FakeTimeProvider(Now));
        var desk = await RndKit.DeskAsync(app);
        await RndKit.InspectorAsync(app, "insp-a");
        await RndKit.InspectorAsync(app, "insp-b");
        await RndKit.InspectorAsync(app, "insp-w", utility: "SW");
        return (app, desk);
    }

    private static async Task<List<Guid>> ScatterAsync(TestApp app, int count, int dueInDays = 0)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await RndKit.DueVisitAsync(app, 120.11 + i * 0.009 % 0.08, 30.31 + i * 0.007 % 0.08, Today.AddDays(dueInDays - i % 3)));
        }
        return ids;
    }

    [Fact]
    public async Task Planning_shares_the_due_visits_among_the_utilitys_inspectors_and_stores_each_rounds_order()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;
        var ids = await ScatterAsync(app, 9);

        var plan = await RndKit.PostAsync(desk, "/api/v1/inspections/rounds/plan", new { date = Today });

        var rounds = plan.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(["insp-a", "insp-b"], rounds.Select(r => r.GetProperty("inspector").GetString()));
        Assert.Equal([5, 4], rounds.Select(r => r.GetProperty("visits").GetInt32()).Order().Reverse());
        Assert.All(rounds, r => Assert.True(r.GetProperty("distanceKm").GetDouble() > 0));
        var stops = rounds.SelectMany(r => r.GetProperty("stops").EnumerateArray().Select(s => (Inspector: r.GetProperty("inspector").GetString(),
            Id: s.GetProperty("inspectionId").GetGuid(), Order: s.GetProperty("order").GetInt32()))).ToList();
        Assert.Equal(ids.Order(), stops.Select(s => s.Id).Order());
        foreach (var stop in stops)
        {
            var stored = await RndKit.InspectionAsync(app, stop.Id);
            Assert.Equal((InspectionStatus.Planned, stop.Inspector, (DateOnly?)Today, (int?)stop.Order), (stored.Status, stored.Inspector, stored.PlannedOn, stored.RouteOrder));
        }
        Assert.All(rounds, r => Assert.Equal(Enumerable.Range(1, r.GetProperty("visits").GetInt32()),
            r.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("order").GetInt32())));
        var events = await RndKit.WithDbAsync(app, db => db.InspectionEvents.CountAsync(e => e.Action == "plan" && e.Actor == "desk-gas"));
        Assert.Equal(9, events);

        var listed = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/rounds?date={Today:yyyy-MM-dd}&utility=GAS");
        Assert.Equal(9, listed.GetProperty("rounds").EnumerateArray().Sum(r => r.GetProperty("visits").GetInt32()));
    }

    [Fact]
    public async Task Replanning_keeps_a_started_visit_in_place_and_plans_only_the_rest()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;
        await ScatterAsync(app, 6);
        var first = await RndKit.PostAsync(desk, "/api/v1/inspections/rounds/plan", new { date = Today });
        var started = first.GetProperty("rounds")[0].GetProperty("stops")[0];
        var startedId = started.GetProperty("inspectionId").GetGuid();
        await RndKit.WithDbAsync(app, async db => { (await db.Inspections.SingleAsync(i => i.Id == startedId)).Start(Now.ToUnixTimeMilliseconds()); return 0; });
        await ScatterAsync(app, 2);

        var second = await RndKit.PostAsync(desk, "/api/v1/inspections/rounds/plan", new { date = Today, capacity = 4 });

        var kept = await RndKit.InspectionAsync(app, startedId);
        Assert.Equal((first.GetProperty("rounds")[0].GetProperty("inspector").GetString(), 1), (kept.Inspector, kept.RouteOrder));
        var rounds = second.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(8, rounds.Sum(r => r.GetProperty("visits").GetInt32()));
        Assert.Equal(startedId, rounds[0].GetProperty("stops")[0].GetProperty("inspectionId").GetGuid());
        Assert.True(rounds[0].GetProperty("stops")[0].GetProperty("started").GetBoolean());
    }

    [Fact]
    public async Task When_the_day_is_full_overdue_visits_are_planned_and_later_ones_wait()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;
        var overdue = new[] { await RndKit.DueVisitAsync(app, 120.12, 30.32, Today.AddDays(-10)), await RndKit.DueVisitAsync(app, 120.13, 30.33, Today.AddDays(-3)) };
        var later = new[] { await RndKit.DueVisitAsync(app, 120.121, 30.321, Today), await RndKit.DueVisitAsync(app, 120.14, 30.34, Today.AddDays(2)) };

        var plan = await RndKit.PostAsync(desk, "/api/v1/inspections/rounds/plan", new { date = Today, capacity = 1 });

        var planned = plan.GetProperty("rounds").EnumerateArray().SelectMany(r => r.GetProperty("stops").EnumerateArray())
            .Select(s => s.GetProperty("inspectionId").GetGuid()).Order().ToList();
        Assert.Equal(overdue.Order(), planned);
        foreach (var id in later) Assert.Equal(InspectionStatus.Due, (await RndKit.InspectionAsync(app, id)).Status);
    }

    [Fact]
    public async Task Planning_refuses_an_unknown_inspector_another_utilitys_inspector_a_past_day_and_a_silly_capacity()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;

        var unknown = await desk.PostAsJsonAsync("/api/v1/inspections/rounds/plan", new { date = Today, inspectors = new[] { "nobody-here" } });
        var foreign = await desk.PostAsJsonAsync("/api/v1/inspections/rounds/plan", new { date = Today, inspectors = new[] { "insp-w" } });
        var past = await desk.PostAsJsonAsync("/api/v1/inspections/rounds/plan", new { date = Today.AddDays(-1) });
        var capacity = await desk.PostAsJsonAsync("/api/v1/inspections/rounds/plan", new { date = Today, capacity = 0 });

        Assert.Contains("no account", (await RndKit.JsonAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("inspectors")[0].GetString());
        Assert.Contains("not an inspector of GAS", (await RndKit.JsonAsync(foreign, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("inspectors")[0].GetString());
        Assert.Contains("past", (await RndKit.JsonAsync(past, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("date")[0].GetString());
        await RndKit.JsonAsync(capacity, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reassigning_moves_a_visit_orders_both_rounds_again_and_keeps_the_move_in_the_history()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;
        await ScatterAsync(app, 6);
        var plan = await RndKit.PostAsync(desk, "/api/v1/inspections/rounds/plan", new { date = Today });
        var fromRound = plan.GetProperty("rounds")[0];
        var from = fromRound.GetProperty("inspector").GetString()!;
        var to = from == "insp-a" ? "insp-b" : "insp-a";
        var moved = fromRound.GetProperty("stops")[1].GetProperty("inspectionId").GetGuid();

        var result = await RndKit.PostAsync(desk, $"/api/v1/inspections/{moved}/assign", new { inspector = to, date = Today });

        Assert.Equal(to, result.GetProperty("to").GetProperty("inspector").GetString());
        Assert.Contains(moved, result.GetProperty("to").GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("inspectionId").GetGuid()));
        Assert.DoesNotContain(moved, result.GetProperty("from").GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("inspectionId").GetGuid()));
        foreach (var side in new[] { "to", "from" })
        {
            var orders = result.GetProperty(side).GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("order").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(1, orders.Count), orders);
        }
        var stored = await RndKit.InspectionAsync(app, moved);
        Assert.Equal(to, stored.Inspector);
        var note = await RndKit.WithDbAsync(app, db => db.InspectionEvents.Where(e => e.SubjectId == moved && e.Action == "assign").Select(e => e.Note).SingleAsync());
        Assert.Contains($"{from} 2026-12-01 → {to} 2026-12-01", note);
    }

    [Fact]
    public async Task Reassigning_refuses_a_visit_done_another_utilitys_visit_and_a_past_day()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;
        var done = await RndKit.DueVisitAsync(app, 120.12, 30.32, Today);
        await RndKit.WithDbAsync(app, async db =>
        {
            (await db.Inspections.SingleAsync(i => i.Id == done)).Complete("insp-a", "pass", 1, "{}", "[]", null, null, null, null, null, 1);
            return 0;
        });
        var water = await RndKit.DueVisitAsync(app, 120.12, 30.32, Today, utility: "SW");
        var open = await RndKit.DueVisitAsync(app, 120.13, 30.32, Today);

        var closed = await desk.PostAsJsonAsync($"/api/v1/inspections/{done}/assign", new { inspector = "insp-b", date = Today });
        var foreign = await desk.PostAsJsonAsync($"/api/v1/inspections/{water}/assign", new { inspector = "insp-b", date = Today });
        var past = await desk.PostAsJsonAsync($"/api/v1/inspections/{open}/assign", new { inspector = "insp-b", date = Today.AddDays(-2) });
        var wrongInspector = await desk.PostAsJsonAsync($"/api/v1/inspections/{open}/assign", new { inspector = "insp-w", date = Today });

        Assert.Contains("done", (await RndKit.JsonAsync(closed, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await RndKit.JsonAsync(foreign, HttpStatusCode.NotFound);
        await RndKit.JsonAsync(past, HttpStatusCode.BadRequest);
        await RndKit.JsonAsync(wrongInspector, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_inspector_reads_their_own_round_but_not_the_dispatchers_view_or_planning()
    {
        var (app, desk) = await StartAsync();
        await using var _ = app;
        var inspector = await RndKit.InspectorAsync(app, "insp-c");
        await ScatterAsync(app, 6);
        await RndKit.PostAsync(desk, "/api/v1/inspections/rounds/plan", new { date = Today, inspectors = new[] { "insp-c", "insp-a" } });

        var mine = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/rounds/mine?date={Today:yyyy-MM-dd}");

        Assert.Equal("insp-c", mine.GetProperty("inspector").GetString());
        Assert.Equal(3, mine.GetProperty("stops").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync($"/api/v1/inspections/rounds?date={Today:yyyy-MM-dd}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync("/api/v1/inspections/rounds/plan", new { date = Today })).StatusCode);
    }

    [Fact]
    public async Task The_dispatchers_page_shows_the_rounds_with_their_map_data_and_plans_from_a_form()
    {
        var (app, _) = await StartAsync();
        await using var __ = app;
        await ScatterAsync(app, 4);
        var plan = await RndKit.PostAsync(app.Client, "/api/v1/inspections/rounds/plan", new { date = Today, utility = "GAS" });
        Assert.Equal(4, plan.GetProperty("rounds").EnumerateArray().Sum(r => r.GetProperty("visits").GetInt32()));
        var desk = await RndKit.DeskAsync(app, name: "desk-page");

        var html = await desk.GetStringAsync($"/inspections/rounds?date={Today:yyyy-MM-dd}");

        Assert.Contains("id=\"rnd-map\"", html);
        Assert.Contains("data-rounds=", html);
        Assert.Contains("insp-a", html);
        Assert.Contains("js/rnd-rounds.js", html);
    }
}
