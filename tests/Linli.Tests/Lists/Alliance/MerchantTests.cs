using System.Net;
using System.Net.Http.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Lists.Alliance.AllianceKit;

namespace Linli.Tests.Lists.Alliance;

[Trait("Category", "Database")]
public sealed class MerchantTests
{
    [Fact]
    public async Task An_application_with_a_wrong_credit_code_is_refused_naming_the_field_and_the_right_check_character()
    {
        await using var app = await StartAsync();
        var merchant = await PersonAsync(app, Roles.Merchant);
        var response = await merchant.Client.PostAsJsonAsync("/api/v1/merchants", Application("91350100M000100Y44"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("'3'", errors.GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_the_merchants_community_approve_it_while_staff_elsewhere_and_other_roles_are_refused()
    {
        await using var app = await StartAsync();
        var owner = await PersonAsync(app, Roles.Merchant);
        var applied = await owner.Client.PostAsJsonAsync("/api/v1/merchants", Application(ValidCodes[0]));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var body = await applied.JsonAsync();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal(Grid, body.GetProperty("regionCode").GetString());
        Assert.Equal("139****5678", body.GetProperty("contact").GetString());
        var id = body.GetProperty("id").GetString()!;

        var elsewhere = await PersonAsync(app, Roles.CommunityStaff, OtherCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Client.PostAsync($"/api/v1/merchants/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Client.GetAsync($"/api/v1/merchants/{id}")).StatusCode);
        Assert.DoesNotContain(id, await (await elsewhere.Client.GetAsync("/api/v1/merchants")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var resident = await PersonAsync(app, Roles.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Client.PostAsync($"/api/v1/merchants/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostAsync($"/api/v1/merchants/{id}/approve", null)).StatusCode);

        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var queue = await (await staff.Client.GetAsync("/api/v1/merchants?status=pending")).JsonAsync();
        Assert.Equal(id, queue[0].GetProperty("id").GetString());
        var approved = await staff.Client.PostAsync($"/api/v1/merchants/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.JsonAsync()).GetProperty("status").GetString());
        // Approving twice is a state conflict, not a silent success.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.Client.PostAsync($"/api/v1/merchants/{id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_the_merchant_then_sees_and_a_corrected_application_goes_back_to_the_queue()
    {
        await using var app = await StartAsync();
        var owner = await PersonAsync(app, Roles.Merchant);
        var id = (await (await owner.Client.PostAsJsonAsync("/api/v1/merchants", Application(ValidCodes[1]))).JsonAsync()).GetProperty("id").GetString();
        var staff = await PersonAsync(app, Roles.StreetOfficer, "330105001");

        var noReason = await staff.Client.PostAsJsonAsync($"/api/v1/merchants/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.PostAsJsonAsync($"/api/v1/merchants/{id}/reject", new { reason = "营业执照地址与门店不符" })).StatusCode);

        var mine = await (await owner.Client.GetAsync("/api/v1/merchants/mine")).JsonAsync();
        Assert.Equal("rejected", mine[0].GetProperty("status").GetString());
        Assert.Equal("营业执照地址与门店不符", mine[0].GetProperty("statusReason").GetString());
        // A rejected merchant cannot publish.
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Client.PostAsJsonAsync($"/api/v1/merchants/{id}/offers", Offer())).StatusCode);

        var again = await owner.Client.PostAsJsonAsync("/api/v1/merchants", Application(ValidCodes[1], "张记面馆（康桥店）"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var resent = await again.JsonAsync();
        Assert.Equal((id, "pending", "张记面馆（康桥店）"), (resent.GetProperty("id").GetString(), resent.GetProperty("status").GetString(), resent.GetProperty("name").GetString()));
        // Someone else cannot take over the code.
        var other = await PersonAsync(app, Roles.Merchant);
        Assert.Equal(HttpStatusCode.Conflict, (await other.Client.PostAsJsonAsync("/api/v1/merchants", Application(ValidCodes[1]))).StatusCode);
    }

    [Fact]
    public async Task An_offer_is_a_resource_list_row_that_pauses_with_a_suspension_and_is_withdrawn_with_the_offer()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (owner, merchantId) = await ApprovedMerchantAsync(app, staff, ValidCodes[2]);
        var published = await owner.Client.PostAsJsonAsync($"/api/v1/merchants/{merchantId}/offers", Offer());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var offerId = Guid.Parse((await published.JsonAsync()).GetProperty("id").GetString()!);

        var resource = await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == offerId));
        Assert.Equal(("merchant", merchantId, "courier-services", 70, ResourceStatus.Active, Grid),
            (resource.ProviderKind, resource.ProviderRef, resource.Category, resource.CapacityPerWeek, resource.Status, resource.RegionCode));
        Assert.Equal("daily 11:00-14:00", resource.Availability);

        var revised = await owner.Client.PutAsJsonAsync($"/api/v1/merchants/offers/{offerId}", Offer("骑手爱心餐 7 折"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("骑手爱心餐 7 折", (await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == offerId))).Title);

        // Another merchant cannot touch it.
        var (stranger, _) = await ApprovedMerchantAsync(app, staff, ValidCodes[3]);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.DeleteAsync($"/api/v1/merchants/offers/{offerId}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await staff.Client.PostAsJsonAsync($"/api/v1/merchants/{merchantId}/suspend", new { reason = "食品安全检查未通过" })).StatusCode);
        Assert.Equal(ResourceStatus.Paused, (await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == offerId))).Status);
        var map = await (await app.Anonymous.GetAsync("/api/v1/merchants/geojson")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(merchantId, map, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await staff.Client.PostAsync($"/api/v1/merchants/{merchantId}/approve", null)).StatusCode);
        Assert.Equal(ResourceStatus.Active, (await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == offerId))).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/v1/merchants/offers/{offerId}")).StatusCode);
        Assert.Equal(ResourceStatus.Withdrawn, (await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == offerId))).Status);
        var history = await QueryAsync(app, db => db.ListEvents.AsNoTracking().Where(e => e.EntityId == offerId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["published", "revised", "paused", "resumed", "withdrawn"], history);
    }

    [Fact]
    public async Task The_public_map_shows_approved_merchants_and_their_offers_without_contact_or_credit_code()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (owner, merchantId) = await ApprovedMerchantAsync(app, staff, ValidCodes[4]);
        await owner.Client.PostAsJsonAsync($"/api/v1/merchants/{merchantId}/offers", Offer("免费饮水充电", "courier-services"));
        var pending = await PersonAsync(app, Roles.Merchant);
        await pending.Client.PostAsJsonAsync("/api/v1/merchants", Application(ValidCodes[0], "待审核小店"));

        var response = await app.Anonymous.GetAsync("/api/v1/merchants/geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var map = await response.JsonAsync();
        var feature = Assert.Single(map.GetProperty("features").EnumerateArray());
        Assert.Equal(merchantId, feature.GetProperty("properties").GetProperty("id").GetString());
        Assert.Equal("免费饮水充电", feature.GetProperty("properties").GetProperty("offers")[0].GetProperty("title").GetString());
        Assert.Equal(120.11, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.DoesNotContain(ValidCodes[4], text, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("待审核小店", text, StringComparison.Ordinal);
    }
}
