using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using static Linli.Tests.Lists.Core.ListsFixture;

namespace Linli.Tests.Lists.Core;

/// <summary>Issue #8 item 1: the demand list through its API.</summary>
[Trait("Category", "Database")]
public sealed class DemandListTests
{
    [Fact]
    public async Task A_need_recorded_by_community_staff_reads_back_with_the_requester_masked_and_its_history()
    {
        await using var app = await StartAsync();
        var staff = await app.ClientForAsync(Roles.CommunityStaff, Community, username: "kq-staff");

        var created = await PostAsync(staff, "/api/v1/demands", Demand());
        var id = created.GetProperty("id").GetString()!;

        var response = await staff.GetAsync($"/api/v1/demands/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        var need = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("王*英", need.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("138****5678", need.GetProperty("requester").GetProperty("phone").GetString());
        Assert.DoesNotContain("13812345678", need.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", need.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("open", need.GetProperty("status").GetString());
        Assert.Equal("elderly", need.GetProperty("group").GetString());
        Assert.Equal(["Tue/Thu 11:00-12:00"], need.GetProperty("timeWindows").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(["elderly-alone"], need.GetProperty("careTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("西网格", need.GetProperty("regionName").GetString());
        Assert.Equal(5, need.GetProperty("quantity").GetInt32());
        var history = need.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("recorded", Assert.Single(history).GetProperty("action").GetString());
        Assert.Equal("kq-staff", history[0].GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("category", "no-such-need", "category")]
    [InlineData("timeWindows", "someday 11:00", "timeWindows")]
    [InlineData("careTagsConsent", false, "careTagsConsent")]
    [InlineData("channel", "pigeon", "channel")]
    [InlineData("urgency", "yesterday", "urgency")]
    [InlineData("quantity", 0, "quantity")]
    [InlineData("description", " ", "description")]
    [InlineData("requester", "phone", "requester.phone")]
    public async Task Each_bad_field_of_a_need_is_refused_with_its_name(string field, object value, string expected)
    {
        await using var app = await StartAsync();
        var body = Demand();
        body[field] = field switch
        {
            "timeWindows" => new[] { (string)value },
            "requester" => new { name = "王秀英", phone = "12345" },
            _ => value,
        };

        var response = await app.Client.PostAsJsonAsync("/api/v1/demands", body);

        Assert.Equal([expected], await FieldsOf(response));
        Assert.Equal(0, (await app.GetJsonAsync("/api/v1/demands")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Recording_a_need_outside_ones_region_is_forbidden_and_reading_one_too()
    {
        await using var app = await StartAsync();
        var gridWorker = await app.ClientForAsync(Roles.GridWorker, WestGrid);
        var district = await app.ClientForAsync(Roles.DistrictOfficer, "330105");
        var id = await RecordDemandAsync(app.Client, Demand(OtherGrid));

        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync("/api/v1/demands", Demand(EastGrid))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        // The district reads the lists but does not keep them.
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync("/api/v1/demands", Demand())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/api/v1/demands/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Each_reader_lists_only_the_needs_within_her_scope_and_the_filters_narrow_them()
    {
        await using var app = await StartAsync();
        var west = await RecordDemandAsync(app.Client, Demand(WestGrid));
        var east = await RecordDemandAsync(app.Client, With(Demand(EastGrid, "children-tutoring"), ("urgency", "urgent"), ("careTags", Array.Empty<string>())));
        var other = await RecordDemandAsync(app.Client, With(Demand(OtherGrid, "legal-aid"), ("description", "房屋租赁纠纷咨询"), ("channel", "hotline")));
        var westWorker = await app.ClientForAsync(Roles.GridWorker, WestGrid);
        var community = await app.ClientForAsync(Roles.CommunityStaff, Community);
        var street = await app.ClientForAsync(Roles.StreetOfficer, Street);

        Assert.Equal([west], await IdsAsync(westWorker, ""));
        Assert.Equal([west, east], await IdsAsync(community, ""));
        Assert.Equal([west, east, other], await IdsAsync(street, ""));
        Assert.Equal([east, west, other], await IdsAsync(street, "sort=urgency"));
        Assert.Equal([other, east, west], await IdsAsync(street, "sort=newest"));
        Assert.Equal([east], await IdsAsync(street, "group=children"));
        Assert.Equal([other], await IdsAsync(street, "category=legal-aid"));
        Assert.Equal([other], await IdsAsync(street, "channel=hotline"));
        Assert.Equal([east], await IdsAsync(street, "urgency=urgent"));
        Assert.Equal([other], await IdsAsync(street, "q=租赁"));
        Assert.Equal([west, other], await IdsAsync(street, "careTag=elderly-alone"));
        Assert.Equal([west, east], await IdsAsync(street, $"region={Community}"));
        Assert.Equal([west, east, other], await IdsAsync(street, "status=open"));
        Assert.Empty(await IdsAsync(street, "status=closed,fulfilled"));
        var page = await street.GetFromJsonAsync<JsonElement>("/api/v1/demands?pageSize=2&page=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(other, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await westWorker.GetAsync($"/api/v1/demands?region={OtherCommunity}")).StatusCode);
        Assert.Equal(["status"], await FieldsOf(await street.GetAsync("/api/v1/demands?status=lost")));
        Assert.Equal(["group"], await FieldsOf(await street.GetAsync("/api/v1/demands?group=pets")));
        Assert.Equal(["careTag"], await FieldsOf(await street.GetAsync("/api/v1/demands?careTag=rich")));
        Assert.Equal(["sort"], await FieldsOf(await street.GetAsync("/api/v1/demands?sort=random")));
    }

    [Fact]
    public async Task A_need_moves_through_fulfilment_and_closing_off_and_each_step_is_in_its_history()
    {
        await using var app = await StartAsync();
        var staff = await app.ClientForAsync(Roles.CommunityStaff, Community, username: "kq-mover");
        var id = await RecordDemandAsync(staff);

        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/demands/{id}/fulfil", new { note = "送到了" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/demands/{id}/reopen", new { reason = "x" })).StatusCode);
        await MatchAsync(app, id);
        Assert.Equal(["reason"], await FieldsOf(await staff.PostAsJsonAsync($"/api/v1/demands/{id}/reopen", new { })));
        var reopened = await PostAsync(staff, $"/api/v1/demands/{id}/reopen", new { reason = "商家暂停供餐" }, HttpStatusCode.OK);
        Assert.Equal("open", reopened.GetProperty("status").GetString());
        await MatchAsync(app, id);
        var fulfilled = await PostAsync(staff, $"/api/v1/demands/{id}/fulfil", new { note = "已连续送餐四周" }, HttpStatusCode.OK);
        Assert.Equal("fulfilled", fulfilled.GetProperty("status").GetString());
        Assert.Equal(["evidence"], await FieldsOf(await staff.PostAsJsonAsync($"/api/v1/demands/{id}/close", new { evidence = "  " })));
        var closed = await PostAsync(staff, $"/api/v1/demands/{id}/close", new { evidence = "回访满意，签字确认" }, HttpStatusCode.OK);

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("回访满意，签字确认", closed.GetProperty("closingEvidence").GetString());
        var steps = closed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["recorded", "matched", "reopened", "matched", "fulfilled", "closed"], steps);
        Assert.Equal("kq-mover", closed.GetProperty("history")[5].GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/demands/{id}/close", new { evidence = "again" })).StatusCode);
        var outsider = await app.ClientForAsync(Roles.CommunityStaff, OtherCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"/api/v1/demands/{id}/close", new { evidence = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_is_refused_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var id = await RecordDemandAsync(app.Client);
        await MatchAsync(app, id);   // version 1

        // Two staff saw version 1; the first closes it off, the second's fulfilment comes too late.
        var first = await PostAsync(app.Client, $"/api/v1/demands/{id}/close", new { evidence = "已解决", version = 1 }, HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("version").GetInt32());
        var late = await app.Client.PostAsJsonAsync($"/api/v1/demands/{id}/fulfil", new { note = "送到了", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/demands/{id}/close") { Content = JsonContent.Create(new { evidence = "再次" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Client.SendAsync(stale)).StatusCode);

        var need = await app.GetJsonAsync($"/api/v1/demands/{id}");
        Assert.Equal("closed", need.GetProperty("status").GetString());
        Assert.Equal(3, need.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_vocabulary_names_every_category_with_its_group_and_every_care_tag()
    {
        await using var app = await StartAsync();
        var resident = await app.ClientForAsync(Roles.Resident);
        var words = await resident.GetFromJsonAsync<JsonElement>("/api/v1/lists/categories");

        var meals = words.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "elderly-meals");
        Assert.Equal("elderly", meals.GetProperty("group").GetString());
        Assert.Equal("助餐送餐", meals.GetProperty("chinese").GetString());
        var groups = words.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("code").GetString()).ToHashSet();
        Assert.All(words.GetProperty("categories").EnumerateArray(), c => Assert.Contains(c.GetProperty("group").GetString(), groups));
        Assert.Contains(words.GetProperty("careTags").EnumerateArray(), t => t.GetProperty("code").GetString() == "elderly-alone");
        Assert.Equal(["low", "normal", "high", "urgent"], words.GetProperty("urgencies").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Contains("in-project", words.GetProperty("demandStatuses").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_list_endpoints()
    {
        await using var app = await StartAsync();
        var paths = (await app.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/v1/demands", "/api/v1/demands/{id}", "/api/v1/demands/geojson", "/api/v1/demands/{id}/close",
            "/api/v1/resources", "/api/v1/resources/geojson", "/api/v1/resources/{id}/{action}", "/api/v1/lists/coverage", "/api/v1/lists/categories" })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), $"{path} is not in the OpenAPI document");
        }
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, params (string Key, object? Value)[] changes)
    {
        foreach (var (key, value) in changes) body[key] = value;
        return body;
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/demands?{query}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
    }
}
