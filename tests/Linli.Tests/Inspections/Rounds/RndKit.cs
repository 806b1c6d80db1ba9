using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Inspections.Rounds;

/// <summary>Test data for rounds and repairs: users and inspections straight into the database (the registry's API is another slice's).</summary>
internal static class RndKit
{
    public const double DepotLon = 120.15;
    public const double DepotLat = 30.35;

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Linli:Inspections:Depots:GAS"] = "120.15,30.35" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var app = await TestApp.StartAsync(settings: all, clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static Task<HttpClient> DeskAsync(TestApp app, string utility = "GAS", string? name = null) =>
        app.ClientForAsync(Roles.DepartmentHandler, null, department: utility, username: name ?? $"desk-{utility.ToLowerInvariant()}");

    public static Task<HttpClient> InspectorAsync(TestApp app, string name, string utility = "GAS") =>
        app.ClientForAsync(Roles.Inspector, null, department: utility, username: name);

    public static async Task<T> WithDbAsync<T>(TestApp app, Func<LinliDb, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var result = await work(db);
        await db.SaveChangesAsync();
        return result;
    }

    private static int _serial;

    /// <summary>A user of the utility at a point, with one inspection due on the given day.</summary>
    public static Task<Guid> DueVisitAsync(TestApp app, double lon, double lat, DateOnly dueOn, string utility = "GAS") => WithDbAsync(app, db =>
    {
        var n = Interlocked.Increment(ref _serial);
        var customer = new UtilityCustomer(Guid.NewGuid(), utility, $"U{n:D6}", "test", 0);
        customer.Set($"测试餐馆{n}", "91330105MA27XXXX0X", CustomerTypes.Catering, $"测试路 {n} 号", lon, lat, "330105001001001",
            SupplyKinds.Pipeline, RiskClasses.Medium, "{}", 0);
        db.UtilityCustomers.Add(customer);
        var inspection = new Inspection(Guid.NewGuid(), utility, customer.Id, InspectionKinds.Periodic, dueOn, "gas-commercial", null, 0);
        db.Inspections.Add(inspection);
        return Task.FromResult(inspection.Id);
    });

    public static Task<Inspection> InspectionAsync(TestApp app, Guid id) =>
        WithDbAsync(app, db => db.Inspections.AsNoTracking().SingleAsync(i => i.Id == id));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonAsync(await client.PostAsJsonAsync(url, body), expected);
}
