using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using static Linli.Tests.Couriers.Riders.RiderKit;

namespace Linli.Tests.Couriers.Riders;

[Trait("Category", "Database")]
public sealed class LeaderboardTests
{
    private static async Task<List<JsonElement>> BoardAsync(HttpClient client, string period = "month") =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/leaderboard?street={Street}&period={period}"))
            .GetProperty("rows").EnumerateArray().ToList();

    [Fact]
    public async Task A_couriers_report_verified_true_earns_points_and_a_place_on_the_streets_board_while_one_verified_false_does_not()
    {
        await using var app = await StartAsync();
        var staff = await CaseStaffAsync(app);
        var (zhang, _) = await CourierAsync(app, "张*明");
        var (li, _) = await CourierAsync(app, "李*", platform: "eleme");
        var resident = await AccountAsync(app, Roles.Resident);

        var good = await ReportAsync(zhang.Client);
        var bad = await ReportAsync(li.Client);
        var residents = await ReportAsync(resident.Client);
        Assert.Equal("courier", good.GetProperty("source").GetString());
        await VerifyAsync(staff, good, passed: true);
        await VerifyAsync(staff, bad, passed: false);
        await VerifyAsync(staff, residents, passed: true);

        var points = await zhang.Client.GetFromJsonAsync<JsonElement>("/api/v1/points/me");
        Assert.Equal(5, points.GetProperty("balance").GetInt32());
        Assert.Equal(0, (await li.Client.GetFromJsonAsync<JsonElement>("/api/v1/points/me")).GetProperty("balance").GetInt32());
        var row = Assert.Single(await BoardAsync(app.Anonymous));
        Assert.Equal((1, "张*明", "meituan", "美团康桥站", 1, 5, 0),
            (row.GetProperty("rank").GetInt32(), row.GetProperty("maskedName").GetString(), row.GetProperty("platform").GetString(),
                row.GetProperty("team").GetString(), row.GetProperty("verifiedReports").GetInt32(), row.GetProperty("pointsEarned").GetInt32(),
                row.GetProperty("thanks").GetInt32()));
        var text = row.GetRawText();
        Assert.DoesNotContain(zhang.Id, text, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync($"/couriers/leaderboard?street={Street}&period=all"));
        Assert.Contains("张*明", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Riders_with_as_many_verified_reports_share_a_rank_and_only_approved_couriers_appear()
    {
        await using var app = await StartAsync();
        var staff = await CaseStaffAsync(app);
        var (a, _) = await CourierAsync(app, "王*");
        var (b, _) = await CourierAsync(app, "赵*");
        var (c, _) = await CourierAsync(app, "孙*");
        var (suspended, _) = await CourierAsync(app, "周*", status: CourierStatus.Suspended);
        foreach (var reporter in new[] { a, a, b, b, c, suspended, suspended, suspended })
        {
            await VerifyAsync(staff, await ReportAsync(reporter.Client), passed: true);
        }

        var rows = await BoardAsync(app.Anonymous, "week");

        Assert.Equal([(1, 2), (1, 2), (3, 1)], rows.Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("verifiedReports").GetInt32())));
        Assert.Equal(["孙*"], rows.Where(r => r.GetProperty("rank").GetInt32() == 3).Select(r => r.GetProperty("maskedName").GetString()));
        Assert.DoesNotContain(rows, r => r.GetProperty("maskedName").GetString() == "周*");
    }

    [Fact]
    public async Task A_report_that_joined_another_riders_case_counts_for_both_riders()
    {
        await using var app = await StartAsync();
        var staff = await CaseStaffAsync(app);
        var (first, _) = await CourierAsync(app, "钱*");
        var (second, _) = await CourierAsync(app, "吴*");
        const string text = "康桥路口垃圾桶满了溢出来，臭气熏天";
        var opened = await ReportAsync(first.Client, Report(description: text));
        var joined = await PostAsync(second.Client, "/api/v1/cases", Report(description: text), HttpStatusCode.OK);
        Assert.Equal(opened.GetProperty("id").GetString(), joined.GetProperty("duplicateOf").GetProperty("id").GetString());

        await VerifyAsync(staff, opened, passed: true);

        var rows = await BoardAsync(app.Anonymous, "all");
        Assert.Equal(["吴*", "钱*"], rows.Select(r => r.GetProperty("maskedName").GetString()).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(1, r.GetProperty("rank").GetInt32()));
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("330105001001", HttpStatusCode.BadRequest)]
    [InlineData("330105009", HttpStatusCode.NotFound)]
    [InlineData("330105001&period=decade", HttpStatusCode.BadRequest)]
    public async Task A_leaderboard_needs_an_existing_street_and_a_known_period(string street, HttpStatusCode expected)
    {
        await using var app = await StartAsync();

        var response = await app.Anonymous.GetAsync($"/api/v1/couriers/leaderboard?street={street}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
