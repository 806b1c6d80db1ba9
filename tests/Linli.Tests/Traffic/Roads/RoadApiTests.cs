using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linli.Modules.Traffic.Roads;
using Linli.Modules.Traffic.Roads.ImportRoutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Traffic.Roads;

[Trait("Category", "Database")]
public sealed class RoadApiTests
{
    [Fact]
    public async Task Both_carriageways_import_and_the_list_the_route_and_the_districts_show_them()
    {
        await using var app = await RoadKit.StartAsync();
        var desk = await RoadKit.DeskAsync(app);
        var response = await RoadKit.ImportAsync(desk, RoadKit.Collection(RoadKit.G60Up(), RoadKit.G60Down()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, summary.GetProperty("added").GetInt32());
        Assert.Equal(["G60 up", "G60 down"], summary.GetProperty("carriageways").EnumerateArray().Select(c => c.GetString()!).ToArray());

        var list = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes")).EnumerateArray().ToList();
        Assert.Equal(2, list.Count);
        var up = list.Single(r => r.GetProperty("direction").GetString() == "up");
        Assert.Equal("G60", up.GetProperty("code").GetString());
        Assert.Equal("沪昆高速", up.GetProperty("name").GetString());
        Assert.Equal("GS", up.GetProperty("operator").GetString());
        Assert.Equal("K150+000", up.GetProperty("firstStake").GetString());
        Assert.Equal(150_000, up.GetProperty("firstStakeMeters").GetDouble());
        Assert.Equal("K157+796", up.GetProperty("lastStake").GetString());
        Assert.InRange(up.GetProperty("lengthMeters").GetDouble(), 7_790, 7_800);
        var down = list.Single(r => r.GetProperty("direction").GetString() == "down");
        Assert.Equal("K157+796", down.GetProperty("firstStake").GetString());
        Assert.Equal("K150+000", down.GetProperty("lastStake").GetString());

        var route = await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes/g60");
        var carriageways = route.GetProperty("carriageways").EnumerateArray().ToList();
        Assert.Equal(2, carriageways.Count);
        Assert.All(carriageways, c => Assert.Contains("330105", c.GetProperty("districtCodes").EnumerateArray().Select(d => d.GetString())));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/api/v1/traffic/routes/G99")).StatusCode);
        var events = await RoadKit.DbAsync(app, db => db.TrafficEvents.CountAsync(e => e.SubjectKind == "route" && e.Action == "imported"));
        Assert.Equal(2, events);
    }

    [Fact]
    public async Task A_file_with_bad_features_is_refused_whole_and_every_bad_feature_is_listed_by_index_field_and_reason()
    {
        await using var app = await RoadKit.StartAsync();
        var desk = await RoadKit.DeskAsync(app);
        var point = new JsonObject
        {
            ["type"] = "Feature", ["properties"] = RoadKit.G60Up()["properties"]!.DeepClone(),
            ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(120.1, 30.3) },
        };
        var broken = new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { ["code"] = "S2", ["name"] = "绕城", ["direction"] = "up", ["operator"] = "GS", ["startStake"] = "K0+000" },
            ["geometry"] = new JsonObject
            {
                ["type"] = "MultiLineString",
                ["coordinates"] = new JsonArray(new JsonArray(new JsonArray(120.11, 30.31), new JsonArray(120.12, 30.31)),
                    new JsonArray(new JsonArray(120.15, 30.31), new JsonArray(120.16, 30.31))),
            },
        };
        var features = new JsonNode[]
        {
            RoadKit.G60Up(),                                                                          // 0 fine
            RoadKit.Feature("G60", "sideways", "K150+000", RoadKit.UpLine),                          // 1 direction
            RoadKit.Feature("G92", "up", "K12+34x", RoadKit.UpLine),                                 // 2 startStake
            point,                                                                                     // 3 geometry
            RoadKit.Feature("G25", "up", "K0+000", [[120.11, 30.31], [200.0, 30.31]]),                // 4 coordinates out of range
            RoadKit.Feature("G56", "down", "K0+100", RoadKit.UpLine),                                 // 5 stakes would fall below K0
            broken,                                                                                    // 6 MultiLineString in two pieces
            RoadKit.Feature("G60", "up", "K150+000", RoadKit.UpLine),                                 // 7 G60 up again
            RoadKit.Feature("G2", "up", "K0+000", RoadKit.UpLine, marks: new JsonArray(
                new JsonObject { ["stake"] = "K5+000", ["lon"] = 120.170, ["lat"] = 30.325 },
                new JsonObject { ["stake"] = "K4+000", ["lon"] = 120.180, ["lat"] = 30.323 })),     // 8 marks not monotonic
            RoadKit.Feature("G3", "up", "K0+000", [[120.11, 30.31], [120.13, 30.33], [120.13, 30.31], [120.11, 30.33]]), // 9 crosses itself
        };
        var response = await RoadKit.ImportAsync(desk, RoadKit.Collection(features));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (Index: e.GetProperty("index").GetInt32(), Field: e.GetProperty("field").GetString()!, Reason: e.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], errors.Select(e => e.Index).Distinct().Order().ToList());
        Assert.Contains(errors, e => e.Index == 1 && e.Field == "direction");
        Assert.Contains(errors, e => e.Index == 2 && e.Field == "startStake");
        Assert.Contains(errors, e => e.Index == 3 && e.Field == "geometry" && e.Reason.Contains("Point"));
        Assert.Contains(errors, e => e.Index == 4 && e.Field.StartsWith("geometry.coordinates[1]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Index == 5 && e.Reason.Contains("K0+000"));
        Assert.Contains(errors, e => e.Index == 6 && e.Reason.Contains("not one continuous line"));
        Assert.Contains(errors, e => e.Index == 7 && e.Reason.Contains("index 0"));
        Assert.Contains(errors, e => e.Index == 8 && e.Field.StartsWith("stakeMarks", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Index == 9 && e.Reason.Contains("itself"));
        Assert.Equal(0, await RoadKit.DbAsync(app, db => db.Expressways.CountAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[1,\"x\",null,{\"type\":\"Feature\"}]}")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"G1\",\"name\":\"x\",\"direction\":\"up\",\"operator\":\"GS\",\"startStake\":1e308},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1e400,0],[\"a\"]]}}]}")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"G1\",\"name\":\"x\",\"direction\":\"up\",\"operator\":\"GS\",\"startStake\":0},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[120.1,30.3],[120.1,30.3]]}}]}")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"G1\",\"name\":\"x\",\"direction\":\"up\",\"operator\":\"GS\",\"startStake\":0},\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":[]}}]}")]
    public async Task Rubbish_is_a_client_error_never_a_server_error(string body)
    {
        await using var app = await RoadKit.StartAsync();
        var response = await RoadKit.ImportAsync(app.Client, body);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, await RoadKit.DbAsync(app, db => db.Expressways.CountAsync()));
    }

    [Fact]
    public async Task An_exported_network_imports_back_and_a_known_carriageway_is_redrawn_not_duplicated()
    {
        await using var app = await RoadKit.StartAsync();
        var desk = await RoadKit.DeskAsync(app);
        var marks = new JsonArray(new JsonObject { ["stake"] = "K154+100", ["lon"] = 120.150, ["lat"] = 30.326 });
        var first = await RoadKit.ImportAsync(desk, RoadKit.Collection(RoadKit.Feature("G60", "up", "K150+000", RoadKit.UpLine, marks: marks), RoadKit.G60Down()));
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        // The network is read once, so the redraw below must reach the cache.
        var before = await app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes/G60/up/stakes/K154+100");

        var export = await desk.GetAsync("/api/v1/traffic/routes.geojson");
        Assert.Equal("application/geo+json", export.Content.Headers.ContentType?.MediaType);
        var file = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        var up = file["features"]!.AsArray().Single(f => f!["properties"]!["direction"]!.GetValue<string>() == "up")!;
        Assert.Equal("K150+000", up["properties"]!["startStake"]!.GetValue<string>());
        Assert.Equal("K154+100", up["properties"]!["stakeMarks"]![0]!["stake"]!.GetValue<string>());
        foreach (var feature in file["features"]!.AsArray())
        {
            feature!["properties"]!["name"] = "沪昆高速（杭州段）";
        }
        up["properties"]!["stakeMarks"]![0]!["stake"] = "K154+000";
        var again = await RoadKit.ImportAsync(desk, file.ToJsonString());
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        var summary = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, summary.GetProperty("added").GetInt32());
        Assert.Equal(2, summary.GetProperty("redrawn").GetInt32());
        Assert.Equal(2, await RoadKit.DbAsync(app, db => db.Expressways.CountAsync()));
        var route = await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes/G60");
        Assert.Equal("沪昆高速（杭州段）", route.GetProperty("name").GetString());
        var after = await app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes/G60/up/stakes/K154+000");
        // K154+000 now stands where K154+100 stood.
        Assert.Equal(before.GetProperty("lon").GetDouble(), after.GetProperty("lon").GetDouble(), 4);
        Assert.Equal(before.GetProperty("lat").GetDouble(), after.GetProperty("lat").GetDouble(), 4);
    }

    [Fact]
    public async Task Locate_picks_the_carriageway_the_driver_is_heading_along_and_answers_route_stake_and_snapped_point()
    {
        await using var app = await RoadKit.StartAsync();
        Assert.True((await RoadKit.ImportAsync(app.Client, RoadKit.Collection(RoadKit.G60Up(), RoadKit.G60Down()))).IsSuccessStatusCode);
        // Between the two carriageways, a little nearer the up (eastbound) one.
        const string between = "lon=120.160&lat=30.32563";
        var nearest = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/locate?{between}");
        Assert.Equal("up", nearest.GetProperty("direction").GetString());
        var westbound = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/locate?{between}&heading=272");
        Assert.Equal("down", westbound.GetProperty("direction").GetString());
        var eastbound = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/locate?{between}&heading=88");
        Assert.Equal("up", eastbound.GetProperty("direction").GetString());
        Assert.Equal("G60", eastbound.GetProperty("route").GetString());
        Assert.Equal("沪昆高速", eastbound.GetProperty("name").GetString());
        Assert.Matches(@"^K15\d\+\d{3}$", eastbound.GetProperty("stake").GetString());
        Assert.InRange(eastbound.GetProperty("stakeMeters").GetDouble(), 154_800, 155_000);
        Assert.InRange(eastbound.GetProperty("offsetMeters").GetDouble(), 1, 30);
        Assert.InRange(eastbound.GetProperty("lat").GetDouble(), 30.3250, 30.3262);
        // The same stakes on both sides: the down carriageway's stake here is within a few metres of the up one's.
        Assert.InRange(westbound.GetProperty("stakeMeters").GetDouble(), eastbound.GetProperty("stakeMeters").GetDouble() - 15,
            eastbound.GetProperty("stakeMeters").GetDouble() + 15);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync("/api/v1/traffic/locate?lon=120.16&lat=30.34")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous.GetAsync("/api/v1/traffic/locate?lon=120.16")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous.GetAsync($"/api/v1/traffic/locate?{between}&heading=400")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous.GetAsync($"/api/v1/traffic/locate?{between}&maxOffset=5000")).StatusCode);
    }

    [Fact]
    public async Task A_stake_gives_its_point_and_a_malformed_stake_is_400_while_one_off_the_stretch_is_404()
    {
        await using var app = await RoadKit.StartAsync();
        Assert.True((await RoadKit.ImportAsync(app.Client, RoadKit.Collection(RoadKit.G60Up(), RoadKit.G60Down()))).IsSuccessStatusCode);
        var start = await app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes/G60/up/stakes/K150+000");
        Assert.Equal(120.110, start.GetProperty("lon").GetDouble(), 5);
        Assert.Equal(30.320, start.GetProperty("lat").GetDouble(), 5);
        Assert.Equal("K150+000", start.GetProperty("stake").GetString());
        var down = await app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes/G60/%E4%B8%8B%E8%A1%8C/stakes/151000");
        Assert.Equal("down", down.GetProperty("direction").GetString());
        Assert.Equal("K151+000", down.GetProperty("stake").GetString());
        // Back again: the point of K151+000 locates to K151+000.
        var back = await app.Anonymous.GetFromJsonAsync<JsonElement>(
            $"/api/v1/traffic/locate?lon={down.GetProperty("lon").GetDouble()}&lat={down.GetProperty("lat").GetDouble()}&heading=270");
        Assert.InRange(back.GetProperty("stakeMeters").GetDouble(), 150_999, 151_001);

        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous.GetAsync("/api/v1/traffic/routes/G60/up/stakes/K15x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous.GetAsync("/api/v1/traffic/routes/G60/left/stakes/K150+000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync("/api/v1/traffic/routes/G60/up/stakes/K170+000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync("/api/v1/traffic/routes/G99/up/stakes/K1+000")).StatusCode);
    }

    [Fact]
    public async Task A_desk_imports_and_retires_only_its_own_units_routes()
    {
        await using var app = await RoadKit.StartAsync();
        var police = await RoadKit.DeskAsync(app, "CG");
        var refused = await RoadKit.ImportAsync(police, RoadKit.Collection(RoadKit.G60Up()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("operator", await refused.Content.ReadAsStringAsync());
        var desk = await RoadKit.DeskAsync(app);
        Assert.True((await RoadKit.ImportAsync(desk, RoadKit.Collection(RoadKit.G60Up(), RoadKit.G60Down()))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.DeleteAsync("/api/v1/traffic/routes/G60/up")).StatusCode);
        Assert.NotNull(await app.Factory.Services.GetRequiredService<IRoadNetwork>().LocateAsync(120.13, 30.322, null, 150, default));
        Assert.Equal(HttpStatusCode.NoContent, (await desk.DeleteAsync("/api/v1/traffic/routes/G60/up")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.DeleteAsync("/api/v1/traffic/routes/G60/down")).StatusCode);
        Assert.Null(await app.Factory.Services.GetRequiredService<IRoadNetwork>().LocateAsync(120.13, 30.322, null, 150, default));
        Assert.Empty((await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes")).EnumerateArray());
        Assert.Equal(2, (await desk.GetFromJsonAsync<JsonElement>("/api/v1/traffic/routes?all=true")).GetArrayLength());
    }

    [Fact]
    public async Task Another_node_sees_a_changed_network_after_its_refresh_interval()
    {
        await using var app = await RoadKit.StartAsync();
        Assert.True((await RoadKit.ImportAsync(app.Client, RoadKit.Collection(RoadKit.G60Up()))).IsSuccessStatusCode);
        // A second node: its own cache over the same database, refreshing every 0.2 s.
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Linli:Traffic:NetworkRefreshSeconds"] = "0.2" }).Build();
        using var other = new RoadNetwork(app.Factory.Services.GetRequiredService<IDbContextFactory<Linli.Infrastructure.Persistence.LinliDb>>(), settings,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RoadNetwork>.Instance);
        Assert.NotNull(await other.LocateAsync(120.13, 30.322, null, 150, default));
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync("/api/v1/traffic/routes/G60/up")).StatusCode);
        await Task.Delay(400);
        Assert.Null(await other.LocateAsync(120.13, 30.322, null, 150, default));
    }

    [Fact]
    public void The_shipped_demo_network_passes_the_importers_checks_with_both_directions_of_four_routes()
    {
        using var stream = typeof(RoadDemoData).Assembly.GetManifestResourceStream(RoadDemoData.Resource)!;
        using var document = JsonDocument.Parse(stream);
        var (routes, errors) = RouteGeoJson.Read(document.RootElement);
        Assert.Empty(errors);
        Assert.Equal(["G2501", "G56", "G60", "G92"], routes.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.All(routes.GroupBy(r => r.Code), g => Assert.Equal(["down", "up"], g.Select(r => r.Direction).Order(StringComparer.Ordinal).ToArray()));
        Assert.All(routes, r => Assert.Equal("GS", r.Operator));
        // Each down carriageway's stake at a point agrees with the up one's across the road.
        foreach (var g in routes.GroupBy(r => r.Code))
        {
            var up = g.Single(r => r.Direction == "up").Route;
            var down = g.Single(r => r.Direction == "down").Route;
            var p = up.PointAlong(up.LengthMeters / 3);
            Assert.InRange(down.Project(p.X, p.Y).StakeMeters, up.StakeAt(up.LengthMeters / 3) - 40, up.StakeAt(up.LengthMeters / 3) + 40);
        }
    }
}
