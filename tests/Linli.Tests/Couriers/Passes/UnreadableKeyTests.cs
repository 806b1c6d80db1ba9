using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Couriers.Passes;

/// <summary>
/// A second server whose data-protection keys differ (a misconfigured cluster, a database restored
/// elsewhere) cannot open the signing key: it must stay up, keep verifying riders' tokens with the
/// public keys, refuse to issue tokens with a clear 503, and not make a rival key.
/// </summary>
[Trait("Category", "Database")]
public sealed class UnreadableKeyTests
{
    [Fact]
    public async Task A_server_that_cannot_open_the_signing_key_still_verifies_and_refuses_to_sign_without_making_a_second_key()
    {
        var world = await PassTestData.StartAsync();
        await using var app = world.App;
        var token = await PassTestData.CurrentTokenAsync(world.Courier);

        await using var other = new LinliAppFactory(app.Database.ConnectionString, demoCity: "none");
        using var probe = other.CreateClient();
        await LinliAppFactory.WaitUntilReadyAsync(probe);
        using var courier = other.ClientWithToken(await other.TokenAsync("courier1", "Pass-word-2026x"));
        using var gate = other.ClientWithToken(await other.TokenAsync("gate1", "Pass-word-2026x"));

        var tokens = await courier.GetAsync("/api/v1/passes/me/tokens?minutes=5");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tokens.StatusCode);
        Assert.Contains("cannot open the signing key", await tokens.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var verified = await PassTestData.VerifyAsync(gate, token, world.SiteCode);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/readyz")).StatusCode);
        var keys = await probe.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/passes/keys");
        Assert.Single(keys.EnumerateArray());
    }
}
