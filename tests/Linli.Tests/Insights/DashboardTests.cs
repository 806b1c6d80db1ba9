using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Cases;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Infrastructure.RegionFile;

namespace Linli.Tests.Insights;

[Trait("Category", "Database")]
public sealed class DashboardTests : IAsyncLifetime
{
    // Monday 2 March 2026, 09:00 in Beijing: the first stage's one working hour runs out at 10:00.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private const string Community = "330105001001";
    private const string WestGrid = "330105001001001";
    private const string EastGrid = "330105001001002";

    private readonly FakeTimeProvider _clock = new(Monday.ToUniversalTime());
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(clock: _clock);
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(SampleTree().ToString())).StatusCode);
        // A second district with two streets, to see one street officer kept to her street.
        var west = new RegionFile()
            .Add("330106", "西湖区", "district", null, Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001", "北山街道", "street", "330106", Box(120.20, 30.30, 120.25, 30.40))
            .Add("330106001001", "北山社区", "community", "330106001", Box(120.20, 30.30, 120.25, 30.40))
            .Add("330106001001001", "北山网格", "grid", "330106001001", Box(120.20, 30.30, 120.25, 30.40))
            .Add("330106002", "西溪街道", "street", "330106", Box(120.25, 30.30, 120.30, 30.40))
            .Add("330106002001", "西溪社区", "community", "330106002", Box(120.25, 30.30, 120.30, 30.40))
            .Add("330106002001001", "西溪网格", "grid", "330106002001", Box(120.25, 30.30, 120.30, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(west.ToString())).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> ReportAsync(string category, double lon, double lat)
    {
        var response = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report(category, lon, lat));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task ActAsync(HttpClient client, JsonElement c, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}/actions/{action}", body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/dashboard{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Row(JsonElement items, string code) =>
        items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    /// <summary>Two cases round the loop in the west grid (one with a rework), one left waiting in the east grid past its limit.</summary>
    private async Task<HttpClient> RunTheLoopAsync()
    {
        await _app.ClientForAsync("district-officer", "330105", username: "viewer");
        var community = await _app.ClientForAsync("community-staff", Community);
        var gridWorker = await _app.ClientForAsync("grid-worker", WestGrid);
        var sanitation = await _app.ClientForAsync("department-handler", department: "HW");
        var reworked = await ReportAsync("1101", 120.1105, 30.3105);
        var smooth = await ReportAsync("1101", 120.1110, 30.3110);
        await ReportAsync("1102", 120.14, 30.32);
        foreach (var c in new[] { reworked, smooth })
        {
            await ActAsync(community, c, "accept");
            await ActAsync(community, c, "file");
            await ActAsync(community, c, "dispatch", new { unit = "HW" });
            await ActAsync(sanitation, c, "feedback", new { note = "已清运" });
        }
        await ActAsync(gridWorker, reworked, "verify", new { passed = false, note = "仍有垃圾" });
        await ActAsync(sanitation, reworked, "feedback", new { note = "已清理干净" });
        foreach (var c in new[] { reworked, smooth })
        {
            await ActAsync(gridWorker, c, "verify", new { passed = true });
            await ActAsync(community, c, "close");
        }
        // 11:00: the east grid's report has waited two hours for acceptance.
        _clock.Advance(TimeSpan.FromHours(2));
        // Tokens last an hour on the same clock: the viewer signs in again after the jump.
        return _app.Factory.ClientWithToken(await _app.Factory.TokenAsync("viewer", "Pass-word-2026x"));
    }

    [Fact]
    public async Task A_community_dashboard_counts_open_overdue_rates_categories_and_reports_per_grid()
    {
        using var viewer = await RunTheLoopAsync();

        var d = await DashboardAsync(viewer, $"?region={Community}&days=30");

        Assert.Equal(Community, d.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(1, d.GetProperty("open").GetInt64());
        Assert.Equal(1, d.GetProperty("overdue").GetInt64());
        Assert.Equal(3, d.GetProperty("reported").GetInt64());
        Assert.Equal(2, d.GetProperty("closed").GetInt64());
        Assert.Equal(1.0, d.GetProperty("onTimeClosingRate").GetDouble());
        Assert.Equal(0.5, d.GetProperty("reworkRate").GetDouble());
        Assert.Equal("month", d.GetProperty("ratesBasis").GetString());
        Assert.Equal("2026-03-02", d.GetProperty("window").GetProperty("to").GetString());
        Assert.Equal("2026-02-01", d.GetProperty("window").GetProperty("from").GetString());

        var categories = d.GetProperty("topCategories");
        Assert.Equal(["1101", "1102"], categories.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(2, categories[0].GetProperty("reports").GetInt64());
        Assert.False(string.IsNullOrEmpty(categories[0].GetProperty("nameZh").GetString()));

        var heat = d.GetProperty("heatMap");
        Assert.Equal("grid", heat.GetProperty("level").GetString());
        Assert.Equal(1, heat.GetProperty("depth").GetInt32());
        Assert.Equal(2, heat.GetProperty("max").GetInt64());
        Assert.Equal(2, Row(heat.GetProperty("cells"), WestGrid).GetProperty("reports").GetInt64());
        Assert.Equal(1, Row(heat.GetProperty("cells"), EastGrid).GetProperty("reports").GetInt64());

        var grids = d.GetProperty("subRegions").GetProperty("items");
        Assert.Equal(0, Row(grids, WestGrid).GetProperty("open").GetInt64());
        Assert.Equal(0.5, Row(grids, WestGrid).GetProperty("reworkRate").GetDouble());
        Assert.Equal(1, Row(grids, EastGrid).GetProperty("overdue").GetInt64());
        Assert.Equal(JsonValueKind.Null, Row(grids, EastGrid).GetProperty("onTimeClosingRate").ValueKind);

        var trend = d.GetProperty("trend");
        Assert.Equal(30, trend.GetArrayLength());
        Assert.Equal(3, trend[29].GetProperty("reported").GetInt64());
        Assert.Equal(2, trend[29].GetProperty("closed").GetInt64());
    }

    [Fact]
    public async Task A_district_dashboard_reads_day_counters_for_its_trend_and_its_streets()
    {
        using var viewer = await RunTheLoopAsync();

        var d = await DashboardAsync(viewer, "?region=330105&days=7");

        Assert.Equal("day", d.GetProperty("ratesBasis").GetString());
        Assert.Equal(7, d.GetProperty("trend").GetArrayLength());
        Assert.Equal(3, d.GetProperty("trend")[6].GetProperty("reported").GetInt64());
        Assert.Equal(2, d.GetProperty("trend")[6].GetProperty("closed").GetInt64());
        var subRegions = d.GetProperty("subRegions");
        Assert.Equal("street", subRegions.GetProperty("level").GetString());
        Assert.Equal("day", subRegions.GetProperty("basis").GetString());
        var street = Row(subRegions.GetProperty("items"), "330105001");
        Assert.Equal(1, street.GetProperty("open").GetInt64());
        Assert.Equal(1.0, street.GetProperty("onTimeClosingRate").GetDouble());
        Assert.Equal(0.5, street.GetProperty("reworkRate").GetDouble());
        Assert.Equal("grid", d.GetProperty("heatMap").GetProperty("level").GetString());
        Assert.Equal(3, d.GetProperty("heatMap").GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task A_street_officer_sees_only_her_street_and_is_refused_elsewhere()
    {
        await ReportAsync("1101", 120.22, 30.32);
        await ReportAsync("1101", 120.27, 30.32);
        await ReportAsync("1101", 120.28, 30.33);
        var street = await _app.ClientForAsync("street-officer", "330106001");
        var district = await _app.ClientForAsync("district-officer", "330106");
        var resident = await _app.ClientForAsync("resident");

        var mine = await DashboardAsync(street);
        var whole = await DashboardAsync(district);

        Assert.Equal("330106001", mine.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(1, mine.GetProperty("open").GetInt64());
        Assert.Equal(["330106001"], mine.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal("330106", whole.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(3, whole.GetProperty("open").GetInt64());
        Assert.Equal(2, Row(whole.GetProperty("subRegions").GetProperty("items"), "330106002").GetProperty("open").GetInt64());
        foreach (var (client, region) in new[] { (street, "330106002"), (street, "330106"), (street, "330105"), (district, "330105001"), (resident, "330106") })
        {
            var refused = await client.GetAsync($"/api/v1/dashboard?region={region}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/v1/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/api/v1/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData("?days=0", "days")]
    [InlineData("?days=91", "days")]
    [InlineData("?region=abc", "region")]
    [InlineData("?region=330199", "region")]
    public async Task Bad_parameters_are_a_400_that_names_the_field(string query, string field)
    {
        var response = await _app.Client.GetAsync($"/api/v1/dashboard{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Days_that_are_not_a_number_are_a_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Client.GetAsync("/api/v1/dashboard?days=many")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_key_numbers_as_text_and_refuses_a_region_outside_the_scope()
    {
        await ReportAsync("1101", 120.22, 30.32);
        var street = await _app.ClientForAsync("street-officer", "330106001");

        var page = WebUtility.HtmlDecode(await street.GetStringAsync("/dashboard"));
        var outside = await street.GetAsync("/dashboard?region=330105");
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        inEnglish.Headers.Add("Cookie", "linli.lang=c%3Den%7Cuic%3Den");
        var english = await (await street.SendAsync(inEnglish)).Content.ReadAsStringAsync();

        Assert.Contains("id=\"kpi-open\">1<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"kpi-overdue\">0<", page, StringComparison.Ordinal);
        Assert.Contains("北山街道", page, StringComparison.Ordinal);
        Assert.Contains("js/dashboard.js", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("Open cases", english, StringComparison.Ordinal);
        Assert.Contains("On-time closing and rework by sub-region", english, StringComparison.Ordinal);
    }
}
