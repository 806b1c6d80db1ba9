using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Lists.Alliance.AllianceKit;

namespace Linli.Tests.Lists.Alliance;

[Trait("Category", "Database")]
public sealed class PointsTests
{
    private static IPointsLedger Ledger(TestApp app) => app.Factory.Services.GetRequiredService<IPointsLedger>();

    private static async Task<JsonElement> MineAsync(Person person) => await person.Client.GetFromJsonAsync<JsonElement>("/api/v1/points/me");

    private static async Task<string> CodeAsync(Person person, int points)
    {
        var response = await person.Client.PostAsJsonAsync("/api/v1/points/redemption-codes", new { points });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task Volunteer_hours_earn_points_per_hour_and_an_award_with_the_same_reference_counts_once()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var volunteer = await PersonAsync(app, Roles.Resident);
        var recorded = await staff.Client.PostAsJsonAsync("/api/v1/points/volunteer-hours",
            new { userId = volunteer.Id, hours = 2.5, regionCode = Grid, activity = "陪老人读报" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(25, (await recorded.JsonAsync()).GetProperty("points").GetInt32());

        var awards = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Ledger(app).AwardAsync(volunteer.Id, 7, "verified report", "case-verified:42")));
        Assert.Equal(1, awards.Count(a => a));
        Assert.False(await Ledger(app).AwardAsync(volunteer.Id, 7, "verified report", "case-verified:42"));

        var mine = await MineAsync(volunteer);
        Assert.Equal(32, mine.GetProperty("balance").GetInt32());
        Assert.Equal(2.5m, mine.GetProperty("volunteerHours").GetDecimal());
        Assert.Equal(2, mine.GetProperty("entries").GetArrayLength());

        // Staff see the ledger of someone who volunteered in their scope, not elsewhere.
        Assert.Equal(32, (await staff.Client.GetFromJsonAsync<JsonElement>($"/api/v1/points/people/{volunteer.Id}")).GetProperty("balance").GetInt32());
        var elsewhere = await PersonAsync(app, Roles.CommunityStaff, OtherCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Client.GetAsync($"/api/v1/points/people/{volunteer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Client.PostAsJsonAsync("/api/v1/points/volunteer-hours",
            new { userId = volunteer.Id, hours = 1, regionCode = Grid, activity = "x" })).StatusCode);

        // Staff may name the volunteer by user name; a name with no account is refused, not credited to nobody.
        var byName = await staff.Client.PostAsJsonAsync("/api/v1/points/volunteer-hours",
            new { userId = volunteer.Username, hours = 1, regionCode = Grid, activity = "打扫楼道" });
        Assert.Equal(HttpStatusCode.Created, byName.StatusCode);
        Assert.Equal(volunteer.Id, (await byName.JsonAsync()).GetProperty("userId").GetString());
        var nobody = await staff.Client.PostAsJsonAsync("/api/v1/points/volunteer-hours",
            new { userId = "no-such-volunteer", hours = 1, regionCode = Grid, activity = "打扫楼道" });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("no-such-volunteer", (await nobody.JsonAsync()).GetProperty("errors").GetProperty("userId")[0].GetString());
    }

    [Fact]
    public async Task Spending_uses_the_oldest_points_first_and_unspent_points_expire_after_three_years_while_hours_stay()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await StartAsync(clock);
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (merchant, merchantId) = await ApprovedMerchantAsync(app, staff, ValidCodes[0]);
        var resident = await PersonAsync(app, Roles.Resident);
        await staff.Client.PostAsJsonAsync("/api/v1/points/volunteer-hours", new { userId = resident.Id, hours = 2, regionCode = Grid, activity = "助老" });

        clock.Advance(TimeSpan.FromDays(2 * 365));
        Assert.True(await Ledger(app).AwardAsync(resident.Id, 10, "verified report", "case-verified:1"));
        (resident, merchant) = (await AgainAsync(app, resident), await AgainAsync(app, merchant));
        var code = await CodeAsync(resident, 25);
        Assert.Equal(HttpStatusCode.OK, (await merchant.Client.PostAsJsonAsync("/api/v1/points/redeem", new { merchantId, code })).StatusCode);
        Assert.Equal(5, (await MineAsync(resident)).GetProperty("balance").GetInt32());

        // Three years after the hours: their 20 points were all spent, so nothing expires; the later 5 remain.
        clock.Advance(TimeSpan.FromDays(365 + 2));
        resident = await AgainAsync(app, resident);
        var mine = await MineAsync(resident);
        Assert.Equal(5, mine.GetProperty("balance").GetInt32());
        Assert.DoesNotContain(mine.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "expire");

        clock.Advance(TimeSpan.FromDays(2 * 365));
        resident = await AgainAsync(app, resident);
        mine = await MineAsync(resident);
        Assert.Equal(0, mine.GetProperty("balance").GetInt32());
        var expiry = Assert.Single(mine.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "expire");
        Assert.Equal(-5, expiry.GetProperty("points").GetInt32());
        Assert.Equal(2m, mine.GetProperty("volunteerHours").GetDecimal());
        // Reading again writes no second expiry.
        Assert.Single((await MineAsync(resident)).GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "expire");
        var kinds = await QueryAsync(app, db => db.PointEntries.AsNoTracking().Where(e => e.UserId == resident.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["earn", "earn", "spend", "expire"], kinds);
    }

    [Fact]
    public async Task Parallel_redemptions_cannot_overspend_and_a_code_pays_only_once()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (merchant, merchantId) = await ApprovedMerchantAsync(app, staff, ValidCodes[1]);
        var resident = await PersonAsync(app, Roles.Resident);
        Assert.True(await Ledger(app).AwardAsync(resident.Id, 100, "verified reports", "bulk:1"));
        var codes = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            codes.Add(await CodeAsync(resident, 30));
        }

        var responses = await Task.WhenAll(codes.Select(code => merchant.Client.PostAsJsonAsync("/api/v1/points/redeem", new { merchantId, code })));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(10, (await MineAsync(resident)).GetProperty("balance").GetInt32());
        var spent = await QueryAsync(app, db => db.PointAllocations.AsNoTracking().SumAsync(a => a.Points));
        Assert.Equal(90, spent);

        var used = codes[responses.ToList().FindIndex(r => r.StatusCode == HttpStatusCode.OK)];
        var again = await merchant.Client.PostAsJsonAsync("/api/v1/points/redeem", new { merchantId, code = used });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.Client.PostAsJsonAsync("/api/v1/points/redemption-codes", new { points = 11 })).StatusCode);
    }

    [Fact]
    public async Task A_refund_of_spent_points_is_refused_and_the_ledger_stays_as_it_was()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (merchant, merchantId) = await ApprovedMerchantAsync(app, staff, ValidCodes[2]);
        var resident = await PersonAsync(app, Roles.Resident);
        await Ledger(app).AwardAsync(resident.Id, 50, "verified report", "case-verified:7");
        var redeemed = await merchant.Client.PostAsJsonAsync("/api/v1/points/redeem", new { merchantId, code = await CodeAsync(resident, 20) });
        var entryId = (await redeemed.JsonAsync()).GetProperty("entryId").GetInt64();

        foreach (var client in new[] { resident.Client, merchant.Client, app.Client })
        {
            var refund = await client.PostAsync($"/api/v1/points/entries/{entryId}/refund", null);
            Assert.Equal(HttpStatusCode.Conflict, refund.StatusCode);
            Assert.Contains("never refunded", (await refund.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(30, (await MineAsync(resident)).GetProperty("balance").GetInt32());
        // Only the owning, approved merchant takes points; a resident holds no redeem permission at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Client.PostAsJsonAsync("/api/v1/points/redeem", new { merchantId, code = "ABCDEFGH" })).StatusCode);
        var other = await PersonAsync(app, Roles.Merchant);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsJsonAsync("/api/v1/points/redeem", new { merchantId, code = await CodeAsync(resident, 5) })).StatusCode);
    }
}
