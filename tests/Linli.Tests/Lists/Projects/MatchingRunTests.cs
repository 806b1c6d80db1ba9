using System.Net;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Projects.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Lists.Projects.ListsData;

namespace Linli.Tests.Lists.Projects;

/// <summary>Issue #8 item 4: candidates, scores and explanations, the optimal assignment, and runs stored for confirmation.</summary>
[Trait("Category", "Database")]
public sealed class MatchingRunTests
{
    [Fact]
    public async Task Only_needs_whose_category_fits_in_the_service_area_and_in_shared_windows_are_proposed()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 20, radius: 1000, windows: "Tue,Thu 11:00-12:00");
        var near = await DemandAsync(app, lat: North(500), windows: "Tue 11:30-12:30");
        var far = await DemandAsync(app, lat: North(3000), windows: "Tue 11:30-12:30");
        var otherTime = await DemandAsync(app, lat: North(300), windows: "Mon 08:00-09:00");
        var otherKind = await DemandAsync(app, category: "children-tutoring", lat: North(200));
        var anyTime = await DemandAsync(app, lat: North(800));

        var run = await RunAsync(app.Client, Community);

        var proposed = Proposals(run).Select(DemandOf).ToList();
        Assert.Contains(near.ToString(), proposed);
        Assert.Contains(anyTime.ToString(), proposed);
        Assert.DoesNotContain(far.ToString(), proposed);
        Assert.DoesNotContain(otherTime.ToString(), proposed);
        Assert.DoesNotContain(otherKind.ToString(), proposed);
        Assert.All(Proposals(run), p => Assert.Equal(canteen.ToString(), p.GetProperty("resource").GetProperty("id").GetString()));
        Assert.Equal(5, run.GetProperty("demands").GetInt32());
        Assert.Equal(2, run.GetProperty("candidates").GetInt32());
    }

    [Fact]
    public async Task A_resource_serving_listed_regions_reaches_needs_there_and_a_stretch_category_fits_too()
    {
        await using var app = await StartAsync();
        await ResourceAsync(app, category: "elderly-cleaning", radius: null, serviceRegions: [Street], region: Street, lat: null);
        var visit = await DemandAsync(app, category: "elderly-companionship", region: OtherCommunity, lat: null);

        var run = await RunAsync(app.Client, Street);

        var proposal = Assert.Single(Proposals(run));
        Assert.Equal(visit.ToString(), DemandOf(proposal));
        Assert.StartsWith("在服务区域内；时间不限；剩余 10/10 小时", proposal.GetProperty("explanation").GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.Equal("within the service area; any time; 10 of 10 hours left", proposal.GetProperty("explanation").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Each_proposal_explains_distance_shared_windows_and_capacity_left_in_both_languages()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 10, radius: 2000, windows: "Tue,Thu 11:00-12:00");
        await using (var db = await DbAsync(app))
        {
            db.Allocations.Add(new Allocation(Guid.NewGuid(), Guid.NewGuid(), canteen, 7, null, null, "test", TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await DemandAsync(app, quantity: 2, lat: North(1200), windows: "Tue,Thu 11:00-12:00");

        var proposal = Assert.Single(Proposals(await RunAsync(app.Client, Community)));

        Assert.Equal("1.2 km; Tue/Thu 11:00-12:00 overlap; 3 of 10 meals left", proposal.GetProperty("explanation").GetProperty("en").GetString());
        Assert.Equal("1.2 公里；周二、周四 11:00-12:00 重合；剩余 3/10 份", proposal.GetProperty("explanation").GetProperty("zh").GetString());
        Assert.Equal(2, proposal.GetProperty("quantity").GetInt32());
        Assert.InRange(proposal.GetProperty("distanceMeters").GetDouble(), 1195, 1205);
    }

    [Fact]
    public async Task The_run_proposes_the_assignment_with_the_highest_total_score_within_capacity()
    {
        await using var app = await StartAsync();
        var canteen = await ResourceAsync(app, capacity: 3);
        var urgent = await DemandAsync(app, quantity: 2, urgency: "urgent", lat: North(100));
        var low = await DemandAsync(app, quantity: 2, urgency: "low", lat: North(100));
        var normal = await DemandAsync(app, quantity: 1, urgency: "normal", lat: North(100));

        var run = await RunAsync(app.Client, Community);

        var proposals = Proposals(run).ToDictionary(DemandOf, p => p.GetProperty("quantity").GetInt32());
        Assert.Equal(2, proposals[urgent.ToString()]);
        Assert.Equal(1, proposals[normal.ToString()]);
        Assert.False(proposals.ContainsKey(low.ToString()));
        var objective = Proposals(run).Sum(p => p.GetProperty("score").GetDouble() * p.GetProperty("quantity").GetInt32());
        Assert.Equal(objective, run.GetProperty("objective").GetDouble(), 3);
        Assert.True(Proposals(run).First().GetProperty("score").GetDouble() > Proposals(run).Last().GetProperty("score").GetDouble());

        var stored = await app.GetJsonAsync($"/api/v1/matching/runs/{run.GetProperty("id").GetString()}");
        Assert.Equal(2, Proposals(stored).Count);
        Assert.Equal(canteen.ToString(), Proposals(stored)[0].GetProperty("resource").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_run_needs_a_community_or_street_and_stays_within_the_users_scope()
    {
        await using var app = await StartAsync();
        var community = await app.ClientForAsync(Roles.CommunityStaff, Community);
        var district = await app.ClientForAsync(Roles.DistrictOfficer, "330105");
        await DemandAsync(app);
        await ResourceAsync(app);

        await RunAsync(community, OtherCommunity, HttpStatusCode.Forbidden);
        await RunAsync(community, "330105001001001", HttpStatusCode.BadRequest);
        await RunAsync(community, "999999999", HttpStatusCode.BadRequest);
        await RunAsync(district, Community, HttpStatusCode.Forbidden);
        var run = await RunAsync(community, Community);
        var id = run.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/api/v1/matching/runs/{id}")).StatusCode);
        var other = await app.ClientForAsync(Roles.CommunityStaff, OtherCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/matching/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/matching/runs/{Guid.NewGuid()}")).StatusCode);
        await using var db = await DbAsync(app);
        Assert.Equal(1, await db.MatchingRuns.CountAsync());
    }

    internal static string Id(JsonElement element) => element.GetProperty("id").GetString()!;
}
