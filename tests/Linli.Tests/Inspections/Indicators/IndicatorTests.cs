using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Linli.Tests.Inspections.Indicators.IndicatorsFixture;

namespace Linli.Tests.Inspections.Indicators;

/// <summary>GET /api/v1/inspections/indicators on a known March (see <see cref="IndicatorsFixture"/>), exact to the count.</summary>
[Trait("Category", "Database")]
public sealed class IndicatorTests(IndicatorsFixture fixture) : IClassFixture<IndicatorsFixture>
{
    private static async Task<JsonElement> IndicatorsAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/inspections/indicators{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Row(JsonElement report, string list, string key) =>
        report.GetProperty(list).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static long L(JsonElement e, string part, string name) => e.GetProperty(part).GetProperty(name).GetInt64();

    private static double? D(JsonElement e, string part, string name) =>
        e.GetProperty(part).GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    [Fact]
    public async Task The_period_defaults_to_this_month_in_China_time()
    {
        var report = await IndicatorsAsync(fixture.GasDesk);
        Assert.Equal("2026-03-01", report.GetProperty("from").GetString());
        Assert.Equal("2026-03-31", report.GetProperty("to").GetString());
        Assert.Equal("2026-03-20", report.GetProperty("today").GetString());
    }

    [Fact]
    public async Task Plan_completion_counts_periodic_inspections_due_in_the_period_and_those_done_by_their_due_day()
    {
        var total = (await IndicatorsAsync(fixture.GasDesk)).GetProperty("total");
        Assert.Equal(5, L(total, "plan", "due"));
        Assert.Equal(3, L(total, "plan", "done"));
        Assert.Equal(2, L(total, "plan", "doneOnTime"));
        Assert.Equal(0.6, D(total, "plan", "completionRate"));
        Assert.Equal(0.4, D(total, "plan", "onTimeRate"));
    }

    [Fact]
    public async Task Hazards_found_count_by_grade_on_the_China_day_they_were_recorded()
    {
        var total = (await IndicatorsAsync(fixture.GasDesk)).GetProperty("total");
        Assert.Equal(3, L(total, "hazards", "general"));
        Assert.Equal(2, L(total, "hazards", "major"));
        Assert.Equal(5, L(total, "hazards", "total"));
    }

    [Fact]
    public async Task Rectification_on_time_is_judged_on_hazards_whose_deadline_fell_in_the_period()
    {
        var total = (await IndicatorsAsync(fixture.GasDesk)).GetProperty("total");
        Assert.Equal(5, L(total, "rectification", "deadlines"));
        Assert.Equal(2, L(total, "rectification", "onTime"));
        Assert.Equal(1, L(total, "rectification", "late"));
        Assert.Equal(1, L(total, "rectification", "openPastDeadline"));
        Assert.Equal(1, L(total, "rectification", "openWithinDeadline"));
        Assert.Equal(0.5, D(total, "rectification", "onTimeRate"));
    }

    [Fact]
    public async Task Repair_times_give_nearest_rank_median_and_p90_and_the_share_on_site_within_target()
    {
        var total = (await IndicatorsAsync(fixture.GasDesk)).GetProperty("total");
        Assert.Equal(11, L(total, "repairs", "reported"));
        Assert.Equal(9, L(total, "repairs", "onSite"));
        Assert.Equal(25, D(total, "repairs", "onSiteMedianMinutes"));
        Assert.Equal(50, D(total, "repairs", "onSiteP90Minutes"));
        Assert.Equal(4, L(total, "repairs", "madeSafe"));
        Assert.Equal(25, D(total, "repairs", "madeSafeMedianMinutes"));
        Assert.Equal(45, D(total, "repairs", "madeSafeP90Minutes"));
        // Judged: nine on site and one still waiting an hour; the one reported ten minutes ago is not judged yet.
        Assert.Equal(10, L(total, "repairs", "judged"));
        Assert.Equal(6, L(total, "repairs", "withinTarget"));
        Assert.Equal(0.6, D(total, "repairs", "withinTargetShare"));
    }

    [Fact]
    public async Task Users_overdue_now_are_active_users_with_an_open_inspection_or_next_due_day_before_today()
    {
        var report = await IndicatorsAsync(fixture.GasDesk);
        Assert.Equal(3, report.GetProperty("total").GetProperty("overdueUsers").GetInt64());
        Assert.Equal(2, Row(report, "districts", Gongshu).GetProperty("overdueUsers").GetInt64());
        Assert.Equal(1, Row(report, "districts", Xihu).GetProperty("overdueUsers").GetInt64());
    }

    [Fact]
    public async Task Each_district_is_named_and_carries_its_own_figures()
    {
        var report = await IndicatorsAsync(fixture.GasDesk);
        Assert.Equal([Gongshu, Xihu], report.GetProperty("districts").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        var gongshu = Row(report, "districts", Gongshu);
        Assert.Equal("拱墅区", gongshu.GetProperty("name").GetString());
        Assert.Equal((3, 2, 1), (L(gongshu, "plan", "due"), L(gongshu, "plan", "done"), L(gongshu, "plan", "doneOnTime")));
        Assert.Equal(0.6667, D(gongshu, "plan", "completionRate"));
        Assert.Equal((2, 1), (L(gongshu, "hazards", "general"), L(gongshu, "hazards", "major")));
        Assert.Equal(0.6667, D(gongshu, "rectification", "onTimeRate"));
        Assert.Equal((7, 5), (L(gongshu, "repairs", "reported"), L(gongshu, "repairs", "onSite")));
        Assert.Equal((30.0, 50.0), (D(gongshu, "repairs", "onSiteMedianMinutes"), D(gongshu, "repairs", "onSiteP90Minutes")));
        Assert.Null(D(gongshu, "repairs", "madeSafeMedianMinutes"));
        Assert.Equal(0.5, D(gongshu, "repairs", "withinTargetShare"));

        var xihu = Row(report, "districts", Xihu);
        Assert.Equal("西湖区", xihu.GetProperty("name").GetString());
        Assert.Equal((2, 1, 1), (L(xihu, "plan", "due"), L(xihu, "plan", "done"), L(xihu, "plan", "doneOnTime")));
        Assert.Equal((1, 1), (L(xihu, "hazards", "general"), L(xihu, "hazards", "major")));
        Assert.Equal((1, 1), (L(xihu, "rectification", "openPastDeadline"), L(xihu, "rectification", "openWithinDeadline")));
        Assert.Equal(0, D(xihu, "rectification", "onTimeRate"));
        // An even count: the median is the lower middle value.
        Assert.Equal((15.0, 35.0), (D(xihu, "repairs", "onSiteMedianMinutes"), D(xihu, "repairs", "onSiteP90Minutes")));
        Assert.Equal(0.75, D(xihu, "repairs", "withinTargetShare"));
    }

    [Fact]
    public async Task Each_inspector_answers_for_the_inspections_assigned_and_the_hazards_found()
    {
        var report = await IndicatorsAsync(fixture.GasDesk);
        Assert.Equal(["-", "insp-a", "insp-b"], report.GetProperty("inspectors").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        var a = Row(report, "inspectors", "insp-a");
        Assert.Equal((2, 2, 1), (L(a, "plan", "due"), L(a, "plan", "done"), L(a, "plan", "doneOnTime")));
        Assert.Equal((2, 1), (L(a, "hazards", "general"), L(a, "hazards", "major")));
        Assert.Equal((3, 2, 1), (L(a, "rectification", "deadlines"), L(a, "rectification", "onTime"), L(a, "rectification", "late")));
        Assert.Equal(JsonValueKind.Null, a.GetProperty("repairs").ValueKind);
        var b = Row(report, "inspectors", "insp-b");
        Assert.Equal((2, 1, 1), (L(b, "plan", "due"), L(b, "plan", "done"), L(b, "plan", "doneOnTime")));
        Assert.Equal(0.5, D(b, "plan", "completionRate"));
        var unassigned = Row(report, "inspectors", "-");
        Assert.Equal((1, 0), (L(unassigned, "plan", "due"), L(unassigned, "plan", "done")));
    }

    [Fact]
    public async Task Each_crew_answers_for_the_emergencies_it_took()
    {
        var crews = (await IndicatorsAsync(fixture.GasDesk)).GetProperty("crews").EnumerateArray().ToList();
        Assert.Equal(["北线抢修班", "南线抢修班"], crews.Take(2).Select(c => c.GetProperty("name").GetString()));
        Assert.Equal((5, 30.0), (L(crews[0], "repairs", "reported"), D(crews[0], "repairs", "onSiteMedianMinutes")!.Value));
        Assert.Equal((4, 15.0), (L(crews[1], "repairs", "reported"), D(crews[1], "repairs", "onSiteMedianMinutes")!.Value));
        Assert.Equal((2, 1, 0), (L(crews[2], "repairs", "reported"), L(crews[2], "repairs", "judged"), L(crews[2], "repairs", "withinTarget")));
    }

    [Fact]
    public async Task A_district_officer_sees_only_their_district()
    {
        var report = await IndicatorsAsync(fixture.XihuOfficer);
        Assert.Equal([Xihu], report.GetProperty("districts").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        var total = report.GetProperty("total");
        Assert.Equal((2, 1), (L(total, "plan", "due"), L(total, "plan", "done")));
        Assert.Equal(4, L(total, "repairs", "reported"));
        Assert.Equal(1, total.GetProperty("overdueUsers").GetInt64());
        Assert.Equal(["insp-b"], report.GetProperty("inspectors").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.XihuOfficer.GetAsync($"/api/v1/inspections/indicators?district={Gongshu}")).StatusCode);
        Assert.Equal(2, L((await IndicatorsAsync(fixture.XihuOfficer, "?utility=GAS")).GetProperty("total"), "plan", "due"));
    }

    [Fact]
    public async Task Another_utilitys_staff_see_nothing_of_the_gas_utility()
    {
        var total = (await IndicatorsAsync(fixture.WaterDesk)).GetProperty("total");
        Assert.Equal((1, 1), (L(total, "plan", "due"), L(total, "plan", "done")));
        Assert.Equal((1, 0), (L(total, "hazards", "general"), L(total, "hazards", "major")));
        Assert.Equal(1, L(total, "repairs", "reported"));
        Assert.Equal(1, total.GetProperty("overdueUsers").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.WaterDesk.GetAsync("/api/v1/inspections/indicators?utility=GAS")).StatusCode);
    }

    [Fact]
    public async Task Admins_see_every_utility_and_may_narrow_to_one_utility_and_district()
    {
        Assert.Equal(6, L((await IndicatorsAsync(fixture.App.Client)).GetProperty("total"), "plan", "due"));
        Assert.Equal(5, L((await IndicatorsAsync(fixture.App.Client, "?utility=GAS")).GetProperty("total"), "plan", "due"));
        var xihu = await IndicatorsAsync(fixture.App.Client, $"?utility=GAS&district={Xihu}");
        Assert.Equal(2, L(xihu.GetProperty("total"), "plan", "due"));
        Assert.Equal(4, L(xihu.GetProperty("total"), "repairs", "reported"));
    }

    [Fact]
    public async Task A_period_of_earlier_days_counts_only_those_days()
    {
        // 1-9 March: due 5 March (done late); hazards found 1 and 6 March; emergencies 2-9 March.
        var total = (await IndicatorsAsync(fixture.GasDesk, "?from=2026-03-01&to=2026-03-09")).GetProperty("total");
        Assert.Equal((1, 1, 0), (L(total, "plan", "due"), L(total, "plan", "done"), L(total, "plan", "doneOnTime")));
        Assert.Equal((0, 2), (L(total, "hazards", "general"), L(total, "hazards", "major")));
        Assert.Equal(8, L(total, "repairs", "reported"));
    }

    [Theory]
    [InlineData("?from=2026-02-30", "from")]
    [InlineData("?from=March", "from")]
    [InlineData("?from=2026-03-10&to=2026-03-01", "to")]
    [InlineData("?from=2025-01-01&to=2026-03-01", "to")]
    [InlineData("?district=33010", "district")]
    [InlineData("?utility=gas%20co", "utility")]
    public async Task A_bad_period_or_filter_is_refused_naming_the_field(string query, string field)
    {
        var response = await fixture.GasDesk.GetAsync($"/api/v1/inspections/indicators{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_table_exports_as_csv_and_xlsx()
    {
        var csv = await fixture.GasDesk.GetAsync("/api/v1/inspections/indicators/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("拱墅区", text, StringComparison.Ordinal);
        Assert.Contains("insp-a", text, StringComparison.Ordinal);
        Assert.Contains("北线抢修班", text, StringComparison.Ordinal);
        var xlsx = await fixture.GasDesk.GetAsync("/api/v1/inspections/indicators/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.GasDesk.GetAsync("/api/v1/inspections/indicators/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_overview_page_shows_the_cards_the_districts_and_links_to_the_other_pages()
    {
        var response = await fixture.GasDesk.GetAsync("/inspections");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("拱墅区", html, StringComparison.Ordinal);
        Assert.Contains("西湖区", html, StringComparison.Ordinal);
        Assert.Contains("60.0%", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ind-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("js/ind-overview.js", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/inspections/customers", "/inspections/rules", "/inspections/rounds", "/inspections/hazards", "/repairs", "/inspect" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
        var bad = await fixture.GasDesk.GetAsync("/inspections?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.XihuOfficer.GetAsync($"/inspections?district={Gongshu}")).StatusCode);
        var xihu = WebUtility.HtmlDecode(await (await fixture.XihuOfficer.GetAsync("/inspections")).Content.ReadAsStringAsync());
        Assert.Contains("西湖区", xihu, StringComparison.Ordinal);
        Assert.DoesNotContain("拱墅区", xihu, StringComparison.Ordinal);
    }
}
