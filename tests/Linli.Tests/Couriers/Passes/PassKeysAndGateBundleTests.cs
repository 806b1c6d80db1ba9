using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Tokens;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;

namespace Linli.Tests.Couriers.Passes;

/// <summary>Key rotation and retirement, the gate device's bundle and its offline upload.</summary>
[Trait("Category", "Database")]
public sealed class PassKeysAndGateBundleTests
{
    [Fact]
    public async Task After_a_rotation_old_tokens_still_pass_and_after_retiring_the_old_key_they_are_refused_as_retired_key()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var old = await PassTestData.CurrentTokenAsync(world.Courier);
        Assert.True(PassTokenCodec.TryDecode(old, out var oldClaims));

        var rotated = await app.Client.PostAsync("/api/v1/passes/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keyId").GetString()!;
        Assert.NotEqual(oldClaims!.KeyId, newKey);

        var fresh = await PassTestData.CurrentTokenAsync(world.Courier);
        Assert.True(PassTokenCodec.TryDecode(fresh, out var freshClaims));
        Assert.Equal(newKey, freshClaims!.KeyId);
        Assert.True((await PassTestData.VerifyAsync(world.Gate, old, world.SiteCode)).GetProperty("valid").GetBoolean());

        var keys = await app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/passes/keys");
        var statuses = keys.EnumerateArray().ToDictionary(k => k.GetProperty("keyId").GetString()!, k => k.GetProperty("status").GetString());
        Assert.Equal("verify-only", statuses[oldClaims.KeyId]);
        Assert.Equal("active", statuses[newKey]);
        Assert.DoesNotContain("private", keys.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(keys.EnumerateArray(), k => Assert.Equal(32, Convert.FromBase64String(Pad(k.GetProperty("publicKey").GetString()!)).Length));

        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsync($"/api/v1/passes/keys/{newKey}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsync("/api/v1/passes/keys/NOPE/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/v1/passes/keys/{oldClaims.KeyId}/retire", null)).StatusCode);
        using var forger = Key.Create(SignatureAlgorithm.Ed25519);
        var refused = await PassTestData.VerifyAsync(world.Gate, PassTestData.Sign(forger, oldClaims.KeyId,
            world.PassId, 1, oldClaims.NotBefore, oldClaims.NotAfter), world.SiteCode);
        Assert.Equal("retired-key", refused.GetProperty("reason").GetString());
        await using var db = await PassTestData.DbAsync(app);
        Assert.Equal(1, await db.PassSigningKeys.CountAsync(k => k.Status == SigningKeyStatus.Active));

        var bundle = await world.Gate.GetFromJsonAsync<JsonElement>($"/api/v1/passes/gate-bundle?site={world.SiteCode}");
        Assert.Equal([newKey], bundle.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("keyId").GetString()!).ToList());
        Assert.Equal([oldClaims.KeyId], bundle.GetProperty("retiredKeyIds").EnumerateArray().Select(k => k.GetString()!).ToList());
    }

    [Fact]
    public async Task The_gate_bundle_lists_revoked_and_suspended_passes_and_the_site_policy_and_answers_304_while_nothing_changes()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        Guid suspendedPass;
        await using (var db = await PassTestData.DbAsync(app))
        {
            var row = await db.Sites.SingleAsync(s => s.Code == world.SiteCode);
            row.Set(row.Name, row.Kind, row.RegionCode, row.Address, row.Lon, row.Lat, ["meituan", "eleme"], 6 * 60, 23 * 60, row.GuardList,
                PassTestData.NowMs);
            await db.SaveChangesAsync();
            var (other, pass, _) = await PassTestData.CourierAsync(db, "another-user");
            suspendedPass = pass;
            await PassTestData.SuspendAsync(app, other);
        }
        var url = $"/api/v1/passes/gate-bundle?site={world.SiteCode}";
        var first = await world.Gate.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var bundle = await first.Content.ReadFromJsonAsync<JsonElement>();
        var site = bundle.GetProperty("site");
        Assert.Equal(["meituan", "eleme"], site.GetProperty("allowedPlatforms").EnumerateArray().Select(p => p.GetString()!).ToList());
        Assert.Equal([1, 2], site.GetProperty("allowedPlatformCodes").EnumerateArray().Select(p => p.GetInt32()).ToList());
        Assert.Equal((360, 1380, false), (site.GetProperty("openFromMinute").GetInt32(), site.GetProperty("openToMinute").GetInt32(), site.GetProperty("closed").GetBoolean()));
        Assert.Equal((30, 30), (bundle.GetProperty("windowSeconds").GetInt32(), bundle.GetProperty("clockSkewSeconds").GetInt32()));
        Assert.Single(bundle.GetProperty("keys").EnumerateArray());
        var revoked = bundle.GetProperty("revoked").EnumerateArray().ToList();
        Assert.Equal((suspendedPass, "suspended"), (revoked.Single().GetProperty("passId").GetGuid(), revoked.Single().GetProperty("reason").GetString()));

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await world.Gate.SendAsync(again)).StatusCode);

        await PassTestData.RevokeAsync(app, world.PassId);
        using var changed = new HttpRequestMessage(HttpMethod.Get, url);
        changed.Headers.IfNoneMatch.Add(etag);
        var after = await world.Gate.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        var list = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").EnumerateArray()
            .ToDictionary(r => r.GetProperty("passId").GetGuid(), r => r.GetProperty("reason").GetString());
        Assert.Equal("revoked", list[world.PassId]);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Gate.GetAsync("/api/v1/passes/gate-bundle")).StatusCode);
    }

    [Fact]
    public async Task Offline_passages_upload_once_each_and_a_forged_token_is_stored_refused_whatever_the_device_said()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var token = await PassTestData.CurrentTokenAsync(world.Courier);
        var forged = PassTestData.FlipByte(token, 12);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(PassTestData.NowMs - 60_000);
        object[] passages =
        [
            new { deviceRef = "dev-1", token, checkedAt = at, allowed = true, reason = (string?)null },
            new { deviceRef = "dev-2", token = forged, checkedAt = at, allowed = true, reason = (string?)null },
            new { deviceRef = "dev-3", token, checkedAt = at, allowed = false, reason = "replayed" },
            new { deviceRef = "", token, checkedAt = at, allowed = true, reason = (string?)null },
            new { deviceRef = "dev-5", token, checkedAt = at, allowed = false, reason = "no-such-reason" },
        ];
        var response = await world.Gate.PostAsJsonAsync("/api/v1/passes/passages/sync", new { site = world.SiteCode, passages });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0), (answer.GetProperty("stored").GetInt32(), answer.GetProperty("duplicates").GetInt32()));
        Assert.Equal([3, 4], answer.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).ToList());
        Assert.Contains("deviceRef", answer.GetProperty("rejected")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var twice = await (await world.Gate.PostAsJsonAsync("/api/v1/passes/passages/sync", new { site = world.SiteCode, passages = passages[..3] }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3), (twice.GetProperty("stored").GetInt32(), twice.GetProperty("duplicates").GetInt32()));

        await using var db = await PassTestData.DbAsync(app);
        var stored = await db.Passages.ToDictionaryAsync(p => p.DeviceRef!);
        Assert.Equal(3, stored.Count);
        Assert.Equal((true, world.CourierId, PassageMethod.TokenOffline), (stored["dev-1"].Allowed, stored["dev-1"].CourierId, stored["dev-1"].Method));
        Assert.Equal(at.ToUnixTimeMilliseconds(), stored["dev-1"].AtMs);
        Assert.Equal((false, "bad-signature"), (stored["dev-2"].Allowed, stored["dev-2"].Reason));
        Assert.Null(stored["dev-2"].CourierId);
        Assert.Equal((false, "replayed"), (stored["dev-3"].Allowed, stored["dev-3"].Reason));

        var tooMany = Enumerable.Range(0, 1001).Select(i => new { deviceRef = $"x{i}", token, checkedAt = at, allowed = true }).ToArray();
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Gate.PostAsJsonAsync("/api/v1/passes/passages/sync", new { site = world.SiteCode, passages = tooMany })).StatusCode);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
