using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Couriers.Registry;

/// <summary>A rider registered through the API: their courier id, user name and a signed-in client.</summary>
public sealed record Rider(string CourierId, string Username, string Phone, string IdNumber, HttpClient Client);

/// <summary>Test-data builders for couriers, sites and passages, all through the public API.</summary>
internal static class CourierKit
{
    public const string Password = "Rider-pass-2026x";
    public const string Street = "330105001";
    public const string Community = "330105001001";
    public const string OtherCommunity = "330105001002";
    public const string Grid = "330105001001001";

    private static int _serial;

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null)
    {
        var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    /// <summary>A second district (西湖区) with one street, for officers outside the riders' area.</summary>
    public static async Task<string> OtherStreetAsync(TestApp app)
    {
        var tree = new RegionFile()
            .Add("330106", "西湖区", "district", null, RegionFile.Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001", "北山街道", "street", "330106", RegionFile.Box(120.20, 30.30, 120.30, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(tree.ToString())).StatusCode);
        return "330106001";
    }

    /// <summary>A fresh mobile number and resident ID (valid check character) per call.</summary>
    public static (string Phone, string IdNumber) Identity()
    {
        var n = Interlocked.Increment(ref _serial) + Environment.ProcessId % 1000 * 100;
        return ($"137{n % 100_000_000:D8}", ResidentId($"33010519900101{n % 1000:D3}"));
    }

    public static string ResidentId(string first17)
        => first17 + Linli.Infrastructure.Protection.PersonalDataFormats.ResidentIdCheck(first17);

    public static Dictionary<string, object?> Application(string phone, string idNumber, string code, string? workStartedOn = "2025-01-15",
        decimal onTime = 98.5m, string platform = "meituan") => new()
    {
        ["phone"] = phone,
        ["code"] = code,
        ["password"] = Password,
        ["name"] = "马小跑",
        ["idNumber"] = idNumber,
        ["platform"] = platform,
        ["employer"] = "杭州众包配送有限公司",
        ["team"] = "美团康桥站",
        ["vehicle"] = "electric-bike",
        ["vehiclePlate"] = "杭州A12345",
        ["regionCode"] = Street,
        ["workStartedOn"] = workStartedOn,
        ["onTimeRatePercent"] = onTime,
        ["atFaultAccidents"] = 0,
        ["securityComplaints"] = 0,
        ["trainingDone"] = true,
        ["consent"] = true,
    };

    public static async Task<string> CodeAsync(TestApp app, string phone)
    {
        var sent = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/phone-codes", new { phone });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        return app.Factory.Sms.LatestCode(phone);
    }

    /// <summary>Registers a rider with a proven phone and signs in as them (user name = phone).</summary>
    public static async Task<Rider> RegisterAsync(TestApp app, decimal onTime = 98.5m, string platform = "meituan", string street = Street)
    {
        var (phone, id) = Identity();
        var code = await CodeAsync(app, phone);
        var body = Application(phone, id, code, onTime: onTime, platform: platform);
        body["regionCode"] = street;
        var created = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var courierId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var client = app.Factory.ClientWithToken(await app.Factory.TokenAsync(phone, Password));
        return new Rider(courierId, phone, phone, id, client);
    }

    /// <summary>A rider approved by the admin, holding a pass.</summary>
    public static async Task<Rider> ApprovedAsync(TestApp app, string platform = "meituan")
    {
        var rider = await RegisterAsync(app, platform: platform);
        var approved = await app.Client.PostAsync($"/api/v1/couriers/{rider.CourierId}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        return rider;
    }

    public static async Task<JsonElement> SiteAsync(TestApp app, HttpClient? by = null, string[]? platforms = null, string? openFrom = null,
        string? openTo = null, string[]? guards = null, string region = Grid)
    {
        var created = await (by ?? app.Client).PostAsJsonAsync("/api/v1/sites", new
        {
            name = "康桥花园", kind = "compound", regionCode = region, address = "康桥路 1 号北门", lon = 120.112, lat = 30.312,
            allowedPlatforms = platforms ?? [], openFrom, openTo, guards = guards ?? [],
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }
}
