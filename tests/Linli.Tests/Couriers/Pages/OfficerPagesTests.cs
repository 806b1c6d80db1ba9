using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Couriers.Registry;
using static Linli.Tests.Couriers.Pages.CourierPageKit;

namespace Linli.Tests.Couriers.Pages;

[Trait("Category", "Database")]
public sealed class OfficerPagesTests
{
    private static async Task<JsonElement> CourierAsync(HttpClient officer, string id) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{id}")).GetProperty("courier");

    [Fact]
    public async Task The_review_queue_shows_pending_riders_of_the_officers_area_with_masked_facts_and_each_eligibility_rule()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.RegisterAsync(app);
        var late = await CourierKit.RegisterAsync(app, onTime: 90m, platform: "eleme");
        using var street = await app.ClientForAsync("street-officer", CourierKit.Street);
        using var elsewhere = await app.ClientForAsync("street-officer", await CourierKit.OtherStreetAsync(app));
        var shown = await CourierAsync(street, rider.CourierId);

        var queue = await PageAsync(street, "/couriers/review");
        Assert.Contains($"href=\"/couriers/{rider.CourierId}\"", queue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/couriers/{late.CourierId}\"", queue, StringComparison.Ordinal);
        Assert.Contains(shown.GetProperty("maskedName").GetString()!, queue, StringComparison.Ordinal);
        Assert.Contains(shown.GetProperty("maskedPhone").GetString()!, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(rider.Phone, queue, StringComparison.Ordinal);
        Assert.Contains("美团康桥站", queue, StringComparison.Ordinal);
        Assert.Contains("准时率 ≥ 95%（90%）", queue, StringComparison.Ordinal);
        Assert.Contains("<li class=\"fail\">", queue, StringComparison.Ordinal);
        Assert.Contains("待审核 (2)", queue, StringComparison.Ordinal);

        var eleme = await PageAsync(street, "/couriers/review?status=pending&platform=eleme");
        Assert.Contains(late.CourierId, eleme, StringComparison.Ordinal);
        Assert.DoesNotContain(rider.CourierId, eleme, StringComparison.Ordinal);
        Assert.DoesNotContain(rider.CourierId, await PageAsync(street, "/couriers/review?status=approved"), StringComparison.Ordinal);
        Assert.DoesNotContain(rider.CourierId, await PageAsync(elsewhere, "/couriers/review?status=all"), StringComparison.Ordinal);
        Assert.Contains("status: must be", Alert(await PageAsync(street, "/couriers/review?status=lost", System.Net.HttpStatusCode.BadRequest)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_approves_from_the_detail_page_is_told_why_an_ineligible_rider_cannot_be_and_must_give_a_reason_to_reject()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.RegisterAsync(app);
        var late = await CourierKit.RegisterAsync(app, onTime: 90m);
        using var street = await app.ClientForAsync("street-officer", CourierKit.Street);

        var detail = await PageAsync(street, $"/couriers/{rider.CourierId}");
        Assert.Contains("暂无照片", detail, StringComparison.Ordinal);
        Assert.Contains("杭州众包配送有限公司", detail, StringComparison.Ordinal);
        Assert.Contains("提交申请", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"suspend\"", detail, StringComparison.Ordinal);

        var approved = await PostAsync(street, $"/couriers/{rider.CourierId}", "approve");
        Assert.Equal("", Alert(approved));
        var courier = await CourierAsync(street, rider.CourierId);
        Assert.Equal("approved", courier.GetProperty("status").GetString());
        var pass = courier.GetProperty("pass").GetProperty("number").GetString()!;
        Assert.Contains(pass, Status(approved), StringComparison.Ordinal);
        Assert.Contains("审核通过", approved, StringComparison.Ordinal);
        Assert.Contains("name=\"_handler\" value=\"suspend\"", approved, StringComparison.Ordinal);

        var refused = await PostAsync(street, $"/couriers/{late.CourierId}", "approve");
        Assert.Contains("On-time rate", Alert(refused), StringComparison.Ordinal);
        var noReason = await PostAsync(street, $"/couriers/{late.CourierId}", "reject", ("reason", " "));
        Assert.Contains("reason:", Alert(noReason), StringComparison.Ordinal);
        Assert.Equal("pending", (await CourierAsync(street, late.CourierId)).GetProperty("status").GetString());
        await PostAsync(street, $"/couriers/{late.CourierId}", "reject", ("reason", "准时率不足 95%"));
        var rejected = await CourierAsync(street, late.CourierId);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("准时率不足 95%", rejected.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task An_officer_suspends_reinstates_and_reissues_a_pass_on_the_detail_page_and_sees_the_revoked_pass()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.ApprovedAsync(app);
        var before = (await CourierAsync(app.Client, rider.CourierId)).GetProperty("pass").GetProperty("number").GetString()!;

        var suspended = await PostAsync(app.Client, $"/couriers/{rider.CourierId}", "suspend", ("reason", "冒用他人通行码"));
        Assert.Contains("冒用他人通行码", suspended, StringComparison.Ordinal);
        Assert.Equal("suspended", (await CourierAsync(app.Client, rider.CourierId)).GetProperty("status").GetString());
        await PostAsync(app.Client, $"/couriers/{rider.CourierId}", "reinstate");
        Assert.Equal("approved", (await CourierAsync(app.Client, rider.CourierId)).GetProperty("status").GetString());

        var reissued = await PostAsync(app.Client, $"/couriers/{rider.CourierId}", "reissue", ("reason", "手机丢失"));
        var after = (await CourierAsync(app.Client, rider.CourierId)).GetProperty("pass").GetProperty("number").GetString()!;
        Assert.NotEqual(before, after);
        Assert.Contains($"<li class=\"revoked\"><code>{before}</code>", reissued, StringComparison.Ordinal);
        Assert.Contains("已作废", reissued, StringComparison.Ordinal);
        Assert.Contains(after, reissued, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_page_of_an_unknown_rider_says_so_and_one_outside_the_area_is_refused()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.RegisterAsync(app);
        using var elsewhere = await app.ClientForAsync("street-officer", await CourierKit.OtherStreetAsync(app));
        Assert.Contains("找不到这位骑手", await PageAsync(app.Client, $"/couriers/{Guid.NewGuid()}"), StringComparison.Ordinal);
        var outside = await PageAsync(elsewhere, $"/couriers/{rider.CourierId}", System.Net.HttpStatusCode.Forbidden);
        Assert.Contains("Not allowed", Alert(outside), StringComparison.Ordinal);
        Assert.DoesNotContain("美团康桥站", outside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_pages_are_refused_to_a_courier_and_site_pages_to_an_officer_without_sites()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.ApprovedAsync(app);
        foreach (var path in new[] { "/couriers/review", $"/couriers/{rider.CourierId}", "/couriers/complaints", "/couriers/sites", "/couriers/passages",
            "/couriers/sites/ABCDEFGH/poster" })
        {
            await AssertRefusedAsync(rider.Client, path);
        }
        using var community = await app.ClientForAsync("community-staff", CourierKit.Community);
        await AssertRefusedAsync(community, "/couriers/review");
        Assert.Contains("通行场所", await PageAsync(community, "/couriers/sites"), StringComparison.Ordinal);
    }
}
