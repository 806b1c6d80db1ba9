using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Lists.Alliance;

/// <summary>An account made for a test: its id, and a way to sign in again after the clock moves on.</summary>
public sealed record Person(string Id, string Username, HttpClient Client);

/// <summary>Test-data builders for the alliance, stations and points.</summary>
internal static class AllianceKit
{
    public const string Password = "Pass-word-2026x";

    /// <summary>Valid codes (GB 32100 check character right): the standard's own example and two made for tests.</summary>
    public static readonly string[] ValidCodes = ["91350100M000100Y43", "91330105MA2C000026", "91330105MA2D00003U", "91330105MA2E00004H", "91330105MA2F000057"];

    public const string Grid = "330105001001001";
    public const string Community = "330105001001";
    public const string OtherCommunity = "330105001002";

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null)
    {
        var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static async Task<Person> PersonAsync(TestApp app, string role, string? scope = null)
    {
        var username = $"{role}-{Guid.NewGuid():N}"[..30];
        var created = await app.Client.PostAsJsonAsync("/api/v1/users", new
        {
            username, password = Password, displayName = "测试用户", phone = "13800001111",
            assignments = new[] { new { role, scope, department = (string?)null } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new Person(id, username, app.Factory.ClientWithToken(await app.Factory.TokenAsync(username, Password)));
    }

    /// <summary>Signs in again, for after a fake clock has outrun the old token.</summary>
    public static async Task<Person> AgainAsync(TestApp app, Person person) =>
        person with { Client = app.Factory.ClientWithToken(await app.Factory.TokenAsync(person.Username, Password)) };

    public static object Application(string code, string name = "张记面馆") => new
    {
        name, creditCode = code, address = "康桥路 12 号", lon = 120.11, lat = 30.32, contact = "13912345678",
        categories = new[] { "courier-services", "elderly-meals" },
    };

    public static object Offer(string title = "骑手爱心餐 8 折", string category = "courier-services") => new
    {
        category, title, capacityPerWeek = 70, availability = new[] { "daily 11:00-14:00" }, radiusMeters = 1500,
        conditions = "discount", conditionNote = "出示骑手证",
    };

    /// <summary>An approved merchant owned by a new merchant account.</summary>
    public static async Task<(Person Owner, string MerchantId)> ApprovedMerchantAsync(TestApp app, Person staff, string code)
    {
        var owner = await PersonAsync(app, Roles.Merchant);
        var applied = await owner.Client.PostAsJsonAsync("/api/v1/merchants", Application(code));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var id = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var approved = await staff.Client.PostAsync($"/api/v1/merchants/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return (owner, id);
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<LinliDb, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LinliDb>());
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
