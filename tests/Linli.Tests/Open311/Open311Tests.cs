using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Open311;

/// <summary>Issue #7: existing Open311 GeoReport v2 clients use Linli unchanged.</summary>
[Trait("Category", "Database")]
public sealed class Open311Tests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Open311Client _client = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        _client = new Open311Client(_app);
        await _client.CreateKeyAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_client_session_in_xml_matches_the_specification_examples()
    {
        var discovery = await _client.GetAsync("discovery.xml");
        Assert.Equal(HttpStatusCode.OK, discovery.Status);
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("discovery.xml").Root!), Shapes.Of(discovery.Xml.Root!));

        var services = await _client.GetAsync("services.xml");
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("services.xml").Root!), Shapes.Of(services.Xml.Root!));
        var service = services.Xml.Root!.Elements("service").Single(s => s.Element("service_code")!.Value == "1101");
        Assert.Equal("false", service.Element("metadata")!.Value);
        Assert.False(string.IsNullOrEmpty(service.Element("group")!.Value));
        var english = await _client.GetAsync("services.xml", "en-GB,en;q=0.9");
        Assert.NotEqual(service.Element("service_name")!.Value,
            english.Xml.Root!.Elements("service").Single(s => s.Element("service_code")!.Value == "1101").Element("service_name")!.Value);

        var definition = await _client.GetAsync("services/1101.xml");
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("service_definition.xml").Root!), Shapes.Of(definition.Xml.Root!));

        var posted = await _client.PostAsync("xml", Open311Client.Report());
        Assert.True(posted.Status == HttpStatusCode.Created, posted.Body);
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("post_request.xml").Root!), Shapes.Of(posted.Xml.Root!));
        var id = posted.Field("service_request_id")!;
        Assert.Matches(@"^330105-\d{8}-\d{5}$", id);
        Assert.Equal("fms-42", posted.Field("account_id"));
        Assert.Equal("", posted.Field("service_notice"));

        var token = posted.Response.Headers.GetValues("Open311-Token").Single();
        var byToken = await _client.GetAsync($"tokens/{token}.xml");
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("token.xml").Root!), Shapes.Of(byToken.Xml.Root!));
        Assert.Equal(id, byToken.Field("service_request_id"));

        var one = await _client.GetAsync($"requests/{id}.xml");
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("requests.xml").Root!), Shapes.Of(one.Xml.Root!));
        Assert.Equal("open", one.Field("status"));
        Assert.Equal("1101", one.Field("service_code"));
        Assert.Equal("30.3105", one.Field("lat"));
        Assert.Equal("120.1105", one.Field("long"));
        Assert.Equal("https://example.org/photo.jpg", one.Field("media_url"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", one.Field("requested_datetime"));
        Assert.True(DateTimeOffset.Parse(one.Field("expected_datetime")!, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(one.Field("requested_datetime")!, System.Globalization.CultureInfo.InvariantCulture));

        var list = await _client.GetAsync("requests.xml?status=open&service_code=1101,1102&jurisdiction_id=");
        Assert.Contains(list.Xml.Root!.Elements("request"), r => r.Element("service_request_id")!.Value == id);
        Assert.Empty((await _client.GetAsync("requests.xml?status=closed")).Xml.Root!.Elements());
    }

    [Fact]
    public async Task A_client_session_in_json_has_top_level_arrays_and_string_ids()
    {
        var discovery = (await _client.GetAsync("discovery.json")).Json;
        Assert.Equal(JsonValueKind.Object, discovery.ValueKind);
        Assert.Equal(["text/xml", "application/json"], discovery.GetProperty("endpoints")[0].GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var services = (await _client.GetAsync("services.json")).Json;
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        Assert.Equal(Shapes.Of(Shapes.FixtureJson("services.json")[0]), Shapes.Of(services[0]));
        Assert.Equal(Shapes.Kinds(Shapes.FixtureJson("services.json")[0]).Replace("metadata:True", "metadata:False", StringComparison.Ordinal), Shapes.Kinds(services[0]));

        var definition = (await _client.GetAsync("services/1101.json")).Json;
        Assert.Equal("1101", definition.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Array, definition.GetProperty("attributes").ValueKind);

        var posted = await _client.PostAsync("json", Open311Client.Report());
        Assert.True(posted.Status == HttpStatusCode.Created, posted.Body);
        Assert.Equal(JsonValueKind.String, posted.Json[0].GetProperty("service_request_id").ValueKind);
        Assert.Equal("service_request_id,service_notice,account_id", Shapes.Of(posted.Json[0]));
        var id = posted.Field("service_request_id")!;

        var token = posted.Response.Headers.GetValues("Open311-Token").Single();
        Assert.Equal(id, (await _client.GetAsync($"tokens/{token}.json")).Field("service_request_id"));

        var one = (await _client.GetAsync($"requests/{id}.json")).Json;
        var fixture = Shapes.FixtureJson("requests.json")[0];
        Assert.Equal(Shapes.Of(fixture), Shapes.Of(one[0]));
        Assert.Equal(JsonValueKind.String, one[0].GetProperty("service_code").ValueKind);
        Assert.Equal(JsonValueKind.Number, one[0].GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Number, one[0].GetProperty("long").ValueKind);

        var list = (await _client.GetAsync($"requests.json?service_request_id={id},nope&status=closed")).Json;
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("service_request_id").GetString());
        var paged = (await _client.GetAsync("requests.json?page=2&page_size=1")).Json;
        Assert.Empty(paged.EnumerateArray());
    }

    [Fact]
    public async Task Refusals_are_the_specification_error_lists_with_the_matching_status()
    {
        var noKey = await _client.PostAsync("xml", Open311Client.Report(), withKey: false);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.Status);
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("errors.xml").Root!), Shapes.Of(noKey.Xml.Root!));
        Assert.Contains("api_key", noKey.Errors()[0], StringComparison.Ordinal);

        var badKey = await _client.PostAsync("json", new Dictionary<string, string>(Open311Client.Report()) { ["api_key"] = "o311_nope" });
        Assert.Equal(HttpStatusCode.Forbidden, badKey.Status);
        Assert.Equal(Shapes.Of(Shapes.FixtureJson("errors.json")[0]), Shapes.Of(badKey.Json[0]));
        Assert.Single(badKey.Errors());

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("services/9999.xml")).Status);
        var unknownService = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["service_code"] = "9999" });
        Assert.Equal(HttpStatusCode.NotFound, unknownService.Status);
        Assert.Single(unknownService.Errors());

        var comma = await _client.PostAsync("json", Open311Client.Report(lat: "30,3105"));
        Assert.Equal(HttpStatusCode.BadRequest, comma.Status);
        Assert.Contains("comma", comma.Errors()[0], StringComparison.Ordinal);

        var addressOnly = Open311Client.Report();
        addressOnly.Remove("lat");
        addressOnly.Remove("long");
        var unplaced = await _client.PostAsync("xml", addressOnly);
        Assert.Equal(HttpStatusCode.BadRequest, unplaced.Status);
        Assert.Contains("cannot be placed", unplaced.Errors()[0], StringComparison.Ordinal);
        addressOnly["address_id"] = "9999999999";
        var unknownAddress = await _client.PostAsync("xml", addressOnly);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAddress.Status);
        Assert.Contains("address_id", unknownAddress.Errors()[0], StringComparison.Ordinal);

        var tooLong = await _client.PostAsync("xml", Open311Client.Report(description: new string('长', 4001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        var outside = await _client.PostAsync("xml", Open311Client.Report(lat: "31.2", lon: "121.5"));
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Single(outside.Errors());

        var suffix = await _client.GetAsync("services.txt");
        Assert.Equal(HttpStatusCode.NotFound, suffix.Status);
        Assert.Single(suffix.Errors());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("services")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("requests/330105-20000101-00001.json")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("tokens/nope.xml")).Status);
        var window = await _client.GetAsync("requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, window.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("requests.json?status=pending")).Status);
        // Unknown jurisdiction is fine when none are configured: the parameter is optional.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("services.xml?jurisdiction_id=anything")).Status);
    }

    [Fact]
    public async Task A_building_code_or_a_name_linli_knows_places_a_report_without_coordinates()
    {
        var byBuilding = Open311Client.Report();
        byBuilding.Remove("lat");
        byBuilding.Remove("long");
        byBuilding["address_id"] = "3301050010010010001";
        var posted = await _client.PostAsync("json", byBuilding);
        Assert.True(posted.Status == HttpStatusCode.Created, posted.Body);
        var id = posted.Json[0].GetProperty("service_request_id").GetString();
        var staff = await _app.ClientForAsync("community-staff", "330105001001");
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/v1/cases?limit=50");
        var item = page.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("number").GetString() == id);
        Assert.Equal("3301050010010010001", item.GetProperty("regions").GetProperty("building").GetProperty("code").GetString());

        // Without coordinates or a code, the names Linli gives its regions place an address.
        var byName = Open311Client.Report();
        byName.Remove("lat");
        byName.Remove("long");
        byName["address_string"] = "康桥社区 西网格1幢 东门口";
        var named = await _client.PostAsync("json", byName);
        Assert.True(named.Status == HttpStatusCode.Created, named.Body);
        var namedId = named.Json[0].GetProperty("service_request_id").GetString();
        page = await staff.GetFromJsonAsync<JsonElement>("/api/v1/cases?limit=50");
        item = page.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("number").GetString() == namedId);
        Assert.Equal("3301050010010010001", item.GetProperty("regions").GetProperty("building").GetProperty("code").GetString());

        byName["address_string"] = "火星上的某个地方";
        var nowhere = await _client.PostAsync("json", byName);
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.Status);
        Assert.Contains("cannot be placed", nowhere.Json[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_report_comes_back_with_the_existing_request_id_and_a_notice()
    {
        var description = Open311Client.Description();
        var first = await _client.PostAsync("xml", Open311Client.Report(description));
        var again = await _client.PostAsync("xml", Open311Client.Report(description));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Field("service_request_id"), again.Field("service_request_id"));
        Assert.Contains(first.Field("service_request_id")!, again.Field("service_notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_reported_through_open311_and_closed_through_the_api_shows_closed_with_its_note_and_unit()
    {
        var id = (await _client.PostAsync("json", Open311Client.Report())).Field("service_request_id")!;
        var page = await _app.GetJsonAsync("/api/v1/cases");
        var c = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == id);
        Assert.Equal("open311", c.GetProperty("source").GetString());
        var caseId = c.GetProperty("id").GetString();
        foreach (var (action, body) in new (string, object)[]
        {
            ("accept", new { }), ("file", new { }), ("dispatch", new { unit = "HW" }), ("feedback", new { note = "已清运" }),
            ("verify", new { passed = true }), ("close", new { note = "已办结，感谢反映" }),
        })
        {
            var response = await _app.Client.PostAsJsonAsync($"/api/v1/cases/{caseId}/actions/{action}", body);
            Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
        }

        var closed = await _client.GetAsync($"requests/{id}.xml");
        Assert.Equal("closed", closed.Field("status"));
        Assert.Equal("已办结，感谢反映", closed.Field("status_notes"));
        Assert.False(string.IsNullOrEmpty(closed.Field("agency_responsible")));
        Assert.True(string.CompareOrdinal(closed.Field("updated_datetime"), closed.Field("requested_datetime")) >= 0);
        var list = await _client.GetAsync("requests.json?status=closed");
        Assert.Equal(id, list.Field("service_request_id"));
        var updates = (await _client.GetAsync("servicerequestupdates.xml")).Xml.Root!;
        Assert.Equal("service_request_updates", updates.Name.LocalName);
        var statuses = updates.Elements("request_update").Where(u => u.Element("service_request_id")!.Value == id).Select(u => u.Element("status")!.Value).ToList();
        Assert.Equal(["OPEN", "INVESTIGATING", "INVESTIGATING", "IN_PROGRESS", "FIXED", "FIXED", "CLOSED"], statuses);
    }

    [Fact]
    public async Task Keys_are_made_by_admins_shown_once_listed_without_secrets_revoked_and_rate_limited()
    {
        var created = await _app.Client.PostAsJsonAsync("/api/v1/open311/keys", new { name = "SeeClickFix", categories = new[] { "1101" }, perMinute = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = key.GetProperty("key").GetString()!;
        Assert.StartsWith("o311_", secret, StringComparison.Ordinal);

        var listed = await _app.Client.GetStringAsync("/api/v1/open311/keys");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.Contains("SeeClickFix", listed, StringComparison.Ordinal);
        var trail = await _app.Client.GetStringAsync("/api/v1/audit?action=open311-key.create");
        Assert.Contains(key.GetProperty("id").GetString()!, trail, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, trail, StringComparison.Ordinal);

        var staff = await _app.ClientForAsync("community-staff", "330105001001");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/open311/keys", new { name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Client.PostAsJsonAsync("/api/v1/open311/keys", new { name = "" })).StatusCode);

        var outOfScope = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["api_key"] = secret, ["service_code"] = "1102" });
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.Status);
        var ok = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["api_key"] = secret });
        Assert.Equal(HttpStatusCode.Created, ok.Status);
        var third = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["api_key"] = secret });
        Assert.Equal(HttpStatusCode.Created, third.Status);
        var limited = await _client.PostAsync("json", new Dictionary<string, string>(Open311Client.Report()) { ["api_key"] = secret });
        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Single(limited.Errors());

        var revoked = await _app.Client.DeleteAsync($"/api/v1/open311/keys/{key.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await _client.PostAsync("xml", Open311Client.Report());
        Assert.Equal(HttpStatusCode.Created, refused.Status);
        var withRevoked = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["api_key"] = secret });
        Assert.Equal(HttpStatusCode.Forbidden, withRevoked.Status);
    }
}

/// <summary>With several jurisdictions configured, the parameter is required and must be one of them.</summary>
[Trait("Category", "Database")]
public sealed class Open311JurisdictionTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: new Dictionary<string, string>
    {
        ["Linli:Open311:Jurisdictions:0"] = "hangzhou.gov.cn",
        ["Linli:Open311:Jurisdictions:1"] = "xihu.hangzhou.gov.cn",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_missing_jurisdiction_is_a_400_and_an_unknown_one_a_404_on_every_endpoint()
    {
        var client = new Open311Client(_app);
        foreach (var path in new[] { "discovery.xml", "services.json", "services/1101.xml", "requests.xml", "requests/x.json", "tokens/x.xml" })
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}{separator}jurisdiction_id=shanghai.gov.cn")).Status);
        }
        var known = await client.GetAsync("services.xml?jurisdiction_id=hangzhou.gov.cn");
        Assert.Equal(HttpStatusCode.OK, known.Status);
        var post = await client.PostAsync("xml", Open311Client.Report(), withKey: false);
        Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        Assert.Contains("jurisdiction_id", post.Errors()[0], StringComparison.Ordinal);
    }
}
