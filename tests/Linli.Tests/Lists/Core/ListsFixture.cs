using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Lists.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Lists.Core;

/// <summary>Test data for the demand and resource lists: the sample region tree and well-formed requests.</summary>
internal static class ListsFixture
{
    public const string Community = "330105001001";        // 康桥社区
    public const string WestGrid = "330105001001001";      // 西网格
    public const string EastGrid = "330105001001002";      // 东网格
    public const string OtherCommunity = "330105001002";   // 塘河社区
    public const string OtherGrid = "330105001002001";     // 环形网格
    public const string Street = "330105001";

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null)
    {
        var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static Dictionary<string, object?> Demand(string region = WestGrid, string category = "elderly-meals") => new()
    {
        ["channel"] = "visit",
        ["regionCode"] = region,
        ["requester"] = new { name = "王秀英", phone = "13812345678" },
        ["category"] = category,
        ["description"] = "独居，希望工作日中午有人送餐",
        ["quantity"] = 5,
        ["urgency"] = "high",
        ["timeWindows"] = new[] { "Tue,Thu 11:00-12:00" },
        ["careTags"] = new[] { "elderly-alone" },
        ["careTagsConsent"] = true,
    };

    public static Dictionary<string, object?> Resource(string region = Community) => new()
    {
        ["providerKind"] = "merchant",
        ["providerName"] = "康桥老娘舅餐厅",
        ["category"] = "elderly-meals",
        ["title"] = "老年助餐，每份优惠5元",
        ["capacityPerWeek"] = 40,
        ["availability"] = new[] { "Mon-Fri 11:00-13:00" },
        ["serviceArea"] = new { lon = 120.112, lat = 30.312, radiusMeters = 1500 },
        ["conditions"] = "discount",
        ["conditionNote"] = "凭老年卡",
        ["contactPhone"] = "13987654321",
        ["regionCode"] = region,
    };

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<string> RecordDemandAsync(HttpClient client, Dictionary<string, object?>? body = null) =>
        (await PostAsync(client, "/api/v1/demands", body ?? Demand())).GetProperty("id").GetString()!;

    /// <summary>The matching is another slice's; tests put a need in the matched state through the entity, as it will.</summary>
    public static async Task MatchAsync(TestApp app, string id, DateTimeOffset? at = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var demand = await db.Demands.FirstAsync(d => d.Id == Guid.Parse(id));
        db.ListEvents.Add(demand.Matched("matcher", "1.2 km; Tue/Thu 11:00-12:00", at ?? scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync();
    }

    public static async Task<HashSet<string>> FieldsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
    }
}
