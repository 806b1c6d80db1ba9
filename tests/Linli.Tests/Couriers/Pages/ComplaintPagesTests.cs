using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Couriers.Registry;
using static Linli.Tests.Couriers.Pages.CourierPageKit;

namespace Linli.Tests.Couriers.Pages;

[Trait("Category", "Database")]
public sealed partial class ComplaintPagesTests
{
    [Fact]
    public async Task Anyone_files_a_complaint_by_pass_number_on_the_public_page_an_officer_upholds_it_suspending_the_rider_and_the_complainant_follows_it()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.ApprovedAsync(app);
        var site = (await CourierKit.SiteAsync(app)).GetProperty("code").GetString()!;
        var pass = (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{rider.CourierId}")).GetProperty("courier").GetProperty("pass")
            .GetProperty("number").GetString()!;
        using var visitor = app.Factory.CreateClient();

        var form = await PageAsync(visitor, $"/couriers/complaint?site={site}&pass={pass}");
        Assert.Contains($"value=\"{site}\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{pass}\"", form, StringComparison.Ordinal);
        var unknown = await PostAsync(visitor, "/couriers/complaint", "file", ("passNumber", "XG-000000-AAAAAA"), ("text", "逆行"), ("contact", ""), ("site", ""));
        Assert.Contains("passNumber:", Alert(unknown), StringComparison.Ordinal);
        Assert.Contains("value=\"XG-000000-AAAAAA\"", unknown, StringComparison.Ordinal);

        var filed = await PostAsync(visitor, "/couriers/complaint", "file", ("passNumber", pass.ToLowerInvariant()), ("text", "在小区内逆行撞到老人"),
            ("contact", "13900002222"), ("site", site));
        Assert.Equal("", Alert(filed));
        var number = ComplaintNumber().Match(filed).Groups[1].Value;
        Assert.Matches("^TS-[0-9]{8}-[0-9]{6}$", number);
        Assert.Contains("待处理", await PageAsync(visitor, $"/couriers/complaint?number={number}"), StringComparison.Ordinal);
        Assert.Contains("没有这个编号的投诉", await PageAsync(visitor, "/couriers/complaint?number=TS-20200101-000000"),
            StringComparison.Ordinal);

        using var street = await app.ClientForAsync("street-officer", CourierKit.Street);
        var list = await PageAsync(street, "/couriers/complaints");
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("在小区内逆行撞到老人", list, StringComparison.Ordinal);
        Assert.Contains("139****2222", list, StringComparison.Ordinal);
        Assert.DoesNotContain("13900002222", list, StringComparison.Ordinal);
        Assert.Contains($"<code>{site}</code>", list, StringComparison.Ordinal);
        var detail = await PageAsync(street, $"/couriers/{rider.CourierId}");
        Assert.Contains($"<a href=\"/couriers/complaints?courier={rider.CourierId}\">1</a>", detail, StringComparison.Ordinal);

        var id = (await street.GetFromJsonAsync<JsonElement>("/api/v1/couriers/complaints?status=open"))[0].GetProperty("id").GetString()!;
        var undecided = await PostAsync(street, "/couriers/complaints", $"decide-{id}", ("outcome", "查看监控属实"));
        Assert.Contains("upheld:", Alert(undecided), StringComparison.Ordinal);
        var decided = await PostAsync(street, "/couriers/complaints", $"decide-{id}", ("upheld", "yes"), ("outcome", "查看监控属实，暂停通行"), ("suspend", "true"));
        Assert.Equal("", Alert(decided));
        Assert.Contains(number, Status(decided), StringComparison.Ordinal);
        Assert.DoesNotContain($"decide-{id}", decided, StringComparison.Ordinal);
        Assert.Equal("suspended", (await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me")).GetProperty("courier").GetProperty("status").GetString());
        Assert.Contains("查看监控属实，暂停通行", await PageAsync(street, "/couriers/complaints?status=upheld"), StringComparison.Ordinal);

        var followed = await PageAsync(visitor, $"/couriers/complaint?number={number}");
        Assert.Contains("属实", followed, StringComparison.Ordinal);
        Assert.Contains("查看监控属实，暂停通行", followed, StringComparison.Ordinal);
        Assert.DoesNotContain("在小区内逆行撞到老人", followed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dismissed_complaint_leaves_the_rider_approved_even_with_the_suspend_box_ticked()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.ApprovedAsync(app);
        var pass = (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{rider.CourierId}")).GetProperty("courier").GetProperty("pass")
            .GetProperty("number").GetString()!;
        var filed = await PostAsync(app.Anonymous, "/couriers/complaint", "file", ("passNumber", pass), ("text", "态度不好"));
        Assert.Matches("TS-[0-9]{8}-[0-9]{6}", ComplaintNumber().Match(filed).Groups[1].Value);
        var id = (await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/complaints?status=open"))[0].GetProperty("id").GetString()!;

        await PostAsync(app.Client, "/couriers/complaints", $"decide-{id}", ("upheld", "no"), ("outcome", "核实不属实"), ("suspend", "true"));
        Assert.Equal("approved", (await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me")).GetProperty("courier").GetProperty("status").GetString());
        Assert.Contains("核实不属实", await PageAsync(app.Client, "/couriers/complaints?status=dismissed"), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"complaint-number\">([^<]+)</p>")]
    private static partial Regex ComplaintNumber();
}
