using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Tests.Couriers.Registry;

[Trait("Category", "Database")]
public sealed class ReviewTests
{
    [Fact]
    public async Task Officers_see_the_queue_of_their_area_only_and_approve_only_eligible_riders_issuing_a_pass()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.RegisterAsync(app);
        var late = await CourierKit.RegisterAsync(app, onTime: 90m);
        using var street = await app.ClientForAsync("street-officer", CourierKit.Street);
        using var elsewhere = await app.ClientForAsync("street-officer", await CourierKit.OtherStreetAsync(app));

        var queue = await street.GetFromJsonAsync<JsonElement>("/api/v1/couriers?status=pending");
        Assert.Equal(2, queue.GetProperty("total").GetInt32());
        Assert.Equal(0, (await elsewhere.GetFromJsonAsync<JsonElement>("/api/v1/couriers?status=pending")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.PostAsync($"/api/v1/couriers/{rider.CourierId}/approve", null)).StatusCode);

        var refused = await street.PostAsync($"/api/v1/couriers/{late.CourierId}/approve", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("On-time rate", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var approved = await street.PostAsync($"/api/v1/couriers/{rider.CourierId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var pass = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("courier").GetProperty("pass");
        Assert.Matches("^XG-330105-[2-9A-Z]{6}$", pass.GetProperty("number").GetString());
        var mine = await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me");
        Assert.Equal("approved", mine.GetProperty("courier").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsync($"/api/v1/couriers/{rider.CourierId}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task An_officer_holding_two_areas_sees_the_riders_sites_and_passages_of_both_and_no_others()
    {
        await using var app = await CourierKit.StartAsync();
        var otherStreet = await CourierKit.OtherStreetAsync(app);
        var here = await CourierKit.ApprovedAsync(app);
        var there = await CourierKit.RegisterAsync(app, street: otherStreet);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/v1/couriers/{there.CourierId}/approve", null)).StatusCode);
        var created = await app.Client.PostAsJsonAsync("/api/v1/users", new
        {
            username = "two-streets", password = "Pass-word-2026x", displayName = "两街道", phone = "13800002222",
            assignments = new[] { new { role = "street-officer", scope = CourierKit.Street }, new { role = "street-officer", scope = otherStreet } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var both = app.Factory.ClientWithToken(await app.Factory.TokenAsync("two-streets", "Pass-word-2026x"));
        using var one = await app.ClientForAsync("street-officer", CourierKit.Street);

        Assert.Equal(2, (await both.GetFromJsonAsync<JsonElement>("/api/v1/couriers?status=approved")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await one.GetFromJsonAsync<JsonElement>("/api/v1/couriers?status=approved")).GetProperty("total").GetInt32());

        var site = (await CourierKit.SiteAsync(app)).GetProperty("code").GetString()!;
        await here.Client.PostAsync($"/api/v1/sites/{site}/scan", null);
        Assert.Equal(1, (await both.GetFromJsonAsync<JsonElement>("/api/v1/passages")).GetProperty("total").GetInt32());
        Assert.Single((await both.GetFromJsonAsync<JsonElement>("/api/v1/sites")).EnumerateArray());
        using var elsewhere = await app.ClientForAsync("street-officer", otherStreet);
        Assert.Equal(0, (await elsewhere.GetFromJsonAsync<JsonElement>("/api/v1/passages")).GetProperty("total").GetInt32());
        Assert.Empty((await elsewhere.GetFromJsonAsync<JsonElement>("/api/v1/sites")).EnumerateArray());

        await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/complaints", new { passNumber = await PassNumberAsync(app, there.CourierId), text = "闯红灯" });
        Assert.Single((await both.GetFromJsonAsync<JsonElement>("/api/v1/couriers/complaints")).EnumerateArray());
        Assert.Empty((await one.GetFromJsonAsync<JsonElement>("/api/v1/couriers/complaints")).EnumerateArray());
    }

    private static async Task<string> PassNumberAsync(Linli.Tests.Infrastructure.TestApp app, string courierId) =>
        (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{courierId}")).GetProperty("courier").GetProperty("pass").GetProperty("number").GetString()!;

    [Fact]
    public async Task A_rejected_rider_sees_the_reason_corrects_the_facts_and_is_approved_then_suspended_reinstated_and_reissued()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.RegisterAsync(app, onTime: 93m);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client.PostAsJsonAsync($"/api/v1/couriers/{rider.CourierId}/reject", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/v1/couriers/{rider.CourierId}/reject", new { reason = "准时率不足 95%" })).StatusCode);
        var mine = await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me");
        Assert.Equal("rejected", mine.GetProperty("courier").GetProperty("status").GetString());
        Assert.Equal("准时率不足 95%", mine.GetProperty("courier").GetProperty("statusReason").GetString());

        var corrected = CourierKit.Application(rider.Phone, rider.IdNumber, "000000", onTime: 96m);
        var resent = await rider.Client.PutAsJsonAsync("/api/v1/couriers/me", corrected);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal("pending", (await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/v1/couriers/{rider.CourierId}/approve", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsJsonAsync($"/api/v1/couriers/{rider.CourierId}/suspend", new { reason = "冒用他人通行码" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsJsonAsync($"/api/v1/couriers/{rider.CourierId}/pass/reissue", new { reason = "手机丢失" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync($"/api/v1/couriers/{rider.CourierId}/reinstate", null)).StatusCode);

        var before = (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{rider.CourierId}")).GetProperty("courier").GetProperty("pass").GetProperty("number").GetString();
        var reissued = await app.Client.PostAsJsonAsync($"/api/v1/couriers/{rider.CourierId}/pass/reissue", new { reason = "手机丢失" });
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var detail = await reissued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(before, detail.GetProperty("courier").GetProperty("pass").GetProperty("number").GetString());
        var passes = detail.GetProperty("passes").EnumerateArray().ToList();
        Assert.Equal(2, passes.Count);
        Assert.Contains(passes, p => p.GetProperty("revoked").GetBoolean() && p.GetProperty("number").GetString() == before);
        var actions = detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["apply", "reject", "resubmit", "approve", "suspend", "reinstate", "reissue"], actions);
    }

    [Fact]
    public async Task A_complaint_by_pass_number_is_followed_by_its_own_number_and_an_upheld_one_can_suspend_the_rider()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.ApprovedAsync(app);
        var number = (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{rider.CourierId}")).GetProperty("courier").GetProperty("pass").GetProperty("number").GetString();

        var unknown = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/complaints", new { passNumber = "XG-000000-AAAAAA", text = "逆行" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var filed = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/complaints", new { passNumber = number, text = "在小区内逆行撞到老人", contact = "13900002222" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var complaintNumber = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        Assert.Matches("^TS-[0-9]{8}-[0-9]{6}$", complaintNumber);
        Assert.Equal("open", (await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/complaints/{complaintNumber}")).GetProperty("status").GetString());

        using var street = await app.ClientForAsync("street-officer", CourierKit.Street);
        var open = await street.GetFromJsonAsync<JsonElement>("/api/v1/couriers/complaints?status=open");
        var complaint = Assert.Single(open.EnumerateArray());
        Assert.Equal("139****2222", complaint.GetProperty("maskedContact").GetString());
        var id = complaint.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await street.PostAsJsonAsync($"/api/v1/couriers/complaints/{id}/decide", new { upheld = true })).StatusCode);
        var decided = await street.PostAsJsonAsync($"/api/v1/couriers/complaints/{id}/decide", new { upheld = true, outcome = "查看监控属实，暂停通行", suspendRider = true });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var followed = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/complaints/{complaintNumber}");
        Assert.Equal("upheld", followed.GetProperty("status").GetString());
        Assert.Equal("查看监控属实，暂停通行", followed.GetProperty("outcome").GetString());
        Assert.Equal("suspended", (await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me")).GetProperty("courier").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync($"/api/v1/couriers/complaints/{id}/decide", new { upheld = false, outcome = "再看" })).StatusCode);
    }
}
