using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;

namespace Linli.Tests.Traffic.Board;

[Trait("Category", "Database")]
public sealed class BoardIndicatorTests(BoardFixture fixture) : IClassFixture<BoardFixture>
{
    private const string Range = "/api/v1/traffic/indicators?from=2026-09&to=2026-11";

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Row(JsonElement report, string route, string month) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("route").GetString() == route && r.GetProperty("month").GetString() == month);

    private static double? Num(JsonElement row, string part, string field)
    {
        var v = row.GetProperty(part).GetProperty(field);
        return v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
    }

    [Fact]
    public async Task October_on_G60_has_the_nearest_rank_median_and_p90_and_the_shares_within_each_target()
    {
        var report = await GetAsync(fixture.GsDesk, Range);
        var october = Row(report, "G60", "2026-10");
        Assert.Equal("沪昆高速", october.GetProperty("routeName").GetString());
        // Four reported in October (the one at 23:30 on the 31st China time included, the cancelled one not).
        Assert.Equal(4, october.GetProperty("incidents").GetInt64());
        // Lanes clear after 10, 20, 30, 40 minutes: median is the lower middle (20), P90 the 4th of 4.
        Assert.Equal(20, Num(october, "clearance", "medianMinutes"));
        Assert.Equal(40, Num(october, "clearance", "p90Minutes"));
        Assert.Equal(0.5, Num(october, "clearedWithinTarget", "rate"));
        // First crew after 5, 9, 12, 16 minutes.
        Assert.Equal(9, Num(october, "firstCrew", "medianMinutes"));
        Assert.Equal(16, Num(october, "firstCrew", "p90Minutes"));
        Assert.Equal(0.5, Num(october, "onSceneWithinOperator", "rate"));
        Assert.Equal(0.75, Num(october, "onSceneWithin1315", "rate"));
        // Dispatched after 0.5, 1 (on the minute counts), 2, 0.8; called back after 2, 3, 4 and never (judged: the 3 minutes are long past).
        Assert.Equal(0.75, Num(october, "dispatchedWithinTarget", "rate"));
        Assert.Equal(4, Num(october, "calledBackWithinTarget", "judged"));
        Assert.Equal(2, Num(october, "calledBackWithinTarget", "within"));
    }

    [Fact]
    public async Task The_first_ten_minutes_of_November_in_China_count_in_November_and_running_targets_are_not_judged()
    {
        var report = await GetAsync(fixture.GsDesk, Range);
        var november = Row(report, "G60", "2026-11");
        Assert.Equal(3, november.GetProperty("incidents").GetInt64());
        Assert.Equal(1, Num(november, "clearance", "count"));
        Assert.Equal(15, Num(november, "clearance", "medianMinutes"));
        // Both open ones are still within their 20 minutes: only the closed one is judged.
        Assert.Equal(1, Num(november, "clearedWithinTarget", "judged"));
        Assert.Equal(1.0, Num(november, "clearedWithinTarget", "rate"));
        // The one nobody was sent to after five minutes missed its one-minute dispatch.
        Assert.Equal(3, Num(november, "dispatchedWithinTarget", "judged"));
        Assert.Equal(2, Num(november, "dispatchedWithinTarget", "within"));
        Assert.DoesNotContain(report.GetProperty("rows").EnumerateArray(), r => r.GetProperty("month").GetString() == "2026-09");
        Assert.Equal(["2026-09", "2026-10", "2026-11"], report.GetProperty("months").EnumerateArray().Select(m => m.GetString()!).ToArray());
        var total = report.GetProperty("total");
        Assert.Equal(7, total.GetProperty("incidents").GetInt64());
        Assert.Equal("", total.GetProperty("route").GetString());
    }

    [Fact]
    public async Task The_operator_sees_only_its_routes_the_police_every_route_and_the_route_filter_narrows()
    {
        var gs = await GetAsync(fixture.GsDesk, Range);
        Assert.All(gs.GetProperty("rows").EnumerateArray(), r => Assert.Equal("G60", r.GetProperty("route").GetString()));
        var jj = await GetAsync(fixture.JjDesk, Range);
        Assert.Equal(8, jj.GetProperty("total").GetProperty("incidents").GetInt64());
        var g92 = await GetAsync(fixture.JjDesk, Range + "&route=G92");
        Assert.Equal("G92", Assert.Single(g92.GetProperty("rows").EnumerateArray()).GetProperty("route").GetString());
        Assert.Equal(1, g92.GetProperty("total").GetProperty("incidents").GetInt64());
        var gsOnG92 = await GetAsync(fixture.GsDesk, Range + "&route=G92");
        Assert.Empty(gsOnG92.GetProperty("rows").EnumerateArray());
        var inspector = await GetAsync(fixture.GasInspector, Range);
        Assert.Equal(0, inspector.GetProperty("total").GetProperty("incidents").GetInt64());
    }

    [Fact]
    public async Task Without_months_the_report_covers_this_month_and_the_two_before()
    {
        var report = await GetAsync(fixture.GsDesk, "/api/v1/traffic/indicators");
        Assert.Equal("2026-09", report.GetProperty("from").GetString());
        Assert.Equal("2026-11", report.GetProperty("to").GetString());
    }

    [Theory]
    [InlineData("?from=2026-13", "from")]
    [InlineData("?from=September", "from")]
    [InlineData("?to=2026-9-1", "to")]
    [InlineData("?from=2026-11&to=2026-09", "to")]
    [InlineData("?from=2024-01&to=2026-11", "to")]
    [InlineData("?route=G60%3B%20drop", "route")]
    public async Task A_bad_month_or_route_is_refused_naming_the_field(string query, string field)
    {
        foreach (var path in new[] { "/api/v1/traffic/indicators", "/api/v1/traffic/indicators/export" })
        {
            var response = await fixture.GsDesk.GetAsync(path + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task The_export_opens_as_a_workbook_with_the_same_numbers()
    {
        var response = await fixture.GsDesk.GetAsync("/api/v1/traffic/indicators/export?from=2026-09&to=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var october = rows.Single(r => (string?)r["路线 route"] == "G60" && (string?)r["月份 month"] == "2026-10");
        Assert.Equal(4, Convert.ToInt32(october["事件数 incidents"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(20, Convert.ToDouble(october["畅通中位分钟 clearance median min"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40, Convert.ToDouble(october["畅通P90分钟 clearance p90 min"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.75, Convert.ToDouble(october["15分钟到场率 on scene within 15 (1315)"], System.Globalization.CultureInfo.InvariantCulture));
        var total = rows.Single(r => (string?)r["路线 route"] is null or "");
        Assert.Equal(7, Convert.ToInt32(total["事件数 incidents"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
