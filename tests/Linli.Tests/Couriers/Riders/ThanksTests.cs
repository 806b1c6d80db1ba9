using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using static Linli.Tests.Couriers.Riders.RiderKit;

namespace Linli.Tests.Couriers.Riders;

[Trait("Category", "Database")]
public sealed class ThanksTests
{
    private static async Task<List<JsonElement>> WallAsync(HttpClient client, string street = Street) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/thanks?street={street}")).EnumerateArray().ToList();

    [Fact]
    public async Task Thanks_by_case_number_reach_the_courier_reporters_show_on_the_wall_and_vanish_when_withdrawn()
    {
        await using var app = await StartAsync();
        var (rider, courierId) = await CourierAsync(app, "张*明");
        var c = await ReportAsync(rider.Client);
        var number = c.GetProperty("number").GetString()!;
        var community = await AccountAsync(app, Roles.CommunityStaff, Community);

        var receipt = await PostAsync(community.Client, "/api/v1/couriers/thanks", new { caseNumber = number, message = "谢谢你发现了路口的隐患！" });

        var thanked = Assert.Single(receipt.GetProperty("thanked").EnumerateArray());
        Assert.Equal(courierId.ToString(), thanked.GetProperty("courierId").GetString());
        var entry = Assert.Single(await WallAsync(app.Anonymous));
        Assert.Equal(("张*明", "谢谢你发现了路口的隐患！", number, "康桥社区"),
            (entry.GetProperty("maskedName").GetString(), entry.GetProperty("message").GetString(), entry.GetProperty("caseNumber").GetString(),
                entry.GetProperty("by").GetString()));
        Assert.DoesNotContain(rider.Id, entry.GetRawText(), StringComparison.Ordinal);
        var again = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = "再谢一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("谢谢你发现了路口的隐患", System.Net.WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync($"/couriers/thanks?street={Street}")), StringComparison.Ordinal);

        var withdrawn = await community.Client.DeleteAsync($"/api/v1/couriers/thanks/{entry.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Empty(await WallAsync(app.Anonymous));
    }

    [Fact]
    public async Task Staff_cannot_thank_for_a_case_or_withdraw_a_thanks_outside_their_scope()
    {
        await using var app = await StartAsync();
        var (rider, _) = await CourierAsync(app, "李*");
        var number = (await ReportAsync(rider.Client)).GetProperty("number").GetString()!;
        var elsewhere = await AccountAsync(app, Roles.CommunityStaff, "330105001002");
        var otherGrid = await AccountAsync(app, Roles.GridWorker, "330105001001002");
        var grid = await AccountAsync(app, Roles.GridWorker, Grid);

        var refused = await elsewhere.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = "谢谢" });
        var refusedToo = await otherGrid.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = "谢谢" });
        var given = await PostAsync(grid.Client, "/api/v1/couriers/thanks", new { caseNumber = number, message = "谢谢" });
        var id = given.GetProperty("thanked")[0].GetProperty("thanksId").GetString();
        var notYours = await elsewhere.Client.DeleteAsync($"/api/v1/couriers/thanks/{id}");
        var resident = await AccountAsync(app, Roles.Resident);
        var notStaff = await resident.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = "谢谢" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedToo.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notYours.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);
        Assert.Single(await WallAsync(app.Anonymous));
    }

    [Fact]
    public async Task A_case_no_courier_reported_is_a_409_and_a_message_must_be_one_to_two_hundred_characters()
    {
        await using var app = await StartAsync();
        var resident = await AccountAsync(app, Roles.Resident);
        var number = (await ReportAsync(resident.Client)).GetProperty("number").GetString()!;
        var anonymousNumber = (await ReportAsync(app.Anonymous)).GetProperty("number").GetString()!;
        var community = await AccountAsync(app, Roles.CommunityStaff, Community);

        var residents = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = "谢谢" });
        var nobodys = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = anonymousNumber, message = "谢谢" });
        var empty = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = " " });
        var tooLong = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = number, message = new string('谢', 201) });
        var unknown = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { caseNumber = "330105-20260101-99999", message = "谢谢" });

        Assert.Equal(HttpStatusCode.Conflict, residents.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, nobodys.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("message", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Thanks_count_on_the_leaderboard_row_of_the_thanked_rider()
    {
        await using var app = await StartAsync();
        var staff = await CaseStaffAsync(app);
        var (rider, _) = await CourierAsync(app, "郑*");
        var c = await ReportAsync(rider.Client);
        await VerifyAsync(staff, c, passed: true);

        await PostAsync(staff.Community, "/api/v1/couriers/thanks", new { caseNumber = c.GetProperty("number").GetString(), message = "谢谢" });

        var board = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/leaderboard?street={Street}");
        Assert.Equal(1, Assert.Single(board.GetProperty("rows").EnumerateArray()).GetProperty("thanks").GetInt32());
    }

    [Fact]
    public async Task One_courier_is_thanked_by_id_for_help_in_a_region_within_the_callers_scope()
    {
        await using var app = await StartAsync();
        var (_, courierId) = await CourierAsync(app, "冯*", platform: "sf");
        var community = await AccountAsync(app, Roles.CommunityStaff, Community);

        await PostAsync(community.Client, "/api/v1/couriers/thanks", new { courierId, regionCode = Grid, message = "帮独居老人把药送上楼" });
        var outside = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { courierId, regionCode = "330105001002", message = "谢谢" });
        var nowhere = await community.Client.PostAsJsonAsync("/api/v1/couriers/thanks", new { courierId, regionCode = "999", message = "谢谢" });

        var entry = Assert.Single(await WallAsync(app.Anonymous));
        Assert.Equal(("冯*", "顺丰", JsonValueKind.Null), (entry.GetProperty("maskedName").GetString(), entry.GetProperty("platformName").GetString(),
            entry.GetProperty("caseNumber").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
    }
}
