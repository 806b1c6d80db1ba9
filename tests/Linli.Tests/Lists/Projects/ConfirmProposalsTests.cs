using System.Net;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Lists.Projects.ListsData;

namespace Linli.Tests.Lists.Projects;

/// <summary>Issue #8 item 4: staff confirm proposals into a project or as direct assignments; capacity holds, stale runs are refused.</summary>
[Trait("Category", "Database")]
public sealed class ConfirmProposalsTests
{
    private static string Url(JsonElement run) => $"/api/v1/matching/runs/{run.GetProperty("id").GetString()}/confirm";

    private static string[] AllProposals(JsonElement run) => [.. Proposals(run).Select(p => p.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Confirming_as_a_project_forms_it_allocates_the_capacity_and_puts_the_needs_in_it()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 10);
        var first = await DemandAsync(app, quantity: 3);
        var second = await DemandAsync(app, quantity: 4);
        var run = await RunAsync(app.Client, Community);

        var (status, body) = await PostAsync(app.Client, Url(run), new
        {
            proposalIds = AllProposals(run), @as = "project", title = "康桥长者助餐", leadUnit = "幸福里餐厅", ownerName = "王小明",
        });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var projectId = body.GetProperty("projectId").GetString()!;
        Assert.Matches(@"^XM-\d{4}-0001$", body.GetProperty("projectNumber").GetString()!);
        var project = await app.GetJsonAsync($"/api/v1/projects/{projectId}");
        Assert.Equal("matched", project.GetProperty("origin").GetString());
        Assert.Equal("in-progress", project.GetProperty("status").GetString());
        Assert.Equal("幸福里餐厅", project.GetProperty("leadUnit").GetString());
        Assert.Equal("王*明", project.GetProperty("owner").GetString());
        Assert.Equal(2, project.GetProperty("demands").GetArrayLength());
        Assert.Equal(7, project.GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("quantityPerWeek").GetInt32()));
        foreach (var id in new[] { first, second })
        {
            var demand = await FindDemandAsync(app, id);
            Assert.Equal(DemandStatus.InProject, demand.Status);
            Assert.Equal(Guid.Parse(projectId), demand.ProjectId);
            Assert.Equal(["in-project"], await HistoryAsync(app, id));
        }
        Assert.Equal(["allocated", "allocated"], await HistoryAsync(app, canteen));
        Assert.Equal(["created", "started"], await HistoryAsync(app, Guid.Parse(projectId)));
        var allocations = await AllocationsAsync(app, canteen);
        Assert.All(allocations, a => Assert.True(a.Active && a.ProjectId == Guid.Parse(projectId)));

        // What is given is no longer offered: a later run sees 3 of 10 left.
        await DemandAsync(app, quantity: 5);
        var next = Assert.Single(Proposals(await RunAsync(app.Client, Community)));
        Assert.Equal(3, next.GetProperty("quantity").GetInt32());
        Assert.EndsWith("3 of 10 meals left", next.GetProperty("explanation").GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_directly_matches_the_needs_without_a_project()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 5);
        var demand = await DemandAsync(app, quantity: 2);
        var run = await RunAsync(app.Client, Community);

        var (status, body) = await PostAsync(app.Client, Url(run), new { proposalIds = AllProposals(run), @as = "direct" });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("projectId").ValueKind);
        Assert.Equal(DemandStatus.Matched, (await FindDemandAsync(app, demand)).Status);
        var allocation = Assert.Single(await AllocationsAsync(app, canteen));
        Assert.Null(allocation.ProjectId);
        Assert.Equal(2, allocation.QuantityPerWeek);
        Assert.Equal(["matched"], await HistoryAsync(app, demand));
        var stored = await app.GetJsonAsync($"/api/v1/matching/runs/{run.GetProperty("id").GetString()}");
        Assert.Equal("direct", Proposals(stored)[0].GetProperty("confirmedAs").GetString());
        // The resource list shows the capacity now given out, the same figure the matching subtracts.
        var listed = await app.GetJsonAsync($"/api/v1/resources/{canteen}");
        Assert.Equal(2, listed.GetProperty("usedPerWeek").GetInt32());
        Assert.Equal(3, listed.GetProperty("leftPerWeek").GetInt32());

        var again = await PostAsync(app.Client, Url(run), new { proposalIds = AllProposals(run), @as = "direct" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task Two_confirmations_at_the_same_moment_cannot_give_away_more_than_the_capacity()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 2, radius: null, serviceRegions: [Street], region: Street);
        await DemandAsync(app, quantity: 2, region: Community);
        await DemandAsync(app, quantity: 2, region: OtherCommunity);
        var here = await RunAsync(app.Client, Community);
        var there = await RunAsync(app.Client, OtherCommunity);
        Assert.Single(Proposals(here));
        Assert.Single(Proposals(there));

        var answers = await Task.WhenAll(
            PostAsync(app.Client, Url(here), new { proposalIds = AllProposals(here), @as = "direct" }),
            PostAsync(app.Client, Url(there), new { proposalIds = AllProposals(there), @as = "direct" }));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Equal("Stale matching run", refused.Body.GetProperty("title").GetString());
        Assert.Equal(2, (await AllocationsAsync(app, canteen)).Where(a => a.Active).Sum(a => a.QuantityPerWeek));
        await using var db = await DbAsync(app);
        Assert.Equal(1, await db.Demands.CountAsync(d => d.Status == DemandStatus.Matched));
    }

    [Fact]
    public async Task Proposals_of_a_run_whose_resource_or_need_changed_since_are_refused_as_stale()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 4);
        await DemandAsync(app, quantity: 2);
        var run = await RunAsync(app.Client, Community);
        await using (var db = await DbAsync(app))
        {
            var resource = await db.Resources.SingleAsync(r => r.Id == canteen);
            db.ListEvents.Add(resource.CapacityChanged(1, "test", TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var (status, body) = await PostAsync(app.Client, Url(run), new { proposalIds = AllProposals(run), @as = "direct" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Stale matching run", body.GetProperty("title").GetString());
        Assert.Contains("Run the matching again", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AllocationsAsync(app, canteen));

        // A need matched through one run makes another run's proposal for it stale too.
        var earlier = await RunAsync(app.Client, Community);
        var later = await RunAsync(app.Client, Community);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app.Client, Url(later), new { proposalIds = AllProposals(later), @as = "direct" })).Status);
        var stale = await PostAsync(app.Client, Url(earlier), new { proposalIds = AllProposals(earlier), @as = "direct" });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("has changed since run", stale.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_checks_the_request_and_the_users_rights_in_the_region()
    {
        await using var app = await StartAsync();
        await ResourceAsync(app);
        await DemandAsync(app);
        var run = await RunAsync(app.Client, Community);
        var ids = AllProposals(run);
        var otherCommunity = await app.ClientForAsync(Roles.CommunityStaff, OtherCommunity);
        var gridWorker = await app.ClientForAsync(Roles.GridWorker, "330105001001001");

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(app.Client, Url(run), new { proposalIds = ids, @as = "project" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(app.Client, Url(run), new { proposalIds = Array.Empty<string>(), @as = "direct" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(app.Client, Url(run), new { proposalIds = new[] { Guid.NewGuid() }, @as = "direct" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(otherCommunity, Url(run), new { proposalIds = ids, @as = "direct" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(gridWorker, Url(run), new { proposalIds = ids, @as = "direct" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(app.Client, $"/api/v1/matching/runs/{Guid.NewGuid()}/confirm", new { proposalIds = ids, @as = "direct" })).Status);
    }
}
