using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Lists.Projects.ListsData;

namespace Linli.Tests.Lists.Projects;

/// <summary>Issue #8 item 3: projects listed and volunteered for (揭榜), assigned (认领), worked through milestones, closed off (销号) and rated.</summary>
[Trait("Category", "Database")]
public sealed class ProjectTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _street = null!;
    private HttpClient _cg = null!;
    private HttpClient _gas = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        _street = await _app.ClientForAsync(Roles.StreetOfficer, Street);
        _cg = await _app.ClientForAsync(Roles.DepartmentHandler, department: "CG", username: "cg-handler");
        _gas = await _app.ClientForAsync(Roles.DepartmentHandler, department: "GAS");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var (status, answer) = await PostAsync(client, "/api/v1/projects", body);
        Assert.True(status == HttpStatusCode.Created, answer.ToString());
        return answer;
    }

    private static string Url(JsonElement project, string action = "") => $"/api/v1/projects/{project.GetProperty("id").GetString()}{action}";

    private static List<string> Steps(JsonElement project) => [.. project.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!)];

    [Fact]
    public async Task A_listed_project_is_taken_up_by_a_unit_that_volunteers_and_others_see_it_no_longer()
    {
        var listed = await CreateAsync(_street, new { title = "楼道加装扶手", region = Community, plannedEnd = "2026-12-31" });
        Assert.Equal("listed", listed.GetProperty("status").GetString());
        Assert.Equal("volunteered", listed.GetProperty("origin").GetString());
        Assert.Contains((await _gas.GetFromJsonAsync<JsonElement>("/api/v1/projects?status=listed")).EnumerateArray(), p => p.GetProperty("id").GetString() == listed.GetProperty("id").GetString());

        var (status, taken) = await PostAsync(_cg, Url(listed, "/volunteer"), new { ownerName = "赵国强" });

        Assert.True(status == HttpStatusCode.OK, taken.ToString());
        Assert.Equal("in-progress", taken.GetProperty("status").GetString());
        Assert.Equal("CG", taken.GetProperty("leadUnit").GetString());
        Assert.Equal("赵*强", taken.GetProperty("owner").GetString());
        Assert.Equal(["created", "volunteered"], Steps(taken));
        Assert.Equal("cg-handler", taken.GetProperty("history")[1].GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_cg, Url(listed, "/volunteer"), new { })).Status);
        // Once taken up, the project is no longer another unit's to see or take.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_gas, Url(listed, "/volunteer"), new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gas.GetAsync(Url(listed))).StatusCode);
        Assert.Empty(await _gas.GetFromJsonAsync<JsonElement[]>("/api/v1/projects") ?? []);
        Assert.Single(await _cg.GetFromJsonAsync<JsonElement[]>("/api/v1/projects") ?? []);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_street, Url(listed, "/volunteer"), new { })).Status);
    }

    [Fact]
    public async Task The_street_assigns_a_unit_to_a_listed_project_or_creates_it_assigned()
    {
        var listed = await CreateAsync(_street, new { title = "老旧小区适老化改造", region = Community });
        var (status, assigned) = await PostAsync(_street, Url(listed, "/assign"), new { leadUnit = "康桥物业", ownerName = "钱多多" });
        Assert.True(status == HttpStatusCode.OK, assigned.ToString());
        Assert.Equal("assigned", assigned.GetProperty("origin").GetString());
        Assert.Equal(["created", "assigned"], Steps(assigned));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_street, Url(listed, "/assign"), new { leadUnit = "别的单位", ownerName = "孙悟空" })).Status);

        var direct = await CreateAsync(_street, new
        {
            title = "助浴服务", region = Community, origin = "assigned", leadUnit = "CG", ownerName = "李雷",
            milestones = new[] { new { title = "招募志愿者", due = "2026-12-01" } },
        });
        Assert.Equal("in-progress", direct.GetProperty("status").GetString());
        Assert.Equal(["created", "milestone-added", "assigned"], Steps(direct));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_street, "/api/v1/projects", new { title = "缺单位", region = Community, origin = "assigned" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_street, "/api/v1/projects", new { title = "来源错误", region = Community, origin = "matched" })).Status);
    }

    [Fact]
    public async Task The_lead_unit_works_through_milestones_and_progress_follows()
    {
        var project = await CreateAsync(_street, new { title = "社区食堂", region = Community, origin = "assigned", leadUnit = "CG", ownerName = "李雷" });
        var (_, one) = await PostAsync(_cg, Url(project, "/milestones"), new { title = "选址", due = "2026-12-01" });
        var (status, two) = await PostAsync(_street, Url(project, "/milestones"), new { title = "开业" });
        Assert.True(status == HttpStatusCode.OK, two.ToString());
        Assert.Equal(0, two.GetProperty("progress").GetInt32());
        var first = two.GetProperty("milestones")[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_gas, Url(project, "/milestones"), new { title = "不是我的" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_cg, Url(project, $"/milestones/{first}/complete"), new { evidence = " " })).Status);
        var (doneStatus, done) = await PostAsync(_cg, Url(project, $"/milestones/{first}/complete"), new { evidence = "选定康桥路 1 号一楼" });

        Assert.True(doneStatus == HttpStatusCode.OK, done.ToString());
        Assert.Equal(50, done.GetProperty("progress").GetInt32());
        Assert.Equal("选定康桥路 1 号一楼", done.GetProperty("milestones")[0].GetProperty("evidence").GetString());
        Assert.Equal(["created", "assigned", "milestone-added", "milestone-added", "milestone-done"], Steps(done));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_cg, Url(project, $"/milestones/{first}/complete"), new { evidence = "再来一次" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(_cg, Url(project, $"/milestones/{Guid.NewGuid()}/complete"), new { evidence = "x" })).Status);
        Assert.NotEqual(default, one);
    }

    [Fact]
    public async Task Closing_off_fulfils_and_closes_the_linked_needs_frees_capacity_and_then_residents_rate_it()
    {
        var need = await DemandAsync(_app, quantity: 2);
        var project = await CreateAsync(_street, new
        {
            title = "独居老人助餐", region = Community, origin = "assigned", leadUnit = "幸福里餐厅", ownerName = "王小明", demandIds = new[] { need },
        });
        Assert.Equal(DemandStatus.InProject, (await FindDemandAsync(_app, need)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_street, Url(project, "/rate"), new { rating = 5 })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_cg, Url(project, "/close-off"), new { evidence = "完成" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_street, Url(project, "/close-off"), new { evidence = "" })).Status);

        var photo = Guid.NewGuid();
        var (status, closed) = await PostAsync(_street, Url(project, "/close-off"), new { evidence = "每周送餐 2 次，已持续 3 个月", photoIds = new[] { photo } });

        Assert.True(status == HttpStatusCode.OK, closed.ToString());
        Assert.Equal("closed-off", closed.GetProperty("status").GetString());
        Assert.Equal(100, closed.GetProperty("progress").GetInt32());
        Assert.Equal(photo.ToString(), closed.GetProperty("closingPhotoIds")[0].GetString());
        var demand = await FindDemandAsync(_app, need);
        Assert.Equal(DemandStatus.Closed, demand.Status);
        Assert.Contains("每周送餐 2 次", demand.ClosingEvidence, StringComparison.Ordinal);
        Assert.Equal(["in-project", "fulfilled", "closed"], await HistoryAsync(_app, need));

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_street, Url(project, "/rate"), new { rating = 6 })).Status);
        var (rateStatus, rated) = await PostAsync(_street, Url(project, "/rate"), new { rating = 4, comment = "饭菜可口" });
        Assert.True(rateStatus == HttpStatusCode.OK, rated.ToString());
        Assert.Equal(4, rated.GetProperty("rating").GetInt32());
        Assert.Equal(["created", "assigned", "closed-off", "rated"], Steps(rated));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_street, Url(project, "/rate"), new { rating = 5 })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_street, Url(project, "/milestones"), new { title = "太晚了" })).Status);
    }

    [Fact]
    public async Task Closing_off_a_matched_project_ends_its_allocations_so_the_capacity_is_offered_again()
    {
        var canteen = await ResourceAsync(_app, capacity: 3);
        await DemandAsync(_app, quantity: 3);
        var run = await RunAsync(_street, Community);
        var (_, confirmed) = await PostAsync(_street, $"/api/v1/matching/runs/{run.GetProperty("id").GetString()}/confirm", new
        {
            proposalIds = Proposals(run).Select(p => p.GetProperty("id").GetString()).ToArray(), @as = "project", title = "助餐", leadUnit = "幸福里餐厅", ownerName = "王小明",
        });
        var projectUrl = $"/api/v1/projects/{confirmed.GetProperty("projectId").GetString()}";
        await DemandAsync(_app, quantity: 1);
        Assert.Empty(Proposals(await RunAsync(_street, Community)));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_street, projectUrl + "/close-off", new { evidence = "已完成" })).Status);

        Assert.All(await AllocationsAsync(_app, canteen), a => Assert.False(a.Active));
        Assert.Single(Proposals(await RunAsync(_street, Community)));
    }

    [Fact]
    public async Task Projects_stay_within_scope_and_people_without_lists_see_none()
    {
        var project = await CreateAsync(_street, new { title = "文体活动", region = Community });
        var other = await _app.ClientForAsync(Roles.CommunityStaff, OtherCommunity);
        var resident = await _app.ClientForAsync(Roles.Resident);
        var district = await _app.ClientForAsync(Roles.DistrictOfficer, "330105");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Url(project))).StatusCode);
        Assert.Empty(await other.GetFromJsonAsync<JsonElement[]>("/api/v1/projects") ?? []);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, "/api/v1/projects", new { title = "越界", region = Community })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, Url(project, "/assign"), new { leadUnit = "x", ownerName = "张三" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(Url(project))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync(Url(project))).StatusCode);
        Assert.Single(await district.GetFromJsonAsync<JsonElement[]>($"/api/v1/projects?region={Community}&status=listed") ?? []);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(district, Url(project, "/assign"), new { leadUnit = "x", ownerName = "张三" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _street.GetAsync("/api/v1/projects?status=done")).StatusCode);
    }
}
