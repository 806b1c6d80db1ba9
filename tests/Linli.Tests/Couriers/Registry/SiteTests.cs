using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Couriers.Registry;

[Trait("Category", "Database")]
public sealed class SiteTests
{
    [Fact]
    public async Task Community_staff_create_sites_in_their_area_with_a_policy_guards_and_a_qr_code()
    {
        await using var app = await CourierKit.StartAsync();
        using var community = await app.ClientForAsync("community-staff", CourierKit.Community);
        var guard = await app.ClientForAsync("gatekeeper", username: "gate-kq");
        var site = await CourierKit.SiteAsync(app, community, platforms: ["meituan", "饿了么"], openFrom: "06:30", openTo: "23:00", guards: ["gate-kq"]);
        var code = site.GetProperty("code").GetString()!;
        Assert.Matches("^[2-9A-Z]{8}$", code);
        Assert.Equal(["meituan", "eleme"], site.GetProperty("allowedPlatforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("06:30", site.GetProperty("openFrom").GetString());
        Assert.EndsWith($"/s/{code}", site.GetProperty("scanUrl").GetString(), StringComparison.Ordinal);

        var qr = await community.GetAsync($"/api/v1/sites/{code}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var outside = await community.PostAsJsonAsync("/api/v1/sites", new { name = "塘河小区", regionCode = CourierKit.OtherCommunity });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var bad = await community.PostAsJsonAsync("/api/v1/sites", new
        {
            name = "x", kind = "castle", regionCode = "999", allowedPlatforms = new[] { "uber" }, openFrom = "25:00", guards = new[] { "nobody-here" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "regionCode", "allowedPlatforms[0]", "openFrom", "guards[0]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Single((await community.GetFromJsonAsync<JsonElement>("/api/v1/sites")).EnumerateArray());
        guard.Dispose();
    }

    [Fact]
    public async Task A_rider_scanning_the_poster_is_let_in_recorded_shown_live_to_the_guard_and_sees_the_compound_map()
    {
        await using var app = await CourierKit.StartAsync();
        using var guard = await app.ClientForAsync("gatekeeper", username: "gate-live");
        var site = await CourierKit.SiteAsync(app, guards: ["gate-live"]);
        var code = site.GetProperty("code").GetString()!;
        var rider = await CourierKit.ApprovedAsync(app);

        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Factory.Server.BaseAddress, "/hubs/gate"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(guard.DefaultRequestHeaders.Authorization!.Parameter);
            })
            .Build();
        connection.On<JsonElement>("passage", message => seen.TrySetResult(message));
        await connection.StartAsync();
        Assert.True(await connection.InvokeAsync<bool>("Watch", code));
        Assert.False(await connection.InvokeAsync<bool>("Watch", "NOSUCH22"));

        var scan = await rider.Client.PostAsync($"/api/v1/sites/{code}/scan", null);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        var result = await scan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("allowed").GetBoolean());
        Assert.Equal("马*跑", result.GetProperty("pass").GetProperty("maskedName").GetString());

        var card = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(card.GetProperty("allowed").GetBoolean());
        Assert.Equal("马*跑", card.GetProperty("maskedName").GetString());
        Assert.Equal("美团", card.GetProperty("platformName").GetString());
        Assert.Equal("美团康桥站", card.GetProperty("team").GetString());
        Assert.StartsWith("XG-", card.GetProperty("passNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal("12345", card.GetProperty("complaintPhone").GetString());

        var map = await rider.Client.GetFromJsonAsync<JsonElement>(result.GetProperty("mapUrl").GetString()!);
        var names = map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Contains("1幢", names);
        Assert.Contains("西网格", names);

        var passages = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/passages?site={code}");
        var passage = Assert.Single(passages.GetProperty("items").EnumerateArray());
        Assert.Equal("site-scan", passage.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Scans_are_refused_and_recorded_for_a_suspended_rider_an_excluded_platform_and_outside_hours()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture)); // 10:00 in Hangzhou
        await using var app = await CourierKit.StartAsync(clock);
        var open = (await CourierKit.SiteAsync(app, platforms: ["sf"])).GetProperty("code").GetString()!;
        var daytime = (await CourierKit.SiteAsync(app, openFrom: "07:00", openTo: "09:00")).GetProperty("code").GetString()!;
        var rider = await CourierKit.ApprovedAsync(app);
        var pending = await CourierKit.RegisterAsync(app);

        async Task<string?> ReasonAsync(Rider who, string site)
        {
            var response = await who.Client.PostAsync($"/api/v1/sites/{site}/scan", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("reason").GetString();
        }

        Assert.Equal("platform-not-allowed", await ReasonAsync(rider, open));
        Assert.Equal("site-closed", await ReasonAsync(rider, daytime));
        Assert.Equal("not-approved", await ReasonAsync(pending, daytime));
        await app.Client.PostAsJsonAsync($"/api/v1/couriers/{rider.CourierId}/suspend", new { reason = "投诉属实" });
        Assert.Equal("suspended", await ReasonAsync(rider, daytime));
        Assert.Equal(HttpStatusCode.NotFound, (await rider.Client.PostAsync("/api/v1/sites/NOSUCH22/scan", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rider.Client.GetAsync($"/api/v1/sites/{daytime}/map")).StatusCode);

        var refused = await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/passages?allowed=false");
        Assert.Equal(4, refused.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.GetAsync("/api/v1/passages?from=2026-01-01&to=2026-12-31")).StatusCode);
    }

    [Fact]
    public async Task A_closed_site_refuses_scans_and_disappears_from_the_list()
    {
        await using var app = await CourierKit.StartAsync();
        var code = (await CourierKit.SiteAsync(app)).GetProperty("code").GetString()!;
        var rider = await CourierKit.ApprovedAsync(app);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/v1/sites/{code}")).StatusCode);
        var scan = await (await rider.Client.PostAsync($"/api/v1/sites/{code}/scan", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("site-unknown", scan.GetProperty("reason").GetString());
        Assert.Empty((await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/sites")).EnumerateArray());
    }
}
