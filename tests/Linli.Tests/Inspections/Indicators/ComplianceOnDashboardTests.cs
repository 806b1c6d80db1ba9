using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using static Linli.Tests.Inspections.Indicators.IndicatorsFixture;

namespace Linli.Tests.Inspections.Indicators;

/// <summary>The Insights dashboard shows inspection compliance (through IInspectionFacts) to those who read inspections in the region.</summary>
[Trait("Category", "Database")]
public sealed class ComplianceOnDashboardTests(IndicatorsFixture fixture) : IClassFixture<IndicatorsFixture>
{
    private static async Task<JsonElement> DashboardAsync(HttpClient client, string region)
    {
        var response = await client.GetAsync($"/api/v1/dashboard?region={region}&days=30");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_district_dashboard_counts_the_districts_users_inspections_and_open_hazards()
    {
        // The last 30 days run from 20 February to 20 March: in Xihu two inspections fell due, one was done.
        var inspections = (await DashboardAsync(fixture.XihuOfficer, Xihu)).GetProperty("inspections");
        Assert.Equal(1, inspections.GetProperty("activeUsers").GetInt64());
        Assert.Equal(1, inspections.GetProperty("overdueUsers").GetInt64());
        Assert.Equal((2, 1), (inspections.GetProperty("due").GetInt64(), inspections.GetProperty("done").GetInt64()));
        Assert.Equal(0.5, inspections.GetProperty("completionRate").GetDouble());
        Assert.Equal(2, inspections.GetProperty("openHazards").GetInt64());
        Assert.Equal(1, inspections.GetProperty("openMajorHazards").GetInt64());
        Assert.Equal(1, inspections.GetProperty("openPastDeadline").GetInt64());
    }

    [Fact]
    public async Task Staff_who_do_not_read_inspections_get_the_dashboard_without_them()
    {
        var street = await fixture.App.ClientForAsync(Roles.StreetOfficer, "330105001");
        var dashboard = await DashboardAsync(street, "330105001");
        Assert.Equal(JsonValueKind.Null, dashboard.GetProperty("inspections").ValueKind);
    }

    [Fact]
    public async Task The_dashboard_page_shows_the_compliance_figures_and_links_to_the_overview()
    {
        var html = WebUtility.HtmlDecode(await (await fixture.XihuOfficer.GetAsync($"/dashboard?region={Xihu}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"kpi-ins-overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/inspections\"", html, StringComparison.Ordinal);
    }
}
