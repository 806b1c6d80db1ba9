using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Traffic.Roads;

/// <summary>Carriageways in the test city (330105 = 120.10–120.20 E, 30.30–30.35 N is solid) and the calls the road tests share.</summary>
internal static class RoadKit
{
    /// <summary>G60 up runs east with a bend; down lies ~30 m north of it, drawn westwards.</summary>
    public static readonly double[][] UpLine = [[120.110, 30.320], [120.130, 30.322], [120.150, 30.326], [120.170, 30.325], [120.190, 30.321]];

    public static double[][] DownLine => [.. UpLine.Reverse().Select(p => new[] { p[0], p[1] + 0.00027 })];

    public static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync();
        var imported = await app.ImportAsync(RegionFile.SampleTree().ToString());
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        return app;
    }

    public static Task<HttpClient> DeskAsync(TestApp app, string unit = "GS") =>
        app.ClientForAsync(Roles.DepartmentHandler, null, department: unit, username: $"{unit.ToLowerInvariant()}-desk");

    public static JsonObject Feature(string code, string direction, string start, double[][] line, string? end = null, JsonArray? marks = null,
        string name = "沪昆高速", string unit = "GS")
    {
        var properties = new JsonObject { ["code"] = code, ["name"] = name, ["direction"] = direction, ["operator"] = unit, ["startStake"] = start };
        if (end is not null) properties["endStake"] = end;
        if (marks is not null) properties["stakeMarks"] = marks;
        return new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = properties,
            ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray([.. line.Select(p => (JsonNode)new JsonArray(p[0], p[1]))]) },
        };
    }

    public static string Collection(params JsonNode[] features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features) }.ToJsonString();

    public static JsonObject G60Up() => Feature("G60", "up", "K150+000", UpLine);

    public static JsonObject G60Down() => Feature("G60", "下行", "K157+796", DownLine, end: "K150+000");

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string geoJson) =>
        client.PostAsync("/api/v1/traffic/routes/import", new StringContent(geoJson, Encoding.UTF8, "application/geo+json"));

    public static async Task<T> DbAsync<T>(TestApp app, Func<LinliDb, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LinliDb>());
    }
}
