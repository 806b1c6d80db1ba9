using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CaseMapTests : IAsyncLifetime
{
    // Two grids of the sample tree: 330105001001001 holds the first point, 330105001001002 the second.
    private const double Lon1 = 120.1105, Lat1 = 30.3105, Lon2 = 120.14, Lat2 = 30.32;

    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> ReportAsync(string category, double lon, double lat)
    {
        var response = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report(category, lon, lat));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> FeaturesAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/cases/geojson{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("features").EnumerateArray().ToList();
    }

    private static List<string?> Numbers(List<JsonElement> features) =>
        features.Select(f => f.GetProperty("properties").GetProperty("number").GetString()).Order().ToList();

    [Fact]
    public async Task Reported_cases_come_back_as_GeoJSON_points_with_number_category_stage_and_timer()
    {
        var reported = await ReportAsync("1101", Lon1, Lat1);

        var response = await _app.Client.GetAsync("/api/v1/cases/geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        Assert.False(collection.GetProperty("truncated").GetBoolean());
        var feature = Assert.Single(collection.GetProperty("features").EnumerateArray());
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        var geometry = feature.GetProperty("geometry");
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        Assert.Equal([Lon1, Lat1], geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToArray());
        var p = feature.GetProperty("properties");
        Assert.Equal(reported.GetProperty("id").GetString(), p.GetProperty("id").GetString());
        Assert.Equal(reported.GetProperty("number").GetString(), p.GetProperty("number").GetString());
        Assert.Equal("1101", p.GetProperty("category").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p.GetProperty("categoryName").GetString());
        Assert.Equal("reported", p.GetProperty("stage").GetString());
        Assert.Equal("green", p.GetProperty("timer").GetString());
        Assert.Equal(reported.GetProperty("reportedAt").GetDateTimeOffset().ToUnixTimeMilliseconds(),
            p.GetProperty("reportedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.DoesNotContain("13511112222", collection.GetRawText());

        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/geojson");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishFeature = (await (await _app.Client.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features")[0];
        Assert.Matches("^[A-Za-z]", englishFeature.GetProperty("properties").GetProperty("categoryName").GetString());
    }

    [Fact]
    public async Task Category_stage_bbox_and_limit_narrow_the_features()
    {
        var garbage = (await ReportAsync("1101", Lon1, Lat1)).GetProperty("number").GetString();
        var pipe = (await ReportAsync("1502", Lon2, Lat2)).GetProperty("number").GetString();
        var ended = await ReportAsync("1101", Lon2, Lat2);
        var declined = await _app.Client.PostAsJsonAsync($"/api/v1/cases/{ended.GetProperty("id").GetString()}/actions/decline", new { reason = "不属于受理范围" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var endedNumber = ended.GetProperty("number").GetString();

        Assert.Equal([garbage, endedNumber], Numbers(await FeaturesAsync(_app.Client, "?category=1101")));
        // A major category stands for its minor ones.
        Assert.Equal([pipe], Numbers(await FeaturesAsync(_app.Client, "?category=15")));
        Assert.Equal([garbage, pipe], Numbers(await FeaturesAsync(_app.Client, "?stage=reported")));
        var greyed = Assert.Single(await FeaturesAsync(_app.Client, "?stage=declined,closed"));
        Assert.Equal("grey", greyed.GetProperty("properties").GetProperty("timer").GetString());
        Assert.Equal([garbage], Numbers(await FeaturesAsync(_app.Client, "?bbox=120.10,30.30,120.12,30.315")));
        Assert.Equal([pipe], Numbers(await FeaturesAsync(_app.Client, "?bbox=120.13,30.31,120.15,30.33&category=15&stage=reported")));

        var limited = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/cases/geojson?limit=2");
        Assert.Equal(2, limited.GetProperty("features").GetArrayLength());
        Assert.True(limited.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_grid_worker_sees_only_the_cases_of_her_grid_on_the_map()
    {
        var mine = (await ReportAsync("1101", Lon1, Lat1)).GetProperty("number").GetString();
        await ReportAsync("1101", Lon2, Lat2);
        var gridWorker = await _app.ClientForAsync("grid-worker", "330105001001001");

        Assert.Equal([mine], Numbers(await FeaturesAsync(gridWorker)));
        Assert.Empty(await FeaturesAsync(gridWorker, "?bbox=120.13,30.31,120.15,30.33"));
        Assert.Equal(2, (await FeaturesAsync(_app.Client)).Count);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/api/v1/cases/geojson")).StatusCode);
    }

    [Theory]
    [InlineData("bbox=120.1,30.3,120.2", "bbox")]
    [InlineData("bbox=120.2,30.3,120.1,30.4", "bbox")]
    [InlineData("bbox=west,30.3,120.1,30.4", "bbox")]
    [InlineData("bbox=120.1,30.3,190,30.4", "bbox")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5001", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("stage=reported,lost", "stage")]
    [InlineData("category=9999", "category")]
    public async Task Bad_query_values_get_400_naming_the_field(string query, string field)
    {
        var response = await _app.Client.GetAsync($"/api/v1/cases/geojson?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), query);
    }
}

/// <summary>The base-map tile server is configuration, and the content policy lets in that server's images only.</summary>
public sealed class CaseMapTileTests
{
    [Fact]
    public async Task A_configured_tile_server_and_no_other_is_allowed_in_img_src()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Linli:Map:TileUrl"] = "https://tile.example/{z}/{x}/{y}.png",
            ["Linli:Map:Attribution"] = "© Example",
        });

        var response = await app.Anonymous.GetAsync("/api/v1/categories");
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://tile.example;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_tile_server_images_come_from_this_site_only()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Anonymous.GetAsync("/api/v1/categories");
        Assert.Contains("img-src 'self' data: blob:;", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
