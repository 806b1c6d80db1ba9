using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;

namespace Linli.Tests.Traffic.Incidents;

/// <summary>The control room's desk through HTTP: a call taken, crews suggested and sent, the crew's steps, closing, scope.</summary>
[Trait("Category", "Database")]
public sealed class IncidentDeskTests
{
    [Fact]
    public async Task A_hotline_call_goes_from_report_to_closed_with_the_nearest_crew_on_the_route_suggested_first()
    {
        var (app, clock) = await IncKit.StartAsync();
        await using var _ = app;
        var desk = await IncKit.DeskAsync(app);
        var member = await IncKit.CrewMemberAsync(app, "roadcrew-a");
        var far = await IncKit.CrewAsync(desk, "巡查远组", "patrol", 104_000);
        var near = await IncKit.CrewAsync(desk, "巡查近组", "patrol", 101_300, "roadcrew-a");

        var reported = await IncKit.ReportAsync(desk, "K101+000");
        var id = reported.GetProperty("id").GetGuid();
        Assert.Matches("^SG-20261201-0001$", reported.GetProperty("number").GetString());
        Assert.Equal(("reported", "G60", "K101+000"), (reported.GetProperty("status").GetString(), reported.GetProperty("route").GetString(),
            reported.GetProperty("stake").GetString()));
        Assert.Equal(5, reported.GetProperty("targets").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(reported.GetProperty("caseNumber").GetString())); // the city's case runs the targets

        var detail = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/incidents/{id}");
        var suggested = detail.GetProperty("suggested").EnumerateArray().Select(s => s.GetProperty("crew").GetProperty("id").GetGuid()).ToList();
        Assert.Equal(new[] { near, far }, suggested);
        Assert.Equal(300, detail.GetProperty("suggested")[0].GetProperty("distanceMeters").GetDouble(), 1);

        clock.Advance(TimeSpan.FromSeconds(40));
        var dispatched = await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/dispatch", new { crewIds = new[] { near } });
        Assert.Equal("dispatched", dispatched.GetProperty("status").GetString());
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/call-back", new { });
        clock.Advance(TimeSpan.FromMinutes(6));
        // The member taps "on scene" on the phone; the desk never had to.
        var onScene = await IncKit.PostAsync(member, $"/api/v1/traffic/incidents/{id}/on-scene", new { });
        Assert.Equal("on-scene", onScene.GetProperty("status").GetString());
        clock.Advance(TimeSpan.FromMinutes(8));
        await IncKit.PostAsync(member, $"/api/v1/traffic/incidents/{id}/lanes-clear", new { });
        var crews = await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/crews");
        Assert.False(crews.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == near).GetProperty("free").GetBoolean());
        var closed = await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/close", new { });
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(14.7, closed.GetProperty("elapsedMinutes").GetDouble(), 1);

        crews = await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/crews");
        Assert.All(crews.EnumerateArray(), c => Assert.True(c.GetProperty("free").GetBoolean()));
        detail = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/incidents/{id}");
        var actions = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal(new[] { "reported", "case-opened", "dispatched", "called-back", "on-scene", "lanes-clear", "closed" }, actions);
        Assert.Equal("roadcrew-a", detail.GetProperty("history")[4].GetProperty("actor").GetString());
        Assert.All(detail.GetProperty("incident").GetProperty("targets").EnumerateArray(), t => Assert.Equal("met", t.GetProperty("state").GetString()));
        // A second closing is out of order.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/traffic/incidents/{id}/close", new { })).StatusCode);
    }

    [Fact]
    public async Task A_crew_busy_on_another_incident_cannot_be_sent_and_one_off_the_incident_cannot_record_its_steps()
    {
        var (app, _) = await IncKit.StartAsync();
        await using var __ = app;
        var desk = await IncKit.DeskAsync(app);
        var stranger = await IncKit.CrewMemberAsync(app, "roadcrew-b");
        var crew = await IncKit.CrewAsync(desk, "清障一组", "clearance", 102_000);
        var first = (await IncKit.ReportAsync(desk, "K101+000")).GetProperty("id").GetGuid();
        var second = (await IncKit.ReportAsync(desk, "K106+000", "2203")).GetProperty("id").GetGuid();
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{first}/dispatch", new { crewIds = new[] { crew } });

        var busy = await desk.PostAsJsonAsync($"/api/v1/traffic/incidents/{second}/dispatch", new { crewIds = new[] { crew } });
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Contains("Crew not free", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/v1/traffic/incidents/{first}/on-scene", new { })).StatusCode);
        // Lanes cannot be clear before anyone is there; an undispatched incident has no one on scene.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/traffic/incidents/{first}/lanes-clear", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/traffic/incidents/{second}/on-scene", new { })).StatusCode);

        // Cancelling frees the crew for the next one.
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{first}/cancel", new { reason = "重复报警" });
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{second}/dispatch", new { crewIds = new[] { crew } });
    }

    [Fact]
    public async Task The_operator_sees_its_routes_the_police_every_route_a_district_officer_their_district_and_a_gas_desk_nothing()
    {
        var (app, _) = await IncKit.StartAsync();
        await using var __ = app;
        var g60 = (await IncKit.ReportAsync(app.Client, "K101+000")).GetProperty("id").GetGuid();
        var g92 = (await IncKit.ReportAsync(app.Client, "K103+000", "2202", "G92")).GetProperty("id").GetGuid();
        var elsewhere = await IncKit.WithDbAsync(app, db =>
        {
            var i = new Incident(Guid.NewGuid(), "SG-20261201-0900", "2203", IncidentSources.Patrol, "G60", Directions.Up, 150_000, 120.5, 30.1, "GS",
                "330106", "外区故障车", "test", IncKit.Start.ToUnixTimeMilliseconds());
            db.Incidents.Add(i);
            return Task.FromResult(i.Id);
        });

        async Task<List<Guid>> SeenBy(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/traffic/incidents")).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order().ToList();

        Assert.Equal(new[] { g60, elsewhere }.Order(), await SeenBy(await IncKit.DeskAsync(app)));
        Assert.Equal(new[] { g60, g92, elsewhere }.Order(), await SeenBy(await IncKit.DeskAsync(app, "JJ")));
        Assert.Empty(await SeenBy(await IncKit.DeskAsync(app, "GAS")));
        Assert.Equal(new[] { g60, g92 }.Order(), await SeenBy(await app.ClientForAsync(Roles.DistrictOfficer, "330105")));
        var gasDesk = await IncKit.DeskAsync(app, "GAS", "desk-gas-2");
        Assert.Equal(HttpStatusCode.NotFound, (await gasDesk.GetAsync($"/api/v1/traffic/incidents/{g60}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gasDesk.PostAsJsonAsync("/api/v1/traffic/incidents", new
        {
            category = "2201", route = "G60", direction = "up", stake = "K101+500", description = "追尾",
        })).StatusCode);
        var open = await (await IncKit.DeskAsync(app, "JJ", "desk-jj-2")).GetFromJsonAsync<JsonElement>("/api/v1/traffic/incidents?status=open&route=G92");
        Assert.Equal(g92, open.EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("category", "{\"category\":\"0101\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"K101+000\",\"description\":\"x\"}")]
    [InlineData("source", "{\"category\":\"2201\",\"source\":\"driver\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"K101+000\",\"description\":\"x\"}")]
    [InlineData("description", "{\"category\":\"2201\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"K101+000\"}")]
    [InlineData("stake", "{\"category\":\"2201\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"101km\",\"description\":\"x\"}")]
    [InlineData("direction", "{\"category\":\"2201\",\"route\":\"G60\",\"direction\":\"north\",\"stake\":\"K101+000\",\"description\":\"x\"}")]
    [InlineData("location", "{\"category\":\"2201\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"K300+000\",\"description\":\"x\"}")]
    [InlineData("location", "{\"category\":\"2201\",\"lon\":120.15,\"lat\":30.38,\"description\":\"x\"}")]
    [InlineData("location", "{\"category\":\"2201\",\"description\":\"x\"}")]
    [InlineData("lanesBlocked", "{\"category\":\"2201\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"K101+000\",\"description\":\"x\",\"lanesBlocked\":12}")]
    [InlineData("callerPhone", "{\"category\":\"2201\",\"route\":\"G60\",\"direction\":\"up\",\"stake\":\"K101+000\",\"description\":\"x\",\"callerPhone\":\"12345\"}")]
    public async Task A_report_the_desk_cannot_place_or_read_is_a_400_naming_the_field(string field, string body)
    {
        var (app, _) = await IncKit.StartAsync();
        await using var __ = app;
        var response = await app.Client.PostAsync("/api/v1/traffic/incidents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await IncKit.AssertFieldAsync(response, field);
    }

    [Fact]
    public async Task Crews_are_checked_and_their_members_move_them_along_the_route()
    {
        var (app, _) = await IncKit.StartAsync();
        await using var __ = app;
        var desk = await IncKit.DeskAsync(app);
        var member = await IncKit.CrewMemberAsync(app, "roadcrew-c");
        var other = await IncKit.CrewMemberAsync(app, "roadcrew-d");
        await IncKit.AssertFieldAsync(await desk.PostAsJsonAsync("/api/v1/traffic/crews", new { name = "x", kind = "taxi", route = "G60", stake = "K101+000" }), "kind");
        await IncKit.AssertFieldAsync(await desk.PostAsJsonAsync("/api/v1/traffic/crews", new { name = "x", kind = "patrol", members = new[] { "nobody-here" }, route = "G60", stake = "K101+000" }), "members");
        await IncKit.AssertFieldAsync(await desk.PostAsJsonAsync("/api/v1/traffic/crews", new { name = "x", kind = "patrol" }), "location");
        var id = await IncKit.CrewAsync(desk, "巡查三组", "patrol", 101_000, "roadcrew-c");
        await IncKit.AssertFieldAsync(await desk.PostAsJsonAsync("/api/v1/traffic/crews",
            new { name = "巡查三组", kind = "patrol", route = "G60", stake = "K101+000" }), "name");

        var moved = await (await member.PutAsJsonAsync($"/api/v1/traffic/crews/{id}/position", new { lon = 120.17, lat = 30.3211 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("G60", moved.GetProperty("route").GetString());
        Assert.InRange(moved.GetProperty("lon").GetDouble(), 120.169, 120.171);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/traffic/crews/{id}/position", new { lon = 120.17, lat = 30.3211 })).StatusCode);
        await IncKit.AssertFieldAsync(await member.PutAsJsonAsync($"/api/v1/traffic/crews/{id}/position", new { lon = 120.17, lat = 30.39 }), "location");
        var off = await (await member.PutAsJsonAsync($"/api/v1/traffic/crews/{id}/duty", new { onDuty = false })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(off.GetProperty("onDuty").GetBoolean());
        var incident = (await IncKit.ReportAsync(desk)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/traffic/incidents/{incident}/dispatch", new { crewIds = new[] { id } })).StatusCode);
    }
}
