using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.People;

/// <summary>Issue #8 item 0: a grid worker's visit, and the needs it puts on the demand list in the same transaction.</summary>
[Trait("Category", "Database")]
public sealed class VisitTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _gridWorker = null!;
    private string _household = "";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(HouseholdBookTests.PeopleRegions().ToString())).StatusCode);
        _gridWorker = await _app.ClientForAsync("grid-worker", "330105001001001", username: "grid-liu");
        _household = (await HouseholdBookTests.CreateAsync(_gridWorker, HouseholdBookTests.NewHousehold())).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<LinliDb> DbAsync() => await _app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();

    [Fact]
    public async Task A_visit_with_needs_puts_them_on_the_demand_list_for_the_households_building()
    {
        var response = await _gridWorker.PostAsJsonAsync($"/api/v1/households/{_household}/visits", new
        {
            kind = "door",
            seen = "老人独自在家，腿脚不便",
            asked = "希望每天中午有人送饭，周末有人陪聊",
            followUp = "下周回访",
            needs = new object[]
            {
                new { category = "elderly-meals", description = "午餐送餐上门", quantity = 7, urgency = "high", timeWindows = new[] { "daily 11:00-12:30" },
                      careTags = new[] { "elderly-alone" }, careTagsConsent = true },
                new { category = "elderly-companionship", description = "周末陪聊", quantity = 1, urgency = "normal" },
            },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var visit = JsonDocument.Parse(text).RootElement;
        var demandIds = visit.GetProperty("demandIds").EnumerateArray().Select(d => d.GetGuid()).ToList();
        Assert.Equal(2, demandIds.Count);
        Assert.Equal("grid-liu", visit.GetProperty("workerName").GetString());

        await using var db = await DbAsync();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToListAsync();
        Assert.Equal(2, demands.Count);
        Assert.All(demands, d =>
        {
            Assert.Equal("visit", d.Channel);
            Assert.Equal(HouseholdBookTests.Building, d.RegionCode);
            Assert.Equal(Guid.Parse(_household), d.HouseholdId);
            Assert.Equal(visit.GetProperty("id").GetGuid(), d.VisitId);
            Assert.Equal("grid-liu", d.CreatedBy);
        });
        var meals = Assert.Single(demands, d => d.Category == "elderly-meals");
        Assert.Equal(7, meals.Quantity);
        Assert.Equal(["elderly-alone"], meals.CareTagList);
        Assert.NotNull(meals.CareTagsConsentAt);
        Assert.Equal(2, await db.ListEvents.CountAsync(e => demandIds.Contains(e.EntityId) && e.Action == "recorded"));

        var visits = await _gridWorker.GetFromJsonAsync<JsonElement>($"/api/v1/households/{_household}/visits");
        Assert.Equal("下周回访", Assert.Single(visits.EnumerateArray()).GetProperty("followUp").GetString());
        var household = await _gridWorker.GetFromJsonAsync<JsonElement>($"/api/v1/households/{_household}");
        Assert.NotEqual(JsonValueKind.Null, household.GetProperty("lastVisitAt").ValueKind);

        // Her round: the visits of her grid; the grid next door is not hers.
        var round = await _gridWorker.GetFromJsonAsync<JsonElement>("/api/v1/visits?region=330105001001&days=7");
        Assert.Equal(visit.GetProperty("id").GetString(), Assert.Single(round.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.GetAsync("/api/v1/visits?region=330105001001002")).StatusCode);
    }

    [Fact]
    public async Task A_visit_with_one_bad_need_is_refused_whole_and_leaves_nothing_behind()
    {
        var response = await _gridWorker.PostAsJsonAsync($"/api/v1/households/{_household}/visits", new
        {
            seen = "家中漏水",
            needs = new object[]
            {
                new { category = "repairs-home", description = "卫生间漏水", quantity = 1, urgency = "high" },
                new { category = "spaceship", description = "想去月球", quantity = 1, urgency = "low" },
                new { category = "elderly-meals", description = "送餐", quantity = 7, careTags = new[] { "elderly-alone" } },
            },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("needs[1].category", out _), text);
        Assert.True(errors.TryGetProperty("needs[2].careTagsConsent", out _), text);
        Assert.False(errors.TryGetProperty("needs[0].category", out _), text);

        await using var db = await DbAsync();
        Assert.Equal(0, await db.Demands.CountAsync());
        Assert.Equal(0, await db.ListEvents.CountAsync());
        Assert.Equal(0, await db.Visits.CountAsync());
        Assert.Null((await db.Households.AsNoTracking().SingleAsync()).LastVisitAtMs);
    }

    [Fact]
    public async Task A_visit_must_say_what_was_seen_or_asked_and_cannot_be_in_the_future()
    {
        var empty = await _gridWorker.PostAsJsonAsync($"/api/v1/households/{_household}/visits", new { kind = "door" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"seen\"", await empty.Content.ReadAsStringAsync());

        var future = await _gridWorker.PostAsJsonAsync($"/api/v1/households/{_household}/visits",
            new { kind = "phone", seen = "电话", at = TimeProvider.System.GetUtcNow().AddDays(2) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("\"at\"", await future.Content.ReadAsStringAsync());

        var badKind = await _gridWorker.PostAsJsonAsync($"/api/v1/households/{_household}/visits", new { kind = "email", seen = "x" });
        Assert.Contains("\"kind\"", await badKind.Content.ReadAsStringAsync());
    }
}
