using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Projects.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Lists.Projects;

/// <summary>
/// Needs and resources put straight into the database (the list APIs are another slice), over the
/// sample tree: 康桥社区 330105001001 (120.10–120.15, 30.30–30.35) and 塘河社区 330105001002 in 康桥街道 330105001.
/// </summary>
internal static class ListsData
{
    public const string Street = "330105001";
    public const string Community = "330105001001";
    public const string OtherCommunity = "330105001002";
    public const double Lon = 120.12;
    public const double Lat = 30.32;

    /// <summary>Metres north of (<see cref="Lon"/>, <see cref="Lat"/>) as latitude degrees (haversine's 111,195 m a degree).</summary>
    public static double North(double meters) => Lat + (meters / 111_195.08);

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null)
    {
        var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static async Task<Guid> DemandAsync(TestApp app, string category = "elderly-meals", int quantity = 2, double? lat = Lat, double lon = Lon,
        string region = Community, string windows = "", string urgency = "normal", DateTimeOffset? at = null, string description = "独居老人午餐")
    {
        var demand = new Demand(Guid.NewGuid(), "visit", region, null, null, null, category, description, quantity, urgency, WeeklyWindows.Load(windows),
            [], null, lat is null ? null : lon, lat, null, "test", at ?? TimeProvider.System.GetUtcNow().AddDays(-1));
        await using var db = await DbAsync(app);
        db.Demands.Add(demand);
        await db.SaveChangesAsync();
        return demand.Id;
    }

    public static async Task<Guid> ResourceAsync(TestApp app, string category = "elderly-meals", int capacity = 10, int? radius = 1000,
        string[]? serviceRegions = null, string windows = "", string region = Community, string title = "长者食堂", double? lat = Lat, double lon = Lon)
    {
        var resource = new Resource(Guid.NewGuid(), "merchant", "幸福里餐厅", null, category, title, capacity, WeeklyWindows.Load(windows),
            lat is null ? null : lon, lat, radius, serviceRegions ?? [], "free", null, null, region, "test", TimeProvider.System.GetUtcNow().AddDays(-10));
        await using var db = await DbAsync(app);
        db.Resources.Add(resource);
        await db.SaveChangesAsync();
        return resource.Id;
    }

    public static async Task<LinliDb> DbAsync(TestApp app) =>
        await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();

    public static async Task<List<Allocation>> AllocationsAsync(TestApp app, Guid resourceId)
    {
        await using var db = await DbAsync(app);
        return await db.Allocations.AsNoTracking().Where(a => a.ResourceId == resourceId).ToListAsync();
    }

    public static async Task<Demand> FindDemandAsync(TestApp app, Guid id)
    {
        await using var db = await DbAsync(app);
        return await db.Demands.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public static async Task<List<string>> HistoryAsync(TestApp app, Guid entityId)
    {
        await using var db = await DbAsync(app);
        return await db.ListEvents.AsNoTracking().Where(e => e.EntityId == entityId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    public static async Task<JsonElement> RunAsync(HttpClient client, string region, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/api/v1/matching/runs", new { region });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static List<JsonElement> Proposals(JsonElement run) => [.. run.GetProperty("proposals").EnumerateArray()];

    public static string DemandOf(JsonElement proposal) => proposal.GetProperty("demand").GetProperty("id").GetString()!;
}
