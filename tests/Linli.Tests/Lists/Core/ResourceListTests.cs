using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using static Linli.Tests.Lists.Core.ListsFixture;

namespace Linli.Tests.Lists.Core;

/// <summary>Issue #8 item 2: the resource list through its API.</summary>
[Trait("Category", "Database")]
public sealed class ResourceListTests
{
    [Fact]
    public async Task An_offer_reads_back_with_its_area_terms_and_contact_masked()
    {
        await using var app = await StartAsync();
        var staff = await app.ClientForAsync(Roles.CommunityStaff, Community);

        var created = await PostAsync(staff, "/api/v1/resources", Resource());
        var offer = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{created.GetProperty("id").GetString()}");

        Assert.Equal("139****4321", offer.GetProperty("contact").GetString());
        Assert.DoesNotContain("13987654321", offer.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1500, offer.GetProperty("serviceArea").GetProperty("radiusMeters").GetInt32());
        Assert.Equal(120.112, offer.GetProperty("serviceArea").GetProperty("lon").GetDouble());
        Assert.Equal(["Mon/Tue/Wed/Thu/Fri 11:00-13:00"], offer.GetProperty("availability").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("discount", offer.GetProperty("conditions").GetString());
        Assert.Equal("active", offer.GetProperty("status").GetString());
        Assert.Equal(40, offer.GetProperty("capacityPerWeek").GetInt32());
        Assert.Equal(0, offer.GetProperty("usedPerWeek").GetInt32());
        Assert.Equal(40, offer.GetProperty("leftPerWeek").GetInt32());
        Assert.Equal("recorded", Assert.Single(offer.GetProperty("history").EnumerateArray()).GetProperty("action").GetString());

        var byRegions = await PostAsync(staff, "/api/v1/resources", With(Resource(), ("serviceArea", new { regions = new[] { WestGrid, EastGrid } })));
        Assert.Equal([WestGrid, EastGrid], byRegions.GetProperty("serviceArea").GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, byRegions.GetProperty("serviceArea").GetProperty("radiusMeters").ValueKind);
        Assert.Equal(JsonValueKind.Number, byRegions.GetProperty("serviceArea").GetProperty("lon").ValueKind);
    }

    [Theory]
    [InlineData("providerKind", "alien", "providerKind")]
    [InlineData("category", "teleportation", "category")]
    [InlineData("capacityPerWeek", -1, "capacityPerWeek")]
    [InlineData("availability", "Mon 13:00-11:00", "availability")]
    [InlineData("conditions", "bribe", "conditions")]
    [InlineData("contactPhone", "12", "contactPhone")]
    [InlineData("title", "", "title")]
    [InlineData("regionCode", "999999", "regionCode")]
    [InlineData("radius", 5, "serviceArea.radiusMeters")]
    [InlineData("both", 0, "serviceArea")]
    [InlineData("regions", "123", "serviceArea.regions")]
    public async Task Each_bad_field_of_an_offer_is_refused_with_its_name(string field, object value, string expected)
    {
        await using var app = await StartAsync();
        var body = Resource();
        switch (field)
        {
            case "availability": body[field] = new[] { (string)value }; break;
            case "radius": body["serviceArea"] = new { lon = 120.11, lat = 30.31, radiusMeters = value }; break;
            case "both": body["serviceArea"] = new { lon = 120.11, lat = 30.31, radiusMeters = 500, regions = new[] { WestGrid } }; break;
            case "regions": body["serviceArea"] = new { regions = new[] { (string)value } }; break;
            default: body[field] = value; break;
        }

        Assert.Equal([expected], await FieldsOf(await app.Client.PostAsJsonAsync("/api/v1/resources", body)));
    }

    [Fact]
    public async Task The_list_filters_by_kind_category_status_and_distance_nearest_first()
    {
        await using var app = await StartAsync();
        var near = (await PostAsync(app.Client, "/api/v1/resources", Resource())).GetProperty("id").GetString();
        var far = (await PostAsync(app.Client, "/api/v1/resources", With(Resource(OtherCommunity), ("providerKind", "volunteer"),
            ("providerName", "李志强"), ("category", "repairs-home"), ("serviceArea", new { lon = 120.19, lat = 30.34, radiusMeters = 800 }))))
            .GetProperty("id").GetString();

        var close = await app.GetJsonAsync("/api/v1/resources?lon=120.113&lat=30.313&within=500");
        var hit = Assert.Single(close.GetProperty("items").EnumerateArray());
        Assert.Equal(near, hit.GetProperty("id").GetString());
        Assert.InRange(hit.GetProperty("distanceMeters").GetDouble(), 100, 200);
        var both = await app.GetJsonAsync("/api/v1/resources?lon=120.113&lat=30.313&within=20000");
        Assert.Equal([near, far], both.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(far, Assert.Single((await app.GetJsonAsync("/api/v1/resources?providerKind=volunteer")).GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(near, Assert.Single((await app.GetJsonAsync("/api/v1/resources?category=elderly-meals")).GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(2, (await app.GetJsonAsync("/api/v1/resources?status=active")).GetProperty("total").GetInt32());
        Assert.Equal(["lat"], await FieldsOf(await app.Client.GetAsync("/api/v1/resources?lon=120.1")));
    }

    [Fact]
    public async Task A_community_reads_the_streets_offers_but_only_the_street_may_change_them()
    {
        await using var app = await StartAsync();
        var street = await app.ClientForAsync(Roles.StreetOfficer, Street);
        var community = await app.ClientForAsync(Roles.CommunityStaff, Community);
        var other = await app.ClientForAsync(Roles.CommunityStaff, OtherCommunity);
        var streets = (await PostAsync(street, "/api/v1/resources", Resource(Street))).GetProperty("id").GetString();
        var theirs = (await PostAsync(other, "/api/v1/resources", Resource(OtherCommunity))).GetProperty("id").GetString();

        var seen = (await community.GetFromJsonAsync<JsonElement>("/api/v1/resources")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString());
        Assert.Equal([streets], seen);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.GetAsync($"/api/v1/resources/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.PostAsJsonAsync($"/api/v1/resources/{streets}/pause", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await community.PostAsJsonAsync("/api/v1/resources", Resource(OtherCommunity))).StatusCode);
    }

    [Fact]
    public async Task An_offer_pauses_resumes_changes_capacity_and_is_withdrawn_with_its_history()
    {
        await using var app = await StartAsync();
        var staff = await app.ClientForAsync(Roles.CommunityStaff, Community, username: "kq-res");
        var id = (await PostAsync(staff, "/api/v1/resources", Resource())).GetProperty("id").GetString();

        Assert.Equal("paused", (await PostAsync(staff, $"/api/v1/resources/{id}/pause", new { reason = "厨房装修" }, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/resources/{id}/pause", new { })).StatusCode);
        Assert.Equal("active", (await PostAsync(staff, $"/api/v1/resources/{id}/resume", new { }, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(["capacityPerWeek"], await FieldsOf(await staff.PostAsJsonAsync($"/api/v1/resources/{id}/capacity", new { capacityPerWeek = -3 })));
        Assert.Equal(60, (await PostAsync(staff, $"/api/v1/resources/{id}/capacity", new { capacityPerWeek = 60 }, HttpStatusCode.OK)).GetProperty("capacityPerWeek").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/resources/{id}/withdraw", new { version = 1 })).StatusCode);
        var withdrawn = await PostAsync(staff, $"/api/v1/resources/{id}/withdraw", new { reason = "停业", version = 3 }, HttpStatusCode.OK);

        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        var history = withdrawn.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["recorded", "paused", "resumed", "capacity", "withdrawn"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("40 → 60", history[3].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/v1/resources/{id}/explode", new { })).StatusCode);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, params (string Key, object? Value)[] changes)
    {
        foreach (var (key, value) in changes) body[key] = value;
        return body;
    }
}
