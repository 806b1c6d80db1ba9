using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Geography;

[Trait("Category", "Database")]
public sealed class ExportRegionsTests
{
    [Fact]
    public async Task An_export_holds_the_region_and_its_descendants_to_the_depth_asked()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());

        var depth1 = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330105/geojson?depth=1");
        var all = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330105/geojson?depth=6");
        var justRoot = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330105/geojson?depth=0");

        Assert.Equal("FeatureCollection", depth1.GetProperty("type").GetString());
        Assert.Equal(["330105", "330105001"], Codes(depth1));
        Assert.Equal(11, Codes(all).Count);
        Assert.Equal(["330105"], Codes(justRoot));
        var grid = all.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "330105001003001");
        Assert.Equal("MultiPolygon", grid.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("330105001003", grid.GetProperty("properties").GetProperty("parentCode").GetString());
        Assert.Equal("grid", grid.GetProperty("properties").GetProperty("level").GetString());
    }

    [Fact]
    public async Task An_export_imports_unchanged_into_another_database()
    {
        await using var source = await TestApp.StartAsync();
        await source.ImportAsync(RegionFile.SampleTree().ToString());
        var exported = await source.Client.GetStringAsync("/api/v1/regions/330105/geojson?depth=6");

        await using var target = await TestApp.StartAsync();
        var response = await target.ImportAsync(exported);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await target.Client.GetStringAsync("/api/v1/regions/330105/geojson?depth=6");
        Assert.Equal(exported, again);
    }

    [Theory]
    [InlineData("/api/v1/regions/999999/geojson", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/regions/330105/geojson?depth=9", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/regions/330105/geojson?depth=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/regions/999999", HttpStatusCode.NotFound)]
    public async Task Unknown_regions_and_bad_depths_are_problems(string url, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());

        var response = await app.Client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Children_and_roots_are_listed_with_their_own_children_counts()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());

        var roots = await app.GetJsonAsync<JsonElement>("/api/v1/regions");
        var communities = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330105001/children");

        Assert.Equal("330105", Assert.Single(roots.EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal([2, 2, 1], communities.EnumerateArray().Select(c => c.GetProperty("childrenCount").GetInt32()));
    }

    private static List<string?> Codes(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToList();
}
