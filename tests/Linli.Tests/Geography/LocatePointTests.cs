using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Geography;

[Trait("Category", "Database")]
public sealed class LocatePointTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var response = await _app.ImportAsync(RegionFile.SampleTree().ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> LocateAsync(double lon, double lat)
    {
        var response = await _app.Client.GetAsync(FormattableString.Invariant($"/api/v1/locate?lon={lon}&lat={lat}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_point_in_a_building_is_answered_with_the_building_and_every_level_above()
    {
        var located = await LocateAsync(120.1105, 30.3105);

        Assert.Equal("3301050010010010001", located.GetProperty("building").GetProperty("code").GetString());
        Assert.Equal("1幢", located.GetProperty("building").GetProperty("name").GetString());
        Assert.Equal("330105001001001", located.GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal("西网格", located.GetProperty("grid").GetProperty("name").GetString());
        Assert.Equal("330105001001", located.GetProperty("community").GetProperty("code").GetString());
        Assert.Equal("330105001", located.GetProperty("street").GetProperty("code").GetString());
        Assert.Equal("康桥街道", located.GetProperty("street").GetProperty("name").GetString());
        Assert.Equal("330105", located.GetProperty("district").GetProperty("code").GetString());
        Assert.False(located.GetProperty("approximate").GetBoolean());
        Assert.False(located.GetProperty("grid").GetProperty("approximate").GetBoolean());
    }

    [Fact]
    public async Task A_micro_grid_and_the_building_in_it_are_found_below_the_grid()
    {
        var file = new RegionFile()
            .Add("33010500100100201", "一号楼道", "micro-grid", "330105001001002", RegionFile.Box(120.13, 30.31, 120.14, 30.32))
            .Add("330105001001002010001", "2幢", "building", "33010500100100201", RegionFile.Box(120.135, 30.315, 120.136, 30.316));
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(file.ToString())).StatusCode);

        var located = await LocateAsync(120.1355, 30.3155);

        Assert.Equal("330105001001002", located.GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal("33010500100100201", located.GetProperty("microGrid").GetProperty("code").GetString());
        Assert.Equal("330105001001002010001", located.GetProperty("building").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_point_outside_buildings_has_no_building()
    {
        var located = await LocateAsync(120.12, 30.34);
        Assert.Equal(JsonValueKind.Null, located.GetProperty("building").ValueKind);
        Assert.Equal("330105001001001", located.GetProperty("grid").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_point_on_the_edge_two_grids_share_goes_to_the_lower_code_every_time()
    {
        for (var i = 0; i < 3; i++)
        {
            var located = await LocateAsync(120.125, 30.32);
            Assert.Equal("330105001001001", located.GetProperty("grid").GetProperty("code").GetString());
            Assert.False(located.GetProperty("approximate").GetBoolean());
        }
    }

    [Fact]
    public async Task A_point_on_an_outer_edge_belongs_to_that_grid()
    {
        var located = await LocateAsync(120.10, 30.32);
        Assert.Equal("330105001001001", located.GetProperty("grid").GetProperty("code").GetString());
        Assert.False(located.GetProperty("approximate").GetBoolean());
    }

    [Fact]
    public async Task A_hole_belongs_to_the_grid_inside_it_not_to_the_ring_around_it()
    {
        var island = await LocateAsync(120.175, 30.325);
        Assert.Equal("330105001002002", island.GetProperty("grid").GetProperty("code").GetString());

        var ring = await LocateAsync(120.16, 30.31);
        Assert.Equal("330105001002001", ring.GetProperty("grid").GetProperty("code").GetString());

        // In the hole, about 96 m from both the ring and the island: no grid.
        var response = await _app.Client.GetAsync("/api/v1/locate?lon=120.171&lat=30.3250");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Each_part_of_a_multipolygon_grid_locates_to_it()
    {
        Assert.Equal("330105001003001", (await LocateAsync(120.11, 30.36)).GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal("330105001003001", (await LocateAsync(120.19, 30.39)).GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.GetAsync("/api/v1/locate?lon=120.15&lat=30.375")).StatusCode);
    }

    [Fact]
    public async Task A_point_within_50_m_of_a_grid_gets_it_marked_approximate()
    {
        // 0.0003° of longitude at 30.32°N is about 29 m east of the tree.
        var located = await LocateAsync(120.2003, 30.32);

        Assert.True(located.GetProperty("approximate").GetBoolean());
        Assert.True(located.GetProperty("grid").GetProperty("approximate").GetBoolean());
        Assert.Equal("330105001002001", located.GetProperty("grid").GetProperty("code").GetString());
        Assert.InRange(located.GetProperty("distanceM").GetDouble(), 25, 33);
        Assert.Equal("330105", located.GetProperty("district").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_point_farther_than_50_m_from_every_grid_is_a_404_problem()
    {
        var response = await _app.Client.GetAsync("/api/v1/locate?lon=120.2010&lat=30.32");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/locate?lat=30.3", "lon")]
    [InlineData("/api/v1/locate?lon=200&lat=30.3", "lon")]
    [InlineData("/api/v1/locate?lon=120.1&lat=-91", "lat")]
    public async Task Missing_or_out_of_range_coordinates_are_a_400_naming_the_field(string url, string field)
    {
        var response = await _app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_coordinate_that_is_not_a_number_is_a_400()
    {
        var response = await _app.Client.GetAsync("/api/v1/locate?lon=east&lat=30.3");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_batch_answers_one_grid_code_or_null_per_point_in_order()
    {
        double[][] points = [[120.1105, 30.3105], [120.14, 30.32], [0, 0], [120.175, 30.325], [120.2003, 30.32]];

        var response = await _app.Client.PostAsJsonAsync("/api/v1/locate", points);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = await response.Content.ReadFromJsonAsync<List<string?>>();
        Assert.Equal(new List<string?> { "330105001001001", "330105001001002", null, "330105001002002", "330105001002001" }, codes);
    }

    [Fact]
    public async Task A_batch_of_100000_points_is_answered_and_one_more_is_refused()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 100_000).Select(_ => new[] { 120.10 + random.NextDouble() * 0.1, 30.30 + random.NextDouble() * 0.1 }).ToArray();

        var response = await _app.Client.PostAsJsonAsync("/api/v1/locate", points);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = await response.Content.ReadFromJsonAsync<string?[]>();
        Assert.Equal(100_000, codes!.Length);
        // The sample tree covers a little over half of this square.
        Assert.InRange(codes.Count(c => c is not null), 50_000, 70_000);

        var tooMany = await _app.Client.PostAsJsonAsync("/api/v1/locate", points.Append([120.11, 30.31]).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Theory]
    [InlineData("[[120.1, 30.3, 5]]")]
    [InlineData("[[120.1]]")]
    [InlineData("[[520.1, 30.3]]")]
    [InlineData("[[\"a\", \"b\"]]")]
    [InlineData("{\"lon\": 1}")]
    public async Task A_bad_batch_is_a_400_problem(string body)
    {
        var response = await _app.Client.PostAsync("/api/v1/locate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
