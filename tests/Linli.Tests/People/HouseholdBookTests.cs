using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.People;

/// <summary>Issue #8 item 0: the household book over HTTP — masking, scope, unmasking, field checks.</summary>
[Trait("Category", "Database")]
public sealed class HouseholdBookTests : IAsyncLifetime
{
    public const string Building = "3301050010010010001";
    public const string OtherBuilding = "3301050010010020001";
    public const string ValidId = "33010519850315001X";

    private TestApp _app = null!;
    private HttpClient _gridWorker = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(PeopleRegions().ToString())).StatusCode);
        _gridWorker = await _app.ClientForAsync("grid-worker", "330105001001001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The sample tree with a second building, in the east grid, outside the west grid's worker.</summary>
    public static RegionFile PeopleRegions() => RegionFile.SampleTree()
        .Add(OtherBuilding, "2幢", "building", "330105001001002", RegionFile.Box(120.130, 30.310, 120.131, 30.311));

    public static object NewHousehold(string building = Building, string address = "2单元501") => new
    {
        buildingCode = building,
        address,
        headName = "刘海燕",
        headPhone = "13912341234",
        memberCount = 2,
        residence = "permanent",
        careTags = new[] { "low-income" },
        careTagsConsent = true,
        members = new object[]
        {
            new { name = "刘海燕", idNumber = ValidId, relation = "head", gender = "female", phone = "13912341234" },
            new { name = "王建国", relation = "spouse", gender = "male", birthYear = 1940, careTags = new[] { "elderly" }, careTagsConsent = true },
        },
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_household_is_kept_with_its_members_and_every_name_phone_and_ID_number_leaves_masked()
    {
        var created = await CreateAsync(_gridWorker, NewHousehold());
        var id = created.GetProperty("id").GetString();
        Assert.Equal("刘*燕", created.GetProperty("headName").GetString());
        Assert.Equal("139****1234", created.GetProperty("headPhone").GetString());
        Assert.Equal("330105001001001", created.GetProperty("gridCode").GetString());

        var got = await _gridWorker.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        var members = got.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(2, members.Count);
        Assert.Equal("刘*燕", members[0].GetProperty("name").GetString());
        Assert.Equal("330105********001X", members[0].GetProperty("idNumber").GetString());
        Assert.Equal(1985, members[0].GetProperty("birthYear").GetInt32()); // read off the ID number
        Assert.Equal("王*国", members[1].GetProperty("name").GetString());
        Assert.Equal(["elderly"], members[1].GetProperty("careTags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(members[1].GetProperty("careTagsConsentAt").ValueKind == JsonValueKind.Null);
        var raw = await _gridWorker.GetStringAsync($"/api/v1/households/{id}");
        Assert.DoesNotContain("刘海燕", raw);
        Assert.DoesNotContain("13912341234", raw);
        Assert.DoesNotContain(ValidId, raw);

        // The database holds ciphertext, not the names.
        await using (var db = await _app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync())
        {
            var stored = await db.Households.AsNoTracking().Include(h => h.Members).SingleAsync();
            Assert.DoesNotContain("刘海燕", stored.HeadNameProtected);
            Assert.All(stored.Members, m => Assert.DoesNotContain("王建国", m.NameProtected));
        }

        var update = await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}", new
        {
            address = "2单元502", headName = "刘海燕", headPhone = "13912345678", memberCount = 3, residence = "renting",
            careTags = Array.Empty<string>(), version = got.GetProperty("version").GetInt32(),
        });
        var updated = await ProblemAsync(update, HttpStatusCode.OK);
        Assert.Equal("2单元502", updated.GetProperty("address").GetString());
        Assert.Equal("139****5678", updated.GetProperty("headPhone").GetString());
        Assert.Empty(updated.GetProperty("careTags").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("careTagsConsentAt").ValueKind);
        // The version moved: a second writer with the old one is told to reload.
        var stale = await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}", new
        {
            address = "2单元502", headName = "刘海燕", memberCount = 3, version = got.GetProperty("version").GetInt32(),
        });
        await ProblemAsync(stale, HttpStatusCode.Conflict);

        var added = await ProblemAsync(await _gridWorker.PostAsJsonAsync($"/api/v1/households/{id}/members",
            new { name = "王小明", relation = "child", gender = "male", birthYear = 2018, careTags = new[] { "child-under-14" }, careTagsConsent = true }),
            HttpStatusCode.Created);
        var memberId = added.GetProperty("id").GetString();
        Assert.Equal("王*明", added.GetProperty("name").GetString());
        await ProblemAsync(await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}/members/{memberId}",
            new { name = "王晓明", relation = "child", birthYear = 2017 }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await _gridWorker.DeleteAsync($"/api/v1/households/{id}/members/{memberId}")).StatusCode);
        var after = await _gridWorker.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        Assert.Equal(2, after.GetProperty("members").GetArrayLength());

        var linked = await ProblemAsync(await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}/party-member",
            new { name = "张志明", phone = "13800001111" }), HttpStatusCode.OK);
        Assert.Equal("张*明", linked.GetProperty("partyMember").GetProperty("name").GetString());
        Assert.Equal("138****1111", linked.GetProperty("partyMember").GetProperty("phone").GetString());
        var withParty = await _gridWorker.GetFromJsonAsync<JsonElement>("/api/v1/households?region=330105001001001&hasPartyMember=true");
        Assert.Equal(1, withParty.GetProperty("total").GetInt32());
        // A party member with a Linli account is linked by user name; a name with no account is refused.
        var member = await ProblemAsync(await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}/party-member",
            new { name = "张志明", userId = "admin" }), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(member.GetProperty("partyMember").GetProperty("userId").GetString()));
        Assert.NotEqual("admin", member.GetProperty("partyMember").GetProperty("userId").GetString());
        var nobody = await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}/party-member", new { name = "张志明", userId = "no-such-member" });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        await ProblemAsync(await _gridWorker.DeleteAsync($"/api/v1/households/{id}/party-member"), HttpStatusCode.OK);
        var withoutParty = await _gridWorker.GetFromJsonAsync<JsonElement>("/api/v1/households?region=330105001001001&hasPartyMember=true");
        Assert.Equal(0, withoutParty.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_list_of_a_region_is_paged_and_filters_by_care_tag_and_by_time_since_the_last_visit()
    {
        for (var i = 1; i <= 3; i++)
        {
            await CreateAsync(_app.Client, new { buildingCode = Building, address = $"1单元{i}01", headName = "陈丽华", memberCount = 1 });
        }
        var tagged = await CreateAsync(_app.Client, NewHousehold());

        var page = await _gridWorker.GetFromJsonAsync<JsonElement>("/api/v1/households?region=330105001001&pageSize=2&page=2");
        Assert.Equal(4, page.GetProperty("total").GetInt32()); // her community asked: the part she covers
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal("陈*华", page.GetProperty("items")[0].GetProperty("headName").GetString());

        var elderly = await _gridWorker.GetFromJsonAsync<JsonElement>($"/api/v1/households?region={Building}&careTag=elderly");
        var only = Assert.Single(elderly.GetProperty("items").EnumerateArray());
        Assert.Equal(tagged.GetProperty("id").GetString(), only.GetProperty("id").GetString());
        Assert.Contains("low-income", only.GetProperty("careTags").EnumerateArray().Select(t => t.GetString()));

        var visit = await _gridWorker.PostAsJsonAsync($"/api/v1/households/{tagged.GetProperty("id").GetString()}/visits",
            new { kind = "door", seen = "老人在家，精神好", asked = "问了吃饭的事" });
        await ProblemAsync(visit, HttpStatusCode.Created);
        var notVisited = await _gridWorker.GetFromJsonAsync<JsonElement>($"/api/v1/households?region={Building}&notVisitedDays=30");
        Assert.Equal(3, notVisited.GetProperty("total").GetInt32());
        Assert.DoesNotContain(tagged.GetProperty("id").GetString(), notVisited.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetString()));

        await ProblemAsync(await _gridWorker.GetAsync("/api/v1/households?region=330105001001&careTag=rich"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_grid_worker_can_neither_read_nor_write_a_household_outside_her_grid()
    {
        var outside = await CreateAsync(_app.Client, NewHousehold(OtherBuilding));
        var id = outside.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.GetAsync($"/api/v1/households/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.GetAsync($"/api/v1/households/{id}/visits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.GetAsync("/api/v1/households?region=330105001001002")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.PutAsJsonAsync($"/api/v1/households/{id}",
            new { address = "9单元901", headName = "某某" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.PostAsJsonAsync($"/api/v1/households/{id}/visits",
            new { seen = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.PostAsJsonAsync("/api/v1/households",
            NewHousehold(OtherBuilding, "3单元301"))).StatusCode);
        // Her whole city asked for: only her grid's households, not the one next door.
        var all = await _gridWorker.GetFromJsonAsync<JsonElement>("/api/v1/households?region=330105");
        Assert.Equal(0, all.GetProperty("total").GetInt32());

        // A district officer reads it, but may not keep the book.
        var district = await _app.ClientForAsync("district-officer", "330105");
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/api/v1/households/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsJsonAsync($"/api/v1/households/{id}/visits", new { seen = "x" })).StatusCode);
    }

    [Fact]
    public async Task Unmasking_a_household_needs_the_unmask_permission_and_a_reason_and_is_in_the_audit_trail()
    {
        var created = await CreateAsync(_app.Client, NewHousehold());
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await _gridWorker.PostAsJsonAsync($"/api/v1/households/{id}/unmask", new { reason = "想看看" })).StatusCode);
        var noReason = await ProblemAsync(await _app.Client.PostAsJsonAsync($"/api/v1/households/{id}/unmask", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        var full = await ProblemAsync(await _app.Client.PostAsJsonAsync($"/api/v1/households/{id}/unmask", new { reason = "联系家属安排助餐" }), HttpStatusCode.OK);
        Assert.Equal("刘海燕", full.GetProperty("headName").GetString());
        Assert.Equal("13912341234", full.GetProperty("headPhone").GetString());
        Assert.Contains(ValidId, full.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("idNumber").GetString()));

        var audit = await _app.GetJsonAsync("/api/v1/audit?action=personal-data.unmask");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == $"household:{id}");
        Assert.Equal("联系家属安排助餐", entry.GetProperty("detail").GetString());
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData("headPhone", "12345", null)]
    [InlineData("members[0].idNumber", null, "330105198503150013")]
    [InlineData("members[0].idNumber", null, "330105198502300012")]
    public async Task A_bad_phone_or_ID_number_is_refused_with_its_field(string field, string? phone, string? idNumber)
    {
        var response = await _gridWorker.PostAsJsonAsync("/api/v1/households", new
        {
            buildingCode = Building, address = "5单元101", headName = "刘海燕", headPhone = phone ?? "13912341234",
            members = new[] { new { name = "刘海燕", idNumber = idNumber ?? ValidId } },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Care_tags_without_consent_and_a_household_outside_any_building_are_refused()
    {
        var noConsent = await ProblemAsync(await _gridWorker.PostAsJsonAsync("/api/v1/households", new
        {
            buildingCode = Building, address = "5单元101", headName = "刘海燕", careTags = new[] { "elderly-alone" },
        }), HttpStatusCode.BadRequest);
        Assert.True(noConsent.GetProperty("errors").TryGetProperty("careTagsConsent", out _));

        var grid = await ProblemAsync(await _gridWorker.PostAsJsonAsync("/api/v1/households", new
        {
            buildingCode = "330105001001001", address = "5单元101", headName = "刘海燕",
        }), HttpStatusCode.BadRequest);
        Assert.True(grid.GetProperty("errors").TryGetProperty("buildingCode", out _));

        await CreateAsync(_gridWorker, new { buildingCode = Building, address = "5单元101", headName = "刘海燕" });
        await ProblemAsync(await _gridWorker.PostAsJsonAsync("/api/v1/households", new { buildingCode = Building, address = "5单元101", headName = "李四" }),
            HttpStatusCode.Conflict);
    }
}
