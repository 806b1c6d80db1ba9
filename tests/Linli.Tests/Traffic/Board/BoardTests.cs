using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Linli.Tests.Traffic.Board.BoardFixture;

namespace Linli.Tests.Traffic.Board;

[Trait("Category", "Database")]
public sealed class BoardTests(BoardFixture fixture) : IClassFixture<BoardFixture>
{
    private static async Task<JsonElement> BoardAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/traffic/board");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Routes(JsonElement board) =>
        [.. board.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    private static JsonElement Incident(JsonElement board, Guid id) =>
        board.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("carriageways").EnumerateArray())
            .SelectMany(c => c.GetProperty("incidents").EnumerateArray()).Single(i => i.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task The_operator_sees_its_route_up_above_down_with_the_open_incidents_and_their_target_states()
    {
        var board = await BoardAsync(fixture.GsDesk);
        Assert.Equal(["G60"], Routes(board));
        Assert.Equal(2, board.GetProperty("openIncidents").GetInt32());
        Assert.Equal(1, board.GetProperty("missed").GetInt32());
        var g60 = board.GetProperty("routes")[0];
        var carriageways = g60.GetProperty("carriageways").EnumerateArray().ToList();
        Assert.Equal(["up", "down"], carriageways.Select(c => c.GetProperty("direction").GetString()!).ToArray());
        Assert.Equal("K100+000", carriageways[0].GetProperty("firstStake").GetString());
        Assert.Equal("K100+000", carriageways[1].GetProperty("lastStake").GetString());

        var running = Incident(board, OpenRunning);
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Equal("on-scene", running.GetProperty("status").GetString());
        Assert.Equal(12, running.GetProperty("elapsedMinutes").GetInt32());
        Assert.Equal("K104+000", running.GetProperty("stake").GetString());
        var targets = running.GetProperty("targets").EnumerateArray().ToList();
        Assert.All(targets.Where(t => t.GetProperty("milestone").GetString() != "lanes-clear"), t => Assert.Equal("met", t.GetProperty("state").GetString()));
        var clear = targets.Single(t => t.GetProperty("milestone").GetString() == "lanes-clear");
        Assert.Equal("running", clear.GetProperty("state").GetString());
        Assert.Equal(8, clear.GetProperty("minutesLeft").GetInt32());

        var missed = Incident(board, OpenMissed);
        Assert.Equal("missed", missed.GetProperty("state").GetString());
        Assert.Equal("down", carriageways[1].GetProperty("direction").GetString());
        Assert.Equal(OpenMissed, Assert.Single(carriageways[1].GetProperty("incidents").EnumerateArray()).GetProperty("id").GetGuid());
        var dispatch = missed.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("milestone").GetString() == "dispatched");
        Assert.Equal("missed", dispatch.GetProperty("state").GetString());

        // Its own crew, busy with the incident; the police crew on the same road is not the operator's.
        var crew = Assert.Single(g60.GetProperty("crews").EnumerateArray());
        Assert.Equal(GsPatrol, crew.GetProperty("id").GetGuid());
        Assert.False(crew.GetProperty("free").GetBoolean());
        Assert.Equal("SG-20261120-0001", crew.GetProperty("incidentNumber").GetString());
    }

    [Fact]
    public async Task The_expressway_police_see_every_route_and_every_crew()
    {
        var board = await BoardAsync(fixture.JjDesk);
        Assert.Equal(["G60", "G92"], Routes(board));
        Assert.Equal(2, board.GetProperty("routes")[0].GetProperty("crews").GetArrayLength());
    }

    [Fact]
    public async Task A_gas_inspector_sees_no_route()
    {
        var board = await BoardAsync(fixture.GasInspector);
        Assert.Empty(Routes(board));
        Assert.Equal(0, board.GetProperty("openIncidents").GetInt32());
    }

    [Fact]
    public async Task District_officers_see_the_routes_and_incidents_in_their_districts()
    {
        var gongshu = await BoardAsync(fixture.GongshuOfficer);
        Assert.Equal(["G60"], Routes(gongshu));
        Assert.Equal(2, gongshu.GetProperty("openIncidents").GetInt32());
        var xihu = await BoardAsync(fixture.XihuOfficer);
        Assert.Equal(["G92"], Routes(xihu));
        Assert.Equal(0, xihu.GetProperty("openIncidents").GetInt32());
    }

    [Fact]
    public async Task The_board_page_shows_the_strip_data_the_open_incidents_and_the_indicator_table()
    {
        var response = await fixture.GsDesk.GetAsync("/traffic/board?from=2026-09&to=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"brd-board\"", html, StringComparison.Ordinal);
        Assert.Contains("js/brd-board.js", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/traffic/incidents/{OpenRunning}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"brd-indicators\"", html, StringComparison.Ordinal);
        Assert.Contains("data-month=\"2026-10\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/traffic/indicators/export?from=2026-09&to=2026-11", html, StringComparison.Ordinal);
        Assert.DoesNotContain("G92", html, StringComparison.Ordinal);
        var bad = await fixture.GsDesk.GetAsync("/traffic/board?from=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
