using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Lists.Alliance.AllianceKit;

namespace Linli.Tests.Lists.Alliance;

[Trait("Category", "Database")]
public sealed partial class AlliancePagesTests
{
    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts one of the page's forms as a browser would, with its antiforgery token.</summary>
    private static async Task<string> PostAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path);
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)),
        };
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(path, new FormUrlEncodedContent(all));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path} {handler}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_merchant_applies_on_the_join_page_staff_approve_it_in_the_queue_and_the_merchant_publishes_an_offer()
    {
        await using var app = await StartAsync();
        var merchant = await PersonAsync(app, Roles.Merchant);
        var bad = await PostAsync(merchant.Client, "/merchants/join", "apply", ("name", "李记包子"), ("creditCode", "91350100M000100Y44"),
            ("address", "康桥路 3 号"), ("lon", "120.11"), ("lat", "30.32"), ("contact", "13912345678"), ("category", "elderly-meals"));
        Assert.Contains("'3'", bad, StringComparison.Ordinal);
        var done = await PostAsync(merchant.Client, "/merchants/join", "apply", ("name", "李记包子"), ("creditCode", ValidCodes[0]),
            ("address", "康桥路 3 号"), ("lon", "120.11"), ("lat", "30.32"), ("contact", "13912345678"), ("category", "elderly-meals"));
        Assert.Contains("待审核", done, StringComparison.Ordinal);

        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var queue = await PageAsync(staff.Client, "/lists/merchants");
        Assert.Contains("李记包子", queue, StringComparison.Ordinal);
        Assert.Contains("139****5678", queue, StringComparison.Ordinal);
        var id = (await (await merchant.Client.GetAsync("/api/v1/merchants/mine")).JsonAsync())[0].GetProperty("id").GetString();
        var approved = await PostAsync(staff.Client, "/lists/merchants", $"approve-{id}");
        Assert.Contains("已加入", approved, StringComparison.Ordinal);

        var published = await PostAsync(merchant.Client, "/merchants/mine", $"offer-{id}", ("title", "老人早餐半价"), ("category", "elderly-meals"),
            ("capacityPerWeek", "30"), ("availability", "Mon-Fri 06:30-09:00"), ("radiusMeters", "800"), ("conditions", "discount"), ("conditionNote", "60 岁以上"));
        Assert.Contains("老人早餐半价", published, StringComparison.Ordinal);
        Assert.Contains("上架中", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_books_a_slot_on_the_station_page_and_sees_points_with_a_redemption_code()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var created = await staff.Client.PostAsJsonAsync("/api/v1/stations", new { name = "和睦红色驿站", regionCode = Community, openingHours = new[] { "daily 09:00-11:00" } });
        var stationId = (await created.JsonAsync()).GetProperty("id").GetString();
        var withService = await PostAsync(staff.Client, $"/stations/{stationId}", "add-service", ("name", "量血压"), ("category", "elderly-health"),
            ("slotMinutes", "60"), ("capacityPerSlot", "1"));
        Assert.Contains("已新增服务", withService, StringComparison.Ordinal);

        var resident = await PersonAsync(app, Roles.Resident);
        Assert.Contains("和睦红色驿站", await PageAsync(resident.Client, "/stations"), StringComparison.Ordinal);
        var page = await PageAsync(resident.Client, $"/stations/{stationId}");
        var handler = BookHandler().Match(page).Groups[1].Value;
        Assert.NotEmpty(handler);
        var booked = await PostAsync(resident.Client, $"/stations/{stationId}", handler);
        Assert.Contains("已预约 量血压", booked, StringComparison.Ordinal);
        Assert.Contains("取消预约", booked, StringComparison.Ordinal);

        await app.Factory.Services.GetRequiredService<Linli.Modules.Lists.Contracts.IPointsLedger>().AwardAsync(resident.Id, 12, "verified report", "case-verified:page");
        var points = await PostAsync(resident.Client, "/points", "code", ("points", "5"));
        Assert.Contains("余额 12 积分", points, StringComparison.Ordinal);
        Assert.Matches("[2-9A-Z]{8}", CodePattern().Match(points).Groups[1].Value);
        // Staff record volunteer hours by user name; the page tells the person hers.
        Assert.Contains($"<code>{resident.Username}</code>", points, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"_handler\" value=\"(book-[^\"]+)\"")]
    private static partial Regex BookHandler();

    [GeneratedRegex("<p class=\"case-number\">([^<]+)</p>")]
    private static partial Regex CodePattern();
}
