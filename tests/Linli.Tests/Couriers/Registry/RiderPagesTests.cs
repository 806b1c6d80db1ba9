using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Linli.Tests.Couriers.Pages.CourierPageKit;

namespace Linli.Tests.Couriers.Registry;

[Trait("Category", "Database")]
public sealed class RiderPagesTests
{
    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_rider_applies_on_the_registration_page_with_the_sms_code_and_the_home_page_shows_the_application()
    {
        await using var app = await CourierKit.StartAsync();
        using var visitor = app.Factory.CreateClient();
        var (phone, id) = CourierKit.Identity();
        var sent = await PostAsync(visitor, "/rider/register", "send-code", ("phone", phone));
        Assert.Contains($"验证码已发送到 {phone[..3]}****{phone[^4..]}", sent, StringComparison.Ordinal);

        var fields = new List<(string, string)>
        {
            ("phone", phone), ("code", "000000"), ("name", "马小跑"), ("idNumber", id), ("password", CourierKit.Password), ("platform", "meituan"),
            ("employer", "杭州众包配送有限公司"), ("team", "美团康桥站"), ("vehicle", "electric-bike"), ("regionCode", CourierKit.Street),
            ("workStartedOn", "2025-01-15"), ("onTimeRatePercent", "98.5"), ("atFaultAccidents", "0"), ("securityComplaints", "0"),
            ("trainingDone", "true"), ("consent", "true"),
        };
        var wrong = await PostAsync(visitor, "/rider/register", "register", [.. fields]);
        Assert.Contains("code: ", wrong, StringComparison.Ordinal);
        fields[1] = ("code", app.Factory.Sms.LatestCode(phone));
        var done = await PostAsync(visitor, "/rider/register", "register", [.. fields]);
        Assert.Contains("申请已提交", done, StringComparison.Ordinal);

        using var rider = app.Factory.ClientWithToken(await app.Factory.TokenAsync(phone, CourierKit.Password));
        var (status, home) = await PageAsync(rider, "/rider");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("待审核", home, StringComparison.Ordinal);
        Assert.Contains("马*跑", home, StringComparison.Ordinal);
        var (_, anonymousHome) = await PageAsync(visitor, "/rider");
        Assert.Contains("/rider/register", anonymousHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_code_page_checks_the_rider_in_and_the_named_guard_sees_the_passage_on_the_gate_page()
    {
        await using var app = await CourierKit.StartAsync();
        using var guard = await app.ClientForAsync("gatekeeper", username: "gate-page");
        using var otherGuard = await app.ClientForAsync("gatekeeper", username: "gate-other");
        var code = (await CourierKit.SiteAsync(app, guards: ["gate-page"])).GetProperty("code").GetString()!;
        var rider = await CourierKit.ApprovedAsync(app);

        var (status, landing) = await PageAsync(rider.Client, $"/s/{code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-auto=\"true\"", landing, StringComparison.Ordinal);
        var result = await PostAsync(rider.Client, $"/s/{code}", "scan");
        Assert.Contains("已登记，可以进入", result, StringComparison.Ordinal);
        Assert.Contains($"api/v1/sites/{code}/map", result, StringComparison.Ordinal);

        var (gateStatus, gate) = await PageAsync(guard, $"/gate/{code}");
        Assert.Equal(HttpStatusCode.OK, gateStatus);
        Assert.Contains("准予通行", gate, StringComparison.Ordinal);
        Assert.Contains("马*跑", gate, StringComparison.Ordinal);
        Assert.Contains("美团康桥站", gate, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageAsync(otherGuard, $"/gate/{code}")).Status);
        Assert.Contains("没有这个场所码", (await PageAsync(guard, "/gate/NOSUCH22")).Html, StringComparison.Ordinal);
        Assert.Contains("没有这个场所码", (await PageAsync(rider.Client, "/s/NOSUCH22")).Html, StringComparison.Ordinal);
        var (_, picker) = await PageAsync(guard, "/gate");
        Assert.Contains($"/gate/{code}", picker, StringComparison.Ordinal);

        var passages = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/passages?site={code}");
        Assert.Equal(1, passages.GetProperty("total").GetInt32());
    }
}
