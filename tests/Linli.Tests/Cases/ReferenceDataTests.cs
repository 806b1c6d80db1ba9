using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Cases;

[Trait("Category", "Database")]
public sealed class ReferenceDataTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anyone_reads_the_taxonomy_as_a_tree_with_codes_and_names_in_their_language()
    {
        var tree = await _app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/categories");
        var minors = tree.EnumerateArray().SelectMany(m => m.GetProperty("minors").EnumerateArray()).ToList();

        Assert.True(minors.Count >= 60);
        Assert.Contains(tree.EnumerateArray(), m => m.GetProperty("kind").GetString() == "component");
        Assert.Contains(tree.EnumerateArray(), m => m.GetProperty("kind").GetString() == "event");
        var garbage = minors.Single(m => m.GetProperty("code").GetString() == "1101");
        Assert.Equal("暴露垃圾", garbage.GetProperty("name").GetString());
        Assert.Equal("working-hours", garbage.GetProperty("disposalLimit").GetProperty("unit").GetString());
        Assert.Equal("HW", garbage.GetProperty("defaultUnit").GetString());

        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories/1101");
        english.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var inEnglish = await (await _app.Anonymous.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Exposed garbage", inEnglish.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_exported_taxonomy_imports_back_and_a_bad_one_changes_nothing()
    {
        var exported = await _app.Client.GetStringAsync("/api/v1/categories/export");
        var back = await _app.Client.PostAsync("/api/v1/categories/import", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(exported, await _app.Client.GetStringAsync("/api/v1/categories/export"));

        var broken = exported
            .Replace("\"defaultUnit\":\"HW\"", "\"defaultUnit\":\"NOPE\"", StringComparison.Ordinal)
            .Replace("\"code\":\"0102\"", "\"code\":\"0101\"", StringComparison.Ordinal)
            .Replace("\"unit\":\"working-days\"", "\"unit\":\"fortnights\"", StringComparison.Ordinal);
        var refused = await _app.Client.PostAsync("/api/v1/categories/import", new StringContent(broken, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name + " " + e.Value).ToList();
        Assert.Contains(errors, e => e.Contains("defaultUnit", StringComparison.Ordinal) && e.Contains("NOPE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("appears twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("disposalLimit.unit", StringComparison.Ordinal));
        Assert.Equal(exported, await _app.Client.GetStringAsync("/api/v1/categories/export"));
    }

    [Fact]
    public async Task An_admin_changes_a_category_and_a_grid_worker_may_not()
    {
        var category = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories/1101");
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(category.GetRawText())!;
        changed["disposalLimit"] = JsonSerializer.SerializeToElement(new { value = 1, unit = "working-days" });

        var response = await _app.Client.PutAsJsonAsync("/api/v1/categories/1101", changed);
        using var worker = await _app.ClientForAsync("grid-worker", "330105001001001");
        var refused = await worker.PutAsJsonAsync("/api/v1/categories/1101", changed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("working-days", (await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories/1101")).GetProperty("disposalLimit").GetProperty("unit").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_calendar_ships_2025_to_2027_and_an_admin_replaces_a_year()
    {
        var year = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2026");
        Assert.Contains(year.GetProperty("holidays").EnumerateArray(), h => h.GetProperty("name").GetString() == "春节");
        Assert.True((await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2027")).GetProperty("provisional").GetBoolean());

        var before = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?start=2027-06-08T16:00:00%2B08:00&value=1&unit=working-days");
        Assert.Equal("2027-06-10T16:00:00+08:00", before.GetProperty("deadline").GetString());

        var replaced = await _app.Client.PutAsJsonAsync("/api/v1/calendar/2027", new
        {
            provisional = false,
            source = "test arrangement",
            holidays = new[] { new { name = "端午节", from = "2027-06-09", to = "2027-06-11" } },
            workdays = new[] { "2027-06-12" },
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?start=2027-06-08T16:00:00%2B08:00&value=1&unit=working-days");
        Assert.Equal("2027-06-12T16:00:00+08:00", after.GetProperty("deadline").GetString());

        var bad = await _app.Client.PutAsJsonAsync("/api/v1/calendar/2027", new
        {
            holidays = new[] { new { name = "x", from = "2027-06-11", to = "2027-06-09" } },
            workingHours = new[] { new { start = "9am", end = "12:00" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("holidays[0]", out _));
        Assert.True(errors.TryGetProperty("workingHours[0]", out _));
    }

    [Fact]
    public async Task Routing_prefers_the_most_specific_responsible_unit_then_defaults_then_the_community()
    {
        async Task<JsonElement> RouteAsync(string category) =>
            await _app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/units/route?category={category}&grid=330105001001001");

        Assert.Equal("HW", (await RouteAsync("1101")).GetProperty("unit").GetProperty("code").GetString());
        var community = await RouteAsync("2402");
        Assert.Equal(JsonValueKind.Null, community.GetProperty("unit").ValueKind);
        Assert.Equal("330105001001", community.GetProperty("territorial").GetProperty("code").GetString());

        var local = await _app.Client.PostAsJsonAsync("/api/v1/units", new
        {
            code = "GS-HW", name = "拱墅区环卫所", kind = "department", regions = new[] { "330105" }, categories = new[] { "1101" },
        });
        Assert.Equal(HttpStatusCode.Created, local.StatusCode);
        Assert.Equal("GS-HW", (await RouteAsync("1101")).GetProperty("unit").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PutAsJsonAsync("/api/v1/units/grid-defaults/330105001001001", new { unit = "WY" })).StatusCode);
        Assert.Equal("WY", (await RouteAsync("2402")).GetProperty("unit").GetProperty("code").GetString());

        var byPoint = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/units/route?category=1101&lon=120.11&lat=30.32");
        Assert.Equal("GS-HW", byPoint.GetProperty("unit").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Units_refuse_bad_fields_and_cannot_be_deleted_while_in_use()
    {
        var bad = await _app.Client.PostAsJsonAsync("/api/v1/units", new { code = "bad code!", name = "", kind = "club", regions = new[] { "999" }, categories = new[] { "9999" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "code", "name", "kind", "regions", "categories" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await _app.Client.DeleteAsync("/api/v1/units/HW")).StatusCode);
        using var worker = await _app.ClientForAsync("grid-worker", "330105001001001");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/api/v1/units")).StatusCode);
        using var courier = await _app.ClientForAsync("courier");
        Assert.Equal(HttpStatusCode.Forbidden, (await courier.GetAsync("/api/v1/units")).StatusCode);
    }
}
