using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Infrastructure.RegionFile;

namespace Linli.Tests.Geography;

[Trait("Category", "Database")]
public sealed class ImportRegionsTests
{
    [Fact]
    public async Task A_valid_tree_is_stored_and_answered_with_counts_per_level()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.ImportAsync(SampleTree().ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(11, body.GetProperty("total").GetInt32());
        var counts = body.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("district").GetInt32());
        Assert.Equal(1, counts.GetProperty("street").GetInt32());
        Assert.Equal(3, counts.GetProperty("community").GetInt32());
        Assert.Equal(5, counts.GetProperty("grid").GetInt32());
        Assert.Equal(1, counts.GetProperty("building").GetInt32());

        var grid = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330105001001001");
        Assert.Equal("西网格", grid.GetProperty("name").GetString());
        Assert.Equal("grid", grid.GetProperty("level").GetString());
        Assert.Equal(["330105", "330105001", "330105001001"],
            grid.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(1, grid.GetProperty("childrenCount").GetInt32());
        // 0.025° × 0.05° at 30.3°N is about 2.40 km × 5.56 km.
        Assert.InRange(grid.GetProperty("areaM2").GetDouble(), 13.2e6, 13.5e6);
        var centroid = grid.GetProperty("centroid").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.Equal(120.1125, centroid[0], 6);
        Assert.Equal(30.325, centroid[1], 6);
    }

    [Fact]
    public async Task A_parent_may_come_after_its_children_in_the_file_or_be_stored_already()
    {
        await using var app = await TestApp.StartAsync();
        var reversed = new RegionFile()
            .Add("330105001", "康桥街道", "street", "330105", Box(120.10, 30.30, 120.20, 30.40))
            .Add("330105", "拱墅区", "district", null, Box(120.10, 30.30, 120.20, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(reversed.ToString())).StatusCode);

        var later = new RegionFile()
            .Add("330105001001", "康桥社区", "community", "330105001", Box(120.10, 30.30, 120.15, 30.35));
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(later.ToString())).StatusCode);
        var street = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330105001");
        Assert.Equal(1, street.GetProperty("childrenCount").GetInt32());
    }

    [Fact]
    public async Task A_city_may_top_the_tree_and_its_districts_use_its_first_four_digits()
    {
        await using var app = await TestApp.StartAsync();
        var file = new RegionFile()
            .Add("330100", "杭州市", "city", null, Box(119.0, 29.0, 121.0, 31.0))
            .Add("330105", "拱墅区", "district", "330100", Box(120.10, 30.30, 120.20, 30.40))
            .Add("331002", "椒江区", "district", "330100", Box(120.30, 30.30, 120.40, 30.40));

        var problem = await RejectedAsync(app, file);

        var error = Assert.Single(problem.Errors);
        Assert.Equal(2, error.Feature);
        Assert.Equal("331002", error.Code);
        Assert.Contains("does not extend its parent's code", error.Reason);
        Assert.Contains("3301", error.Reason);
    }

    [Fact]
    public async Task Every_bad_feature_is_listed_with_its_index_code_and_reason_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();
        var file = SampleTree()
            // 11: self-intersecting bow tie
            .Add("330105001003002", "蝴蝶网格", "grid", "330105001003",
                PolygonOf([120.13, 30.36], [120.15, 30.38], [120.15, 30.36], [120.13, 30.38], [120.13, 30.36]))
            // 12: longitude out of range
            .Add("330105001003003", "越界网格", "grid", "330105001003", Box(190.0, 30.36, 190.1, 30.37))
            // 13: unknown parent
            .Add("330105001009001", "孤儿网格", "grid", "330105001009", Box(120.13, 30.385, 120.14, 30.39))
            // 14: duplicate code
            .Add("330105001001001", "重复网格", "grid", "330105001001", Box(120.10, 30.30, 120.11, 30.31))
            // 15: code that does not extend the parent's
            .Add("330106001003004", "错码网格", "grid", "330105001003", Box(120.13, 30.39, 120.14, 30.395))
            // 16: level out of order (a grid directly under a street)
            .Add("330105001004", "错级网格", "grid", "330105001", Box(120.16, 30.385, 120.17, 30.39))
            // 17: child outside its parent
            .Add("330105001003005", "出界网格", "grid", "330105001003", Box(120.14, 30.39, 120.15, 30.45))
            // 18: overlaps sibling 330105001001001 almost entirely
            .Add("330105001001003", "叠网格", "grid", "330105001001", Box(120.101, 30.301, 120.124, 30.349))
            // 19: missing properties
            .Add("330105001003006", null, null, "330105001003", Box(120.15, 30.39, 120.16, 30.395));

        var problem = await RejectedAsync(app, file);

        Assert.Equal(Enumerable.Range(11, 9), problem.Errors.Select(e => e.Feature));
        Assert.Contains("invalid geometry", Reason(problem, 11));
        Assert.Contains("Self-intersection", Reason(problem, 11), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("coordinates out of range", Reason(problem, 12));
        Assert.Contains("unknown parent '330105001009'", Reason(problem, 13));
        Assert.Contains("duplicate code", Reason(problem, 14));
        Assert.Contains("feature 3", Reason(problem, 14));
        Assert.Contains("does not extend its parent's code", Reason(problem, 15));
        Assert.Contains("level out of order", Reason(problem, 16));
        Assert.Contains("child outside its parent", Reason(problem, 17));
        Assert.Contains("overlap with a sibling", Reason(problem, 18));
        Assert.Contains("330105001001001", Reason(problem, 18));
        Assert.Contains("missing properties: name, level", Reason(problem, 19));
        Assert.Equal("330105001003006", problem.Errors.Single(e => e.Feature == 19).Code);

        // All or nothing: the valid features were not stored either.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/v1/regions/330105")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/v1/locate?lon=120.11&lat=30.32")).StatusCode);
    }

    [Fact]
    public async Task A_code_already_stored_is_a_duplicate()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(SampleTree().ToString())).StatusCode);

        var again = new RegionFile().Add("330105001001002", "东网格", "grid", "330105001001", Box(120.125, 30.30, 120.15, 30.35));
        var problem = await RejectedAsync(app, again);

        Assert.Contains("already exists", Assert.Single(problem.Errors).Reason);
    }

    [Fact]
    public async Task A_new_grid_overlapping_a_stored_sibling_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(SampleTree().ToString())).StatusCode);

        var overlapping = new RegionFile().Add("330105001001003", "叠网格", "grid", "330105001001", Box(120.12, 30.30, 120.13, 30.35));
        var problem = await RejectedAsync(app, overlapping);

        var reason = Assert.Single(problem.Errors).Reason;
        Assert.Contains("overlap with a sibling", reason);
        Assert.Contains("stored region", reason);
    }

    [Fact]
    public async Task Slivers_within_the_tolerance_are_accepted()
    {
        await using var app = await TestApp.StartAsync();
        // Both grids overlap by 0.0001° of a 0.025° width (0.4 %) and stick out of the community by 0.2 %.
        var file = new RegionFile()
            .Add("330105", "拱墅区", "district", null, Box(120.10, 30.30, 120.20, 30.40))
            .Add("330105001", "康桥街道", "street", "330105", Box(120.10, 30.30, 120.20, 30.40))
            .Add("330105001001", "康桥社区", "community", "330105001", Box(120.10, 30.30, 120.15, 30.35))
            .Add("330105001001001", "西网格", "grid", "330105001001", Box(120.0999, 30.30, 120.1251, 30.35))
            .Add("330105001001002", "东网格", "grid", "330105001001", Box(120.125, 30.30, 120.15, 30.35));

        var response = await app.ImportAsync(file.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("street", "33010500", "has 9 digits")]
    [InlineData("street", "33010500A", "digits only")]
    [InlineData("street", "330105000", "must not all be 0")]
    public async Task Codes_follow_the_rules_of_their_level(string level, string code, string expected)
    {
        await using var app = await TestApp.StartAsync();
        var file = new RegionFile()
            .Add("330105", "拱墅区", "district", null, Box(120.10, 30.30, 120.20, 30.40))
            .Add(code, "街道", level, "330105", Box(120.10, 30.30, 120.15, 30.35));

        var problem = await RejectedAsync(app, file);

        Assert.Contains(expected, Assert.Single(problem.Errors).Reason);
    }

    [Fact]
    public async Task A_street_without_a_parent_cannot_top_a_tree()
    {
        await using var app = await TestApp.StartAsync();
        var problem = await RejectedAsync(app, new RegionFile().Add("330105001", "康桥街道", "street", null, Box(120.10, 30.30, 120.20, 30.40)));
        Assert.Contains("parentCode", Assert.Single(problem.Errors).Reason);
    }

    [Fact]
    public async Task A_building_may_be_a_point_but_a_grid_may_not()
    {
        await using var app = await TestApp.StartAsync();
        var file = SampleTree()
            .Add("3301050010010010002", "2幢", "building", "330105001001001", Point(120.112, 30.312))
            .Add("330105001003002", "点网格", "grid", "330105001003", Point(120.15, 30.36));

        var problem = await RejectedAsync(app, file);

        var error = Assert.Single(problem.Errors);
        Assert.Equal(12, error.Feature);
        Assert.Contains("must be a Polygon or MultiPolygon", error.Reason);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[", "not valid JSON")]
    [InlineData("{\"type\":\"Feature\",\"geometry\":null}", "FeatureCollection")]
    [InlineData("[1,2,3]", "FeatureCollection")]
    public async Task A_body_that_is_not_a_feature_collection_is_refused_with_a_reason(string body, string expected)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.ImportAsync(body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_feature_with_malformed_geometry_is_reported_not_crashed_on()
    {
        await using var app = await TestApp.StartAsync();
        var file = new RegionFile().Add("330105", "拱墅区", "district", null,
            new System.Text.Json.Nodes.JsonObject { ["type"] = "Polygon", ["coordinates"] = new System.Text.Json.Nodes.JsonArray(1, 2) });

        var problem = await RejectedAsync(app, file);

        Assert.Contains("geometry", Assert.Single(problem.Errors).Reason);
    }

    internal static async Task<ImportProblem> RejectedAsync(TestApp app, RegionFile file)
    {
        var response = await app.ImportAsync(file.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<ImportProblem>() ?? throw new InvalidOperationException();
    }

    private static string Reason(ImportProblem problem, int feature) => problem.Errors.Single(e => e.Feature == feature).Reason;

    internal sealed record ImportProblem(int Status, string Title, string Detail, List<ImportErrorEntry> Errors);

    internal sealed record ImportErrorEntry(int Feature, string? Code, string Reason);
}
