using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Lists.Core.ListsFixture;

namespace Linli.Tests.Lists.Core;

/// <summary>Issue #8 item 9: the list pages, their forms and the coverage dashboard, as HTML over HTTP.</summary>
[Trait("Category", "Database")]
public sealed partial class ListPagesTests
{
    [Fact]
    public async Task Staff_see_the_demand_list_its_detail_with_history_and_close_a_need_off_through_the_page()
    {
        await using var app = await StartAsync();
        var staff = await StaffAsync(app, Roles.CommunityStaff, Community);
        var id = await RecordDemandAsync(staff);
        await RecordDemandAsync(app.Client, Demand(OtherGrid, "legal-aid"));

        var (status, list) = await PageAsync(staff, "/lists/demands");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/lists/demands/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("独居，希望工作日中午有人送餐", list, StringComparison.Ordinal);
        Assert.Contains("status-badge status-open", list, StringComparison.Ordinal);
        Assert.Contains("data-source=\"api/v1/demands/geojson\"", list, StringComparison.Ordinal);
        Assert.Single(DemandRows().Matches(list));
        Assert.Contains("href=\"/lists/demands/new\"", list, StringComparison.Ordinal);
        var (filtered, none) = await PageAsync(staff, "/lists/demands?status=closed&group=elderly");
        Assert.Equal(HttpStatusCode.OK, filtered);
        Assert.Contains("no-demands", none, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PageAsync(staff, "/lists/demands?status=lost")).Status);

        var (_, detail) = await PageAsync(staff, $"/lists/demands/{id}");
        Assert.Contains("王*英 · 138****5678", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", detail, StringComparison.Ordinal);
        Assert.Contains("独居老人", detail, StringComparison.Ordinal);
        Assert.Contains("<strong>登记</strong>", detail, StringComparison.Ordinal);
        Assert.Equal(["close"], Actions().Matches(detail).Select(m => m.Groups[1].Value));

        var closed = await PostFormAsync(staff, $"/lists/demands/{id}", detail, "close", new() { ["text"] = "老人已由子女接走，不再需要", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Contains("status-badge status-closed", closed.Html, StringComparison.Ordinal);
        Assert.Contains("老人已由子女接走，不再需要", closed.Html, StringComparison.Ordinal);
        Assert.Equal("closed", (await app.GetJsonAsync($"/api/v1/demands/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(staff, $"/lists/demands/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task A_stale_form_on_the_demand_page_changes_nothing_and_says_why()
    {
        await using var app = await StartAsync();
        var staff = await StaffAsync(app, Roles.CommunityStaff, Community);
        var id = await RecordDemandAsync(staff);
        var (_, detail) = await PageAsync(staff, $"/lists/demands/{id}");
        await MatchAsync(app, id);

        var stale = await PostFormAsync(staff, $"/lists/demands/{id}", detail, "close", new() { ["text"] = "已解决", ["version"] = "0" });

        Assert.Contains("刚被他人更新", stale.Html, StringComparison.Ordinal);
        Assert.Equal("matched", (await app.GetJsonAsync($"/api/v1/demands/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_record_form_refuses_bad_fields_with_their_names_and_records_a_good_need()
    {
        await using var app = await StartAsync();
        var staff = await StaffAsync(app, Roles.GridWorker, WestGrid);
        var (status, form) = await PageAsync(staff, "/lists/demands/new");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<option value=\"{WestGrid}\">", form, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["regionCode"] = WestGrid, ["channel"] = "visit", ["category"] = "repairs-home", ["description"] = "厨房水管漏水",
            ["quantity"] = "1", ["urgency"] = "high", ["timeWindows"] = "Sat 09:00-11:00", ["careTags"] = "disabled",
        };
        var refused = await PostFormAsync(staff, "/lists/demands/new", form, "record-demand", fields);
        Assert.Contains("careTagsConsent", refused.Html, StringComparison.Ordinal);
        Assert.Equal(0, (await app.GetJsonAsync("/api/v1/demands")).GetProperty("total").GetInt32());

        fields["careTagsConsent"] = "true";
        var recorded = await PostFormAsync(staff, "/lists/demands/new", form, "record-demand", fields);
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Contains("厨房水管漏水", recorded.Html, StringComparison.Ordinal);
        var need = (await app.GetJsonAsync("/api/v1/demands")).GetProperty("items")[0];
        Assert.Equal("repairs-home", need.GetProperty("category").GetString());
        Assert.Equal(["Sat 09:00-11:00"], need.GetProperty("timeWindows").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(["disabled"], need.GetProperty("careTags").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Staff_record_a_resource_on_its_form_see_it_listed_and_pause_it_on_its_page()
    {
        await using var app = await StartAsync();
        var staff = await StaffAsync(app, Roles.CommunityStaff, Community);
        var (_, form) = await PageAsync(staff, "/lists/resources/new");

        var recorded = await PostFormAsync(staff, "/lists/resources/new", form, "record-resource", new()
        {
            ["regionCode"] = Community, ["providerKind"] = "unit", ["providerName"] = "康桥卫生服务站", ["category"] = "elderly-health",
            ["title"] = "每周二上门量血压", ["capacityPerWeek"] = "20", ["availability"] = "Tue 09:00-11:00", ["conditions"] = "free",
            ["serviceRegions"] = $"{WestGrid},{EastGrid}", ["contactPhone"] = "0571-88001234",
        });
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Contains("每周二上门量血压", recorded.Html, StringComparison.Ordinal);
        Assert.Contains("057*****1234", recorded.Html, StringComparison.Ordinal);
        Assert.Contains("西网格、东网格", recorded.Html, StringComparison.Ordinal);
        Assert.Equal(["pause", "capacity", "withdraw"], Actions().Matches(recorded.Html).Select(m => m.Groups[1].Value));

        var (_, list) = await PageAsync(staff, "/lists/resources");
        Assert.Contains("每周二上门量血压", list, StringComparison.Ordinal);
        Assert.Contains("data-source=\"api/v1/resources/geojson\"", list, StringComparison.Ordinal);
        var id = (await app.GetJsonAsync("/api/v1/resources")).GetProperty("items")[0].GetProperty("id").GetString();

        var paused = await PostFormAsync(staff, $"/lists/resources/{id}", recorded.Html, "pause", new() { ["reason"] = "医生休假", ["version"] = "0" });
        Assert.Contains("status-badge status-paused", paused.Html, StringComparison.Ordinal);
        Assert.Contains("医生休假", paused.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_page_shows_each_community_with_its_figures_and_the_charts_data()
    {
        await using var app = await StartAsync();
        var street = await StaffAsync(app, Roles.StreetOfficer, Street);
        var id = await RecordDemandAsync(street);
        await RecordDemandAsync(street, Demand(EastGrid));
        await MatchAsync(app, id);
        await PostAsync(street, $"/api/v1/demands/{id}/fulfil", new { note = "ok" }, HttpStatusCode.OK);

        var (status, html) = await PageAsync(street, "/lists/coverage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong id=\"kpi-share\">50.0%</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"data-code=\"{Community}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-code=\"{OtherCommunity}\"", html, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"康桥社区\",\"share\":50", html, StringComparison.Ordinal);
        Assert.Contains("js/lists-coverage.js", html, StringComparison.Ordinal);
        var (_, grids) = await PageAsync(street, $"/lists/coverage?region={Community}");
        Assert.Contains($"data-code=\"{WestGrid}\"", grids, StringComparison.Ordinal);
        var community = await StaffAsync(app, Roles.CommunityStaff, OtherCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageAsync(community, $"/lists/coverage?region={Community}")).Status);
    }

    [Fact]
    public async Task The_menu_offers_the_lists_to_those_who_read_them_only()
    {
        await using var app = await StartAsync();
        var staff = await StaffAsync(app, Roles.GridWorker, WestGrid);
        var resident = await app.ClientForAsync(Roles.Resident);

        Assert.Contains("href=\"/lists/demands\"", await staff.GetStringAsync("/lists/coverage"), StringComparison.Ordinal);
        Assert.DoesNotContain("/lists/", await resident.GetStringAsync("/report"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A signed-in client that does not follow redirects by itself: a redirect would drop the bearer
    /// header, so <see cref="PostFormAsync"/> follows the page's redirect after a form with the same client.
    /// </summary>
    private static async Task<HttpClient> StaffAsync(TestApp app, string role, string? scope = null)
    {
        var username = $"{role}-{Guid.NewGuid():N}"[..30];
        await app.ClientForAsync(role, scope, username: username);
        var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.Factory.TokenAsync(username, "Pass-word-2026x"));
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(HttpClient client, string path, string page, string handler,
        Dictionary<string, string> fields)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
        };
        all.AddRange(fields);
        var response = await client.PostAsync(path, new FormUrlEncodedContent(all));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } next)
        {
            return await PageAsync(client, next.OriginalString);
        }
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("class=\"action-form\" data-action=\"([a-z-]+)\"")]
    private static partial Regex Actions();

    [GeneratedRegex("<tr data-demand=")]
    private static partial Regex DemandRows();
}
