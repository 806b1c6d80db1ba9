using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Couriers.Registry;
using static Linli.Tests.Couriers.Pages.CourierPageKit;

namespace Linli.Tests.Couriers.Pages;

[Trait("Category", "Database")]
public sealed partial class SitePagesTests
{
    [Fact]
    public async Task Community_staff_add_a_site_with_its_policy_and_guards_on_the_sites_page_edit_it_and_close_it()
    {
        await using var app = await CourierKit.StartAsync();
        using var community = await app.ClientForAsync("community-staff", CourierKit.Community);
        using var guard = await app.ClientForAsync("gatekeeper", username: "gate-page");

        var page = await PageAsync(community, "/couriers/sites");
        Assert.Contains($"value=\"{CourierKit.Grid}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{CourierKit.OtherCommunity}\"", page, StringComparison.Ordinal);

        var refused = await PostAsync(community, "/couriers/sites", "create", ("name", "康"), ("kind", "compound"), ("regionCode", CourierKit.Grid),
            ("address", "康桥路 1 号北门"), ("guards", "nobody-here"));
        Assert.Contains("name:", Alert(refused), StringComparison.Ordinal);
        Assert.Contains("guards[0]:", Alert(refused), StringComparison.Ordinal);
        Assert.Contains("value=\"康桥路 1 号北门\"", refused, StringComparison.Ordinal);

        var created = await PostAsync(community, "/couriers/sites", "create", ("name", "康桥花园"), ("kind", "compound"), ("regionCode", CourierKit.Grid),
            ("address", "康桥路 1 号北门"), ("lon", ""), ("lat", ""), ("platforms", "meituan"), ("platforms", "eleme"), ("openFrom", "06:30"),
            ("openTo", "23:00"), ("guards", "gate-page"));
        Assert.Equal("", Alert(created));
        var site = Assert.Single((await community.GetFromJsonAsync<JsonElement>("/api/v1/sites")).EnumerateArray());
        var code = site.GetProperty("code").GetString()!;
        Assert.Contains(code, Status(created), StringComparison.Ordinal);
        Assert.Equal(["meituan", "eleme"], site.GetProperty("allowedPlatforms").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal("06:30", site.GetProperty("openFrom").GetString());
        Assert.Single(site.GetProperty("guards").EnumerateArray());
        Assert.Contains("美团、饿了么 · 06:30–23:00", created, StringComparison.Ordinal);
        Assert.Contains($"href=\"/couriers/sites/{code}/poster\"", created, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gate/{code}\"", created, StringComparison.Ordinal);
        // The add form starts empty again once the site is added.
        Assert.DoesNotContain("id=\"n-name\" name=\"name\" required maxlength=\"200\" value=\"康桥花园\"", created, StringComparison.Ordinal);

        var edited = await PostAsync(community, "/couriers/sites", $"edit-{code}", ("name", "康桥花园南区"), ("kind", "compound"),
            ("regionCode", CourierKit.Grid), ("address", "南门"), ("platforms", "sf"), ("guards", "gate-page"));
        Assert.Equal("", Alert(edited));
        var saved = await community.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{code}");
        Assert.Equal("康桥花园南区", saved.GetProperty("name").GetString());
        Assert.Equal(["sf"], saved.GetProperty("allowedPlatforms").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("openFrom").ValueKind);

        var closed = await PostAsync(community, "/couriers/sites", $"close-{code}");
        Assert.Contains(code, Status(closed), StringComparison.Ordinal);
        Assert.Empty((await community.GetFromJsonAsync<JsonElement>("/api/v1/sites")).EnumerateArray());
    }

    [Fact]
    public async Task The_poster_carries_the_qr_code_as_inline_svg_the_code_the_policy_and_the_complaint_phone()
    {
        await using var app = await CourierKit.StartAsync();
        var code = (await CourierKit.SiteAsync(app, platforms: ["meituan"], openFrom: "07:00", openTo: "22:00")).GetProperty("code").GetString()!;
        var poster = await PageAsync(app.Client, $"/couriers/sites/{code}/poster");
        Assert.Contains("<svg", poster, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"poster-code\">{code}</p>", poster, StringComparison.Ordinal);
        Assert.Contains("骑手请用手机扫码登记进入", poster, StringComparison.Ordinal);
        Assert.Contains("Riders: scan with your phone to check in", poster, StringComparison.Ordinal);
        Assert.Contains("美团 Meituan", poster, StringComparison.Ordinal);
        Assert.Contains("07:00–22:00", poster, StringComparison.Ordinal);
        Assert.Contains("12345", poster, StringComparison.Ordinal);
        Assert.Contains("找不到这个场所", await PageAsync(app.Client, "/couriers/sites/NOSUCH22/poster"),
            StringComparison.Ordinal);
        using var elsewhere = await app.ClientForAsync("community-staff", CourierKit.OtherCommunity);
        await PageAsync(elsewhere, $"/couriers/sites/{code}/poster", System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_passages_page_lists_each_passage_by_site_and_outcome_with_a_summary_per_site()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.ApprovedAsync(app);
        using var community = await app.ClientForAsync("community-staff", CourierKit.Community);
        var open = (await CourierKit.SiteAsync(app, community)).GetProperty("code").GetString()!;
        var sfOnly = (await CourierKit.SiteAsync(app, community, platforms: ["sf"])).GetProperty("code").GetString()!;
        foreach (var code in new[] { open, open, sfOnly })
        {
            Assert.True((await rider.Client.PostAsync($"/api/v1/sites/{code}/scan", null)).IsSuccessStatusCode);
        }
        var pass = (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{rider.CourierId}")).GetProperty("courier").GetProperty("pass")
            .GetProperty("number").GetString()!;

        var all = await PageAsync(community, "/couriers/passages");
        Assert.Equal(3, PassageRows().Count(all));
        Assert.Contains("马*跑", all, StringComparison.Ordinal);
        Assert.Contains(pass, all, StringComparison.Ordinal);
        Assert.Contains("骑手扫场所码", all, StringComparison.Ordinal);
        Assert.Contains("本场所不允许该平台进入", all, StringComparison.Ordinal);
        Assert.Contains($"<code>{open}</code></td><td>2</td><td>0</td>", all, StringComparison.Ordinal);
        Assert.Contains($"<code>{sfOnly}</code></td><td>0</td><td>1</td>", all, StringComparison.Ordinal);

        var refused = await PageAsync(community, "/couriers/passages?outcome=refused");
        Assert.Single(PassageRows().Matches(refused));
        var oneSite = await PageAsync(community, $"/couriers/passages?site={open}");
        Assert.Equal(2, PassageRows().Count(oneSite));
        Assert.DoesNotContain($"<code>{sfOnly}</code></td><td>", oneSite, StringComparison.Ordinal);
        var before = await PageAsync(community, "/couriers/passages?from=2020-01-01&to=2020-01-31");
        Assert.Empty(PassageRows().Matches(before));
        Assert.Contains("from:", Alert(await PageAsync(community, "/couriers/passages?from=2020-01-01&to=2026-12-31", System.Net.HttpStatusCode.BadRequest)),
            StringComparison.Ordinal);

        // The admin keeps sites too, so the rider's page shows the rider's latest passages.
        var detail = await PageAsync(app.Client, $"/couriers/{rider.CourierId}");
        Assert.Contains("最近通行记录 (3)", detail, StringComparison.Ordinal);
    }

    [GeneratedRegex("<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</td>\\s*<td>康桥花园")]
    private static partial Regex PassageRows();
}
