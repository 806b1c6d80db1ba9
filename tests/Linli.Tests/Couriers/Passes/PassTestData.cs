using System.Buffers.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Tokens;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace Linli.Tests.Couriers.Passes;

/// <summary>A rider, a guard and a site put straight into the database (registration and review are other slices).</summary>
internal sealed record PassWorld(TestApp App, HttpClient Courier, string CourierUserId, HttpClient Gate, string GateUserId,
    Guid CourierId, Guid PassId, string PassNumber, string SiteCode, Guid SiteId);

internal static class PassTestData
{
    public const string Region = "330105001001";

    /// <summary>courier1 approved with a valid pass (美团), gate1 named as the guard of site GATE1.</summary>
    public static async Task<PassWorld> StartAsync(string platform = "meituan", IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await TestApp.StartAsync(settings: settings);
        var courier = await app.ClientForAsync(Roles.Courier, username: "courier1");
        var gate = await app.ClientForAsync(Roles.Gatekeeper, username: "gate1");
        await using var db = await DbAsync(app);
        var courierUser = await db.Users.Where(u => u.UserName == "courier1").Select(u => u.Id).SingleAsync();
        var gateUser = await db.Users.Where(u => u.UserName == "gate1").Select(u => u.Id).SingleAsync();
        var (courierId, passId, number) = await CourierAsync(db, courierUser, platform);
        var site = await SiteAsync(db, "GATE1", [gateUser]);
        return new PassWorld(app, courier, courierUser, gate, gateUser, courierId, passId, number, site.Code, site.Id);
    }

    public static async Task<LinliDb> DbAsync(TestApp app) =>
        await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();

    public static long NowMs => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    public static async Task<(Guid CourierId, Guid PassId, string Number)> CourierAsync(LinliDb db, string userId, string platform = "meituan",
        bool approve = true)
    {
        var now = NowMs;
        var unique = Guid.NewGuid().ToString("N");
        var courier = new Courier(Guid.NewGuid(), userId, now);
        courier.SetIdentity("protected-name", "马*", "protected-phone", $"phone-{unique}", "139****0000", "protected-id", $"id-{unique}");
        courier.SetWork(platform, "三快科技", "美团拱墅湖墅站", "electric-bike", null, "330105001", new DateOnly(2025, 1, 1), 98.5m, 0, 0, true);
        if (approve) courier.Approve("officer", now);
        db.Couriers.Add(courier);
        var pass = new CourierPass(Guid.NewGuid(), courier.Id, $"XG-330105-{unique[..6].ToUpperInvariant()}", now, now + (365L * 24 * 3600 * 1000));
        db.CourierPasses.Add(pass);
        await db.SaveChangesAsync();
        return (courier.Id, pass.Id, pass.Number);
    }

    public static async Task<Site> SiteAsync(LinliDb db, string code, IEnumerable<string> guards, IEnumerable<string>? platforms = null,
        int? openFrom = null, int? openTo = null)
    {
        var site = new Site(Guid.NewGuid(), code, "test", NowMs);
        site.Set($"测试小区{code}", "compound", Region, "湖墅南路1号", 120.15, 30.28, platforms ?? [], openFrom, openTo, guards, NowMs);
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site;
    }

    public static async Task SuspendAsync(TestApp app, Guid courierId)
    {
        await using var db = await DbAsync(app);
        var courier = await db.Couriers.SingleAsync(c => c.Id == courierId);
        courier.Suspend("officer", "投诉属实", NowMs);
        await db.SaveChangesAsync();
    }

    public static async Task RevokeAsync(TestApp app, Guid passId)
    {
        await using var db = await DbAsync(app);
        var pass = await db.CourierPasses.SingleAsync(p => p.Id == passId);
        pass.Revoke("officer", "手机丢失", NowMs);
        await db.SaveChangesAsync();
    }

    /// <summary>The rider's token for the current window, as the phone would show it.</summary>
    public static async Task<string> CurrentTokenAsync(HttpClient courier)
    {
        var tokens = await courier.GetFromJsonAsync<JsonElement>("/api/v1/passes/me/tokens?minutes=5");
        return tokens.GetProperty("tokens")[0].GetProperty("token").GetString()!;
    }

    public static async Task<JsonElement> VerifyAsync(HttpClient gate, string token, string site)
    {
        var response = await gate.PostAsJsonAsync("/api/v1/passes/verify", new { token, site });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Signs a token the way the server does, with any key: for forgeries and unit tests.</summary>
    public static string Sign(Key key, string keyId, Guid passId, byte platform, uint notBefore, uint notAfter, string name = "马*")
    {
        var payload = PassTokenCodec.Payload(keyId, passId, platform, notBefore, notAfter, name);
        return PassTokenCodec.Encode(payload, SignatureAlgorithm.Ed25519.Sign(key, payload));
    }

    /// <summary>The token with one byte of its decoded body XOR-ed: what a forger editing a pass id or a window produces.</summary>
    public static string FlipByte(string token, int index)
    {
        var bytes = Base64Url.DecodeFromChars(token.AsSpan(PassTokenCodec.Prefix.Length));
        bytes[index] ^= 0x01;
        return PassTokenCodec.Prefix + Base64Url.EncodeToString(bytes);
    }
}
