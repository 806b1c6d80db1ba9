using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using static Linli.Tests.Lists.Projects.ListsData;

namespace Linli.Tests.Lists.Projects;

/// <summary>Issue #8 item 9: the matching page, the project board and a project's page, each doing through forms what the API does.</summary>
[Trait("Category", "Database")]
public sealed partial class ProjectPagesTests
{
    [Fact]
    public async Task Staff_run_the_matching_on_the_page_read_the_explanations_and_confirm_a_proposal()
    {
        await using var app = await StartAsync();
        var street = await app.ClientForAsync(Roles.StreetOfficer, Street);
        await ResourceAsync(app, capacity: 10, radius: 2000, windows: "Tue,Thu 11:00-12:00");
        var demand = await DemandAsync(app, quantity: 2, lat: North(1200), windows: "Tue,Thu 11:00-12:00");

        var page = await street.GetStringAsync("/lists/matching");
        Assert.Contains($"value=\"{Community}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Street}\"", page, StringComparison.Ordinal);

        var ran = await PostFormAsync(street, "/lists/matching", page, "run", ("region", Community));
        var proposals = WebUtility.HtmlDecode(await ran.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        Assert.Contains("1.2 公里；周二、周四 11:00-12:00 重合；剩余 10/10 份", proposals, StringComparison.Ordinal);
        var proposal = ProposalBox().Match(proposals).Groups[1].Value;
        var run = RunField().Match(proposals).Groups[1].Value;

        var confirmed = await PostFormAsync(street, "/lists/matching", proposals, "confirm", ("run", run), ("proposal", proposal), ("as", "direct"));

        var answer = WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync());
        Assert.Contains("已确认 1 项直接派单", answer, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{proposal}\"", answer, StringComparison.Ordinal);
        Assert.Equal(DemandStatus.Matched, (await FindDemandAsync(app, demand)).Status);
    }

    [Fact]
    public async Task The_board_shows_projects_by_status_with_progress_and_a_unit_volunteers_on_the_project_page()
    {
        await using var app = await StartAsync();
        var street = await app.ClientForAsync(Roles.StreetOfficer, Street);
        var cg = await app.ClientForAsync(Roles.DepartmentHandler, department: "CG");

        var board = await street.GetStringAsync("/lists/projects");
        Assert.Contains("id=\"column-listed\"", board, StringComparison.Ordinal);
        Assert.Contains("id=\"column-in-progress\"", board, StringComparison.Ordinal);
        Assert.Contains("id=\"column-closed-off\"", board, StringComparison.Ordinal);
        var created = await PostFormAsync(street, "/lists/projects", board, "create-project",
            ("title", "楼道加装扶手"), ("region", Community), ("origin", "volunteered"), ("plannedEnd", "2026-12-31"));
        Assert.Contains("已创建项目 XM-", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var project = (await street.GetFromJsonAsync<JsonElement[]>("/api/v1/projects"))!.Single();
        var id = project.GetProperty("id").GetString();

        var cgBoard = WebUtility.HtmlDecode(await cg.GetStringAsync("/lists/projects"));
        Assert.Contains("楼道加装扶手", cgBoard, StringComparison.Ordinal);
        Assert.DoesNotContain("create-project", cgBoard, StringComparison.Ordinal);
        var detail = await cg.GetStringAsync($"/lists/projects/{id}");
        Assert.Contains("id=\"volunteer\"", detail, StringComparison.Ordinal);
        var taken = await PostFormAsync(cg, $"/lists/projects/{id}", detail, "volunteer", ("unit", "CG"), ("ownerName", "赵国强"));
        var takenPage = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync());
        Assert.Contains("id=\"lead-unit\">CG<", takenPage, StringComparison.Ordinal);
        var added = await PostFormAsync(cg, $"/lists/projects/{id}", takenPage, "add-milestone", ("title", "测量楼道"));
        Assert.Contains("测量楼道", WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var after = WebUtility.HtmlDecode(await street.GetStringAsync("/lists/projects"));
        var inProgress = after[after.IndexOf("id=\"column-in-progress\"", StringComparison.Ordinal)..after.IndexOf("id=\"column-closed-off\"", StringComparison.Ordinal)];
        Assert.Contains("楼道加装扶手", inProgress, StringComparison.Ordinal);
        Assert.Contains("<progress max=\"100\" value=\"0\"", inProgress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_without_the_lists_are_refused_the_pages_and_do_not_see_the_links()
    {
        await using var app = await StartAsync();
        var resident = await app.ClientForAsync(Roles.Resident);
        var district = await app.ClientForAsync(Roles.DistrictOfficer, "330105");
        var street = await app.ClientForAsync(Roles.StreetOfficer, Street);

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/lists/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/lists/matching")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/lists/matching")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/lists/projects/{Guid.NewGuid()}")).StatusCode);
        var home = await street.GetStringAsync("/");
        Assert.Contains("href=\"/lists/matching\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/lists/projects\"", home, StringComparison.Ordinal);
        var districtHome = await district.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/lists/matching\"", districtHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/lists/projects\"", districtHome, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/lists/projects")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string page, string handler, params (string Name, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)),
        };
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"proposal\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ProposalBox();

    [GeneratedRegex("name=\"run\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex RunField();
}
