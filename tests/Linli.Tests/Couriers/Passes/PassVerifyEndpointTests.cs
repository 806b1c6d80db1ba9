using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Tokens;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;

namespace Linli.Tests.Couriers.Passes;

/// <summary>The rider's tokens and the gate's online check through HTTP, with every passage on record.</summary>
[Trait("Category", "Database")]
public sealed class PassVerifyEndpointTests
{
    [Fact]
    public async Task An_approved_courier_gets_an_hour_of_tokens_one_per_window_that_verify_and_are_recorded_as_a_passage()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var tokens = await world.Courier.GetFromJsonAsync<JsonElement>("/api/v1/passes/me/tokens");
        Assert.Equal(world.PassId, tokens.GetProperty("passId").GetGuid());
        Assert.Equal(world.PassNumber, tokens.GetProperty("passNumber").GetString());
        Assert.Equal(30, tokens.GetProperty("windowSeconds").GetInt32());
        var slots = tokens.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(120, slots.Count);
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(pair.First.GetProperty("notAfter").GetInt64(), pair.Second.GetProperty("notBefore").GetInt64()));
        var token = slots[0].GetProperty("token").GetString()!;
        Assert.StartsWith(PassTokenCodec.Prefix, token, StringComparison.Ordinal);

        var result = await PassTestData.VerifyAsync(world.Gate, token, world.SiteCode);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("reason").ValueKind);
        var pass = result.GetProperty("pass");
        Assert.Equal(("马*", "美团", world.PassNumber), (pass.GetProperty("maskedName").GetString(), pass.GetProperty("platformName").GetString(),
            pass.GetProperty("number").GetString()));
        Assert.Equal(world.SiteCode, result.GetProperty("site").GetProperty("code").GetString());

        await using var db = await PassTestData.DbAsync(app);
        var passage = await db.Passages.SingleAsync(p => p.Id == result.GetProperty("passageId").GetGuid());
        Assert.Equal((true, PassageMethod.TokenOnline, world.CourierId, world.GateUserId), (passage.Allowed, passage.Method, passage.CourierId, passage.CheckedBy));
        Assert.Equal($"{world.PassId:N}:{slots[0].GetProperty("notBefore").GetInt64()}:{world.SiteId:N}", passage.ReplayKey);

        // The phone page is a shell: the script fetches the tokens and draws them (CSP: no inline script).
        var page = await world.Courier.GetStringAsync("/rider/pass");
        Assert.Contains("data-tokens-url=\"/api/v1/passes/me/tokens?minutes=240\"", page, StringComparison.Ordinal);
        Assert.Contains("/lib/qrcode-generator/qrcode.js", page, StringComparison.Ordinal);
        Assert.Contains("/js/pass-rider.js", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_or_suspended_courier_and_an_account_with_no_courier_record_get_409_with_the_reason()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var stranger = await app.ClientForAsync(Roles.Courier);
        var none = await stranger.GetAsync("/api/v1/passes/me/tokens");
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Contains("courier", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);

        var pendingClient = await app.ClientForAsync(Roles.Courier, username: "courier-pending");
        await using (var db = await PassTestData.DbAsync(app))
        {
            var id = await db.Users.Where(u => u.UserName == "courier-pending").Select(u => u.Id).SingleAsync();
            await PassTestData.CourierAsync(db, id, approve: false);
        }
        var pending = await pendingClient.GetAsync("/api/v1/passes/me/tokens");
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal("Not approved yet", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        await PassTestData.SuspendAsync(app, world.CourierId);
        var suspended = await world.Courier.GetAsync("/api/v1/passes/me/tokens");
        Assert.Equal(HttpStatusCode.Conflict, suspended.StatusCode);
        Assert.Contains("投诉属实", await suspended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Courier.GetAsync("/api/v1/passes/me/tokens?minutes=241")).StatusCode);
    }

    [Fact]
    public async Task The_same_token_at_the_same_gate_is_replayed_the_second_time_but_let_in_at_another_gate()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        await using (var db = await PassTestData.DbAsync(app))
        {
            await PassTestData.SiteAsync(db, "GATE2", [world.GateUserId]);
        }
        var token = await PassTestData.CurrentTokenAsync(world.Courier);
        Assert.True((await PassTestData.VerifyAsync(world.Gate, token, world.SiteCode)).GetProperty("valid").GetBoolean());
        var again = await PassTestData.VerifyAsync(world.Gate, token, world.SiteCode);
        Assert.Equal((false, "replayed"), (again.GetProperty("valid").GetBoolean(), again.GetProperty("reason").GetString()));
        Assert.Equal("此码已在本门岗使用过（疑似截图重放）", again.GetProperty("reasonText").GetString());
        Assert.True((await PassTestData.VerifyAsync(world.Gate, token, "gate2")).GetProperty("valid").GetBoolean());

        await using var check = await PassTestData.DbAsync(app);
        var passages = await check.Passages.Where(p => p.PassId == world.PassId).ToListAsync();
        Assert.Equal(3, passages.Count);
        Assert.Single(passages, p => p.Reason == "replayed" && p.ReplayKey == null);
    }

    [Fact]
    public async Task Concurrent_checks_of_one_token_at_one_gate_let_exactly_one_through()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var token = await PassTestData.CurrentTokenAsync(world.Courier);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PassTestData.VerifyAsync(world.Gate, token, world.SiteCode)));
        Assert.Single(results, r => r.GetProperty("valid").GetBoolean());
        Assert.All(results.Where(r => !r.GetProperty("valid").GetBoolean()), r => Assert.Equal("replayed", r.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_revoked_pass_a_suspended_rider_and_a_forged_token_are_refused_online_with_their_reasons_and_recorded()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var token = await PassTestData.CurrentTokenAsync(world.Courier);

        var forged = PassTestData.FlipByte(token, 12); // inside the pass id: another rider's pass
        var refused = await PassTestData.VerifyAsync(world.Gate, forged, world.SiteCode);
        Assert.Equal((false, "bad-signature"), (refused.GetProperty("valid").GetBoolean(), refused.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("pass").ValueKind); // a forgery shows nobody's face

        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        Assert.True(PassTokenCodec.TryDecode(token, out var claims));
        var signedElsewhere = PassTestData.Sign(stranger, claims!.KeyId, world.PassId, 1, claims.NotBefore, claims.NotAfter);
        Assert.Equal("bad-signature", (await PassTestData.VerifyAsync(world.Gate, signedElsewhere, world.SiteCode)).GetProperty("reason").GetString());
        Assert.Equal("malformed", (await PassTestData.VerifyAsync(world.Gate, "not a pass", world.SiteCode)).GetProperty("reason").GetString());

        await PassTestData.SuspendAsync(app, world.CourierId);
        Assert.Equal("suspended", (await PassTestData.VerifyAsync(world.Gate, token, world.SiteCode)).GetProperty("reason").GetString());

        await PassTestData.RevokeAsync(app, world.PassId);
        Assert.Equal("revoked", (await PassTestData.VerifyAsync(world.Gate, token, world.SiteCode)).GetProperty("reason").GetString());

        await using var db = await PassTestData.DbAsync(app);
        var reasons = await db.Passages.Select(p => p.Reason!).ToListAsync();
        Assert.Equal(["bad-signature", "bad-signature", "malformed", "revoked", "suspended"], reasons.Order(StringComparer.Ordinal).ToList());
        Assert.Single(await db.Passages.Where(p => p.Reason == "malformed").ToListAsync(), p => p.PassId is null && p.CourierId is null);
    }

    [Fact]
    public async Task A_site_whose_policy_excludes_the_riders_platform_or_that_is_closed_refuses_online_too()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        await using (var db = await PassTestData.DbAsync(app))
        {
            await PassTestData.SiteAsync(db, "ELEME1", [world.GateUserId], platforms: ["eleme", "sf"]);
            var closed = await PassTestData.SiteAsync(db, "SHUT1", [world.GateUserId]);
            closed.Close(PassTestData.NowMs);
            await db.SaveChangesAsync();
        }
        var token = await PassTestData.CurrentTokenAsync(world.Courier);
        var excluded = await PassTestData.VerifyAsync(world.Gate, token, "ELEME1");
        Assert.Equal((false, "platform-not-allowed"), (excluded.GetProperty("valid").GetBoolean(), excluded.GetProperty("reason").GetString()));
        Assert.Equal("马*", excluded.GetProperty("pass").GetProperty("maskedName").GetString()); // a genuine rider, shown with the reason
        Assert.Equal("site-closed", (await PassTestData.VerifyAsync(world.Gate, token, "SHUT1")).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Bad_input_is_400_with_the_field_an_unknown_site_404_and_a_guard_not_named_on_the_site_403()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var missing = await world.Gate.PostAsJsonAsync("/api/v1/passes/verify", new { site = world.SiteCode });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("token", out _));
        var huge = await world.Gate.PostAsJsonAsync("/api/v1/passes/verify", new { token = new string('A', 5000), site = world.SiteCode });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        var noSite = await world.Gate.PostAsJsonAsync("/api/v1/passes/verify", new { token = "LX1.AAAA" });
        Assert.True((await noSite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("site", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Gate.PostAsJsonAsync("/api/v1/passes/verify", new { token = "LX1.AAAA", site = "NOSUCH" })).StatusCode);

        var otherGuard = await app.ClientForAsync(Roles.Gatekeeper);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherGuard.PostAsJsonAsync("/api/v1/passes/verify", new { token = "LX1.AAAA", site = world.SiteCode })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherGuard.GetAsync($"/api/v1/passes/gate-bundle?site={world.SiteCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(Linli.Tests.Infrastructure.RegionFile.SampleTree().ToString())).StatusCode);
        // Community staff keeping sites in the site's region may check there without being named.
        var staff = await app.ClientForAsync(Roles.CommunityStaff, PassTestData.Region);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync("/api/v1/passes/verify", new { token = "LX1.AAAA", site = world.SiteCode })).StatusCode);
        await using var db = await PassTestData.DbAsync(app);
        Assert.Equal(1, await db.Passages.CountAsync()); // refused requests leave no passage; the staff's malformed check does
    }
}
