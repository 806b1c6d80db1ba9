using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Couriers.Riders;

/// <summary>A test account: its id and a signed-in client.</summary>
public sealed record Account(string Id, HttpClient Client);

/// <summary>Test-data builders for riders: accounts, courier records, resources, and cases taken round to verification.</summary>
internal static class RiderKit
{
    public const string Street = "330105001";
    public const string Community = "330105001001";
    public const string Grid = "330105001001001";
    private const string Password = "Pass-word-2026x";
    private static int _seq;

    public static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static async Task<Account> AccountAsync(TestApp app, string role, string? scope = null, string? department = null)
    {
        var username = $"{role}-{Guid.NewGuid():N}"[..30];
        var created = await app.Client.PostAsJsonAsync("/api/v1/users", new
        {
            username, password = Password, displayName = "测试用户", phone = "13800001111",
            assignments = new[] { new { role, scope, department } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return new Account(id, app.Factory.ClientWithToken(await app.Factory.TokenAsync(username, Password)));
    }

    /// <summary>A courier account with an approved (or other status) courier record in the street.</summary>
    public static async Task<(Account Account, Guid CourierId)> CourierAsync(TestApp app, string maskedName, string platform = "meituan",
        CourierStatus status = CourierStatus.Approved)
    {
        var account = await AccountAsync(app, Roles.Courier);
        var n = Interlocked.Increment(ref _seq);
        var id = Guid.NewGuid();
        await WithDbAsync(app, async db =>
        {
            var courier = new Courier(id, account.Id, 1_700_000_000_000 + n);
            courier.SetIdentity("protected", maskedName, "protected", $"phone-{id:N}", "138****0000", "protected", $"id-{id:N}");
            courier.SetWork(platform, "拉扎斯", "美团康桥站", "electric-bike", null, Street, new DateOnly(2024, 1, 1), 98m, 0, 0, true);
            if (status is CourierStatus.Approved or CourierStatus.Suspended) courier.Approve("test", 1_700_000_000_000 + n);
            if (status == CourierStatus.Suspended) courier.Suspend("test", "complaint", 1_700_000_000_000 + n);
            db.Couriers.Add(courier);
            await db.SaveChangesAsync();
        });
        return (account, id);
    }

    public static async Task WithDbAsync(TestApp app, Func<LinliDb, Task> action)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<LinliDb>());
    }

    public static async Task<T> QueryAsync<T>(TestApp app, Func<LinliDb, Task<T>> query)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LinliDb>());
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public static object Resource(string category, string title, double lon, double lat, string conditions = "free") => new
    {
        providerKind = "unit", providerName = "e换电", category, title, capacityPerWeek = 100, availability = new[] { "daily 08:00-22:00" },
        serviceArea = new { lon, lat, radiusMeters = 500 }, conditions, conditionNote = "以换代充", regionCode = Community,
    };

    /// <summary>A report at a building of its own (distinct text), so reports stay separate cases unless a test wants a duplicate.</summary>
    public static object Report(double lon = 120.1105, double lat = 30.3105, string? description = null) => new
    {
        category = "1101",
        description = description ?? $"小区{Interlocked.Increment(ref _seq)}号楼东门垃圾桶满了溢出来",
        lon,
        lat,
        address = "康桥路 1 号东门",
    };

    public static async Task<JsonElement> ReportAsync(HttpClient reporter, object? body = null) =>
        await PostAsync(reporter, "/api/v1/cases", body ?? Report());

    /// <summary>Takes a case to verification (accept, file, dispatch to sanitation, feedback, verify) with the given outcome.</summary>
    public static async Task VerifyAsync(CaseStaff staff, JsonElement c, bool passed)
    {
        await ActAsync(staff.Community, c, "accept");
        await ActAsync(staff.Community, c, "file");
        await ActAsync(staff.Community, c, "dispatch", new { unit = "HW" });
        await ActAsync(staff.Sanitation, c, "feedback", new { note = "已清运" });
        await ActAsync(staff.GridWorker, c, "verify", new { passed, note = passed ? "现场已干净" : "还是满的" });
    }

    public static async Task ActAsync(HttpClient client, JsonElement c, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}/actions/{action}", body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<CaseStaff> CaseStaffAsync(TestApp app) => new(
        (await AccountAsync(app, Roles.CommunityStaff, Community)).Client,
        (await AccountAsync(app, Roles.GridWorker, Grid)).Client,
        (await AccountAsync(app, Roles.DepartmentHandler, department: "HW")).Client);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

/// <summary>Who takes a case round the loop: the community accepts and dispatches, sanitation feeds back, the grid worker verifies.</summary>
public sealed record CaseStaff(HttpClient Community, HttpClient GridWorker, HttpClient Sanitation);
