using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Inspections.Rounds;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Inspections.Repairs;

[Trait("Category", "Database")]
public sealed class RepairsApiTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Desk(TestApp App, FakeTimeProvider Clock, HttpClient Client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Desk> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var app = await RndKit.StartAsync(clock);
        return new Desk(app, clock, await RndKit.DeskAsync(app));
    }

    private static async Task<Guid> CrewAsync(Desk desk, string name, double lon, double lat, params string[] members) =>
        (await RndKit.PostAsync(desk.Client, "/api/v1/repairs/crews", new { name, members, lon, lat }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static Task<JsonElement> CallAsync(Desk desk, double lon, double lat, string description = "后厨闻到燃气味") =>
        RndKit.PostAsync(desk.Client, "/api/v1/repairs",
            new { kind = "emergency", description, address = "测试路 1 号", lon, lat, callerPhone = "13905712345" }, HttpStatusCode.Created);

    [Fact]
    public async Task An_emergency_goes_at_once_to_the_nearest_free_crew_and_a_busy_crew_is_passed_over()
    {
        await using var desk = await StartAsync();
        var near = await CrewAsync(desk, "近班", 120.120, 30.320);
        var far = await CrewAsync(desk, "远班", 120.190, 30.390);

        var first = await CallAsync(desk, 120.121, 30.321);
        var second = await CallAsync(desk, 120.122, 30.322);

        Assert.Equal(("Dispatched", near), (first.GetProperty("status").GetString(), first.GetProperty("crewId").GetGuid()));
        Assert.Equal(("Dispatched", far), (second.GetProperty("status").GetString(), second.GetProperty("crewId").GetGuid()));
        Assert.Matches(@"^QX-20261201-0001$", first.GetProperty("number").GetString());
        Assert.Equal("QX-20261201-0002", second.GetProperty("number").GetString());
        Assert.Equal("139****2345", first.GetProperty("callerPhone").GetString());
        var crews = await desk.Client.GetFromJsonAsync<JsonElement>("/api/v1/repairs/crews");
        Assert.All(crews.EnumerateArray(), c => Assert.False(c.GetProperty("available").GetBoolean()));
    }

    [Fact]
    public async Task With_no_crew_free_an_emergency_waits_and_the_next_crew_to_finish_takes_the_oldest_waiting_one()
    {
        await using var desk = await StartAsync();
        var crew = await CrewAsync(desk, "一班", 120.12, 30.32);
        var busy = await CallAsync(desk, 120.13, 30.33);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var older = await CallAsync(desk, 120.14, 30.34, "第一通等待");
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await CallAsync(desk, 120.11, 30.31, "第二通等待");
        Assert.Equal("Reported", older.GetProperty("status").GetString());
        Assert.True(older.GetProperty("waiting").GetBoolean());
        Assert.Equal("Reported", newer.GetProperty("status").GetString());

        var id = busy.GetProperty("id").GetGuid();
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/arrive", new { });
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/made-safe", new { });
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/finish", new { resolution = "更换软管" });

        var taken = await desk.Client.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{older.GetProperty("id").GetGuid()}");
        Assert.Equal(("Dispatched", crew), (taken.GetProperty("ticket").GetProperty("status").GetString(), taken.GetProperty("ticket").GetProperty("crewId").GetGuid()));
        Assert.Contains(taken.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "wait");
        var still = await desk.Client.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/{newer.GetProperty("id").GetGuid()}");
        Assert.Equal("Reported", still.GetProperty("ticket").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_step_is_timed_on_the_clock_and_an_urban_arrival_within_30_minutes_meets_the_target()
    {
        await using var desk = await StartAsync();
        await CrewAsync(desk, "一班", 120.12, 30.32);
        var ticket = await CallAsync(desk, 120.13, 30.33);
        var id = ticket.GetProperty("id").GetGuid();
        Assert.True(ticket.GetProperty("urban").GetBoolean());
        Assert.Equal(30, ticket.GetProperty("targetOnSiteMinutes").GetInt32());

        desk.Clock.Advance(TimeSpan.FromMinutes(22));
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/arrive", new { });
        desk.Clock.Advance(TimeSpan.FromMinutes(8));
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/made-safe", new { });
        // Tokens last an hour, so the repair is a quick one.
        desk.Clock.Advance(TimeSpan.FromMinutes(20));
        var done = await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/finish", new { resolution = "关阀、更换接头，检漏合格" });

        var t = done.GetProperty("ticket");
        Assert.Equal("Finished", t.GetProperty("status").GetString());
        Assert.Equal(Start, t.GetProperty("reportedAt").GetDateTimeOffset());
        Assert.Equal(Start, t.GetProperty("dispatchedAt").GetDateTimeOffset());
        Assert.Equal(Start.AddMinutes(22), t.GetProperty("onSiteAt").GetDateTimeOffset());
        Assert.Equal(Start.AddMinutes(30), t.GetProperty("madeSafeAt").GetDateTimeOffset());
        Assert.Equal(Start.AddMinutes(50), t.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(22, t.GetProperty("minutesToSite").GetDouble());
        Assert.True(t.GetProperty("targetMet").GetBoolean());
        Assert.Equal(["report", "dispatch", "arrive", "made-safe", "finish"],
            done.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task An_urban_arrival_after_45_minutes_misses_the_target_and_outside_the_urban_area_the_same_meets_60()
    {
        await using var desk = await StartAsync();
        await CrewAsync(desk, "一班", 120.12, 30.32);
        await CrewAsync(desk, "二班", 120.26, 30.26);
        var urban = (await CallAsync(desk, 120.13, 30.33)).GetProperty("id").GetGuid();
        var rural = await CallAsync(desk, 120.25, 30.25);
        Assert.False(rural.GetProperty("urban").GetBoolean());
        Assert.Equal(60, rural.GetProperty("targetOnSiteMinutes").GetInt32());

        desk.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await desk.Client.GetFromJsonAsync<JsonElement>($"/api/v1/repairs?status=Dispatched&kind=emergency");
        Assert.False(late.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == urban).GetProperty("targetMet").GetBoolean());
        desk.Clock.Advance(TimeSpan.FromMinutes(14));
        var a = await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{urban}/arrive", new { });
        var b = await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{rural.GetProperty("id").GetGuid()}/arrive", new { });

        Assert.Equal((45.0, false), (a.GetProperty("ticket").GetProperty("minutesToSite").GetDouble(), a.GetProperty("ticket").GetProperty("targetMet").GetBoolean()));
        Assert.Equal((45.0, true), (b.GetProperty("ticket").GetProperty("minutesToSite").GetDouble(), b.GetProperty("ticket").GetProperty("targetMet").GetBoolean()));
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_the_reason_and_only_the_crew_or_the_desk_record_them()
    {
        await using var desk = await StartAsync();
        await RndKit.InspectorAsync(desk.App, "crew-man");
        var member = await RndKit.InspectorAsync(desk.App, "crew-member");
        var stranger = await RndKit.InspectorAsync(desk.App, "not-on-crew");
        await CrewAsync(desk, "一班", 120.12, 30.32, "crew-member", "crew-man");
        var id = (await CallAsync(desk, 120.13, 30.33)).GetProperty("id").GetGuid();

        var finishEarly = await member.PostAsJsonAsync($"/api/v1/repairs/{id}/finish", new { resolution = "x" });
        var safeEarly = await member.PostAsJsonAsync($"/api/v1/repairs/{id}/made-safe", new { });
        var byStranger = await stranger.PostAsJsonAsync($"/api/v1/repairs/{id}/arrive", new { });
        var dispatchByCrew = await member.PostAsJsonAsync($"/api/v1/repairs/{id}/dispatch", new { });
        var arrived = await member.PostAsJsonAsync($"/api/v1/repairs/{id}/arrive", new { });
        var again = await member.PostAsJsonAsync($"/api/v1/repairs/{id}/arrive", new { });

        Assert.Contains("made safe", (await RndKit.JsonAsync(finishEarly, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Contains("on site", (await RndKit.JsonAsync(safeEarly, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dispatchByCrew.StatusCode);
        await RndKit.JsonAsync(arrived, HttpStatusCode.OK);
        await RndKit.JsonAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_frees_the_crew_and_a_cancelled_ticket_takes_no_further_step()
    {
        await using var desk = await StartAsync();
        var crew = await CrewAsync(desk, "一班", 120.12, 30.32);
        var id = (await CallAsync(desk, 120.13, 30.33)).GetProperty("id").GetGuid();

        var noReason = await desk.Client.PostAsJsonAsync($"/api/v1/repairs/{id}/cancel", new { });
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/cancel", new { reason = "误报：邻居装修气味" });
        var after = await desk.Client.PostAsJsonAsync($"/api/v1/repairs/{id}/arrive", new { });

        await RndKit.JsonAsync(noReason, HttpStatusCode.BadRequest);
        await RndKit.JsonAsync(after, HttpStatusCode.Conflict);
        var c = await desk.Client.GetFromJsonAsync<JsonElement>($"/api/v1/repairs/crews/{crew}");
        Assert.True(c.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task Planned_maintenance_is_numbered_WX_booked_for_its_crew_and_dispatched_by_the_desk_on_the_day()
    {
        await using var desk = await StartAsync();
        var crew = await CrewAsync(desk, "一班", 120.12, 30.32);
        var planned = await RndKit.PostAsync(desk.Client, "/api/v1/repairs",
            new { kind = "planned", description = "调压箱维护", address = "测试路 9 号", lon = 120.15, lat = 30.35, plannedOn = "2026-12-03", crewId = crew },
            HttpStatusCode.Created);
        var past = await desk.Client.PostAsJsonAsync("/api/v1/repairs",
            new { kind = "planned", description = "调压箱维护", address = "测试路 9 号", lon = 120.15, lat = 30.35, plannedOn = "2026-11-30" });

        Assert.Equal(("WX-20261201-0001", "Reported", crew), (planned.GetProperty("number").GetString(), planned.GetProperty("status").GetString(), planned.GetProperty("crewId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, planned.GetProperty("targetMet").ValueKind);
        await RndKit.JsonAsync(past, HttpStatusCode.BadRequest);
        var id = planned.GetProperty("id").GetGuid();
        var sent = await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/dispatch", new { });
        Assert.Equal(crew, sent.GetProperty("ticket").GetProperty("crewId").GetGuid());
        await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/arrive", new { });
        var done = await RndKit.PostAsync(desk.Client, $"/api/v1/repairs/{id}/finish", new { resolution = "更换过滤器" });
        Assert.Equal("Finished", done.GetProperty("ticket").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_desk_sees_only_its_utilitys_crews_and_tickets()
    {
        await using var desk = await StartAsync();
        await CrewAsync(desk, "一班", 120.12, 30.32);
        var gasTicket = (await CallAsync(desk, 120.13, 30.33)).GetProperty("id").GetGuid();
        var water = await RndKit.DeskAsync(desk.App, "SW", "desk-sw");

        Assert.Equal(0, (await water.GetFromJsonAsync<JsonElement>("/api/v1/repairs/crews")).GetArrayLength());
        Assert.Equal(0, (await water.GetFromJsonAsync<JsonElement>("/api/v1/repairs")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/v1/repairs/{gasTicket}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await water.PostAsJsonAsync($"/api/v1/repairs/{gasTicket}/cancel", new { reason = "x" })).StatusCode);
    }
}
