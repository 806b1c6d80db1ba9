using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Open311;

/// <summary>Issue #7: FixMyStreet's POST servicerequestupdates and admin-defined service attributes.</summary>
[Trait("Category", "Database")]
public sealed class Open311UpdatesAndAttributesTests : IAsyncLifetime
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

    private async Task<string> PostRequestAsync()
    {
        var posted = await _client.PostAsync("xml", Open311Client.Report());
        Assert.True(posted.Status == HttpStatusCode.Created, posted.Body);
        return posted.Field("service_request_id")!;
    }

    [Fact]
    public async Task A_posted_update_is_a_public_note_in_servicerequestupdates_and_status_notes_and_a_repeat_adds_nothing()
    {
        var id = await PostRequestAsync();
        var update = Open311Client.Update(id, "fms-update-1");
        var posted = await _client.PostUpdateAsync("xml", update);
        Assert.True(posted.Status == HttpStatusCode.Created, posted.Body);
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("post_update.xml").Root!), Shapes.Of(posted.Xml.Root!));
        // The staff on the case find it in their inbox.
        var community = await _app.ClientForAsync("community-staff", "330105001001");
        var inbox = await community.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/inbox");
        Assert.Contains(inbox.EnumerateArray(), n => n.GetRawText().Contains("public-note", StringComparison.Ordinal) && n.GetRawText().Contains(id, StringComparison.Ordinal));
        var updateId = posted.Field("update_id")!;
        Assert.Matches(@"^\d+$", updateId);

        var updates = await _client.GetAsync("servicerequestupdates.xml");
        var mine = Assert.Single(updates.Xml.Root!.Elements("request_update"), u => u.Element("update_id")!.Value == updateId);
        Assert.Equal(Shapes.Of(Shapes.FixtureXml("service_request_updates.xml").Root!.Element("request_update")!), Shapes.Of(mine));
        Assert.Equal(id, mine.Element("service_request_id")!.Value);
        Assert.Equal(update["description"], mine.Element("description")!.Value);
        Assert.Equal("OPEN", mine.Element("status")!.Value); // the client's status does not move the case
        Assert.Equal("https://example.org/update.jpg", mine.Element("media_url")!.Value);
        Assert.Equal(update["description"], (await _client.GetAsync($"requests/{id}.xml")).Field("status_notes"));

        var repeat = await _client.PostUpdateAsync("json", Open311Client.Update(id, "fms-update-1"));
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal(updateId, repeat.Json[0].GetProperty("update_id").GetString());
        var after = (await _client.GetAsync("servicerequestupdates.json")).Json;
        Assert.Single(after.EnumerateArray(), u => u.GetProperty("service_request_id").GetString() == id
            && u.GetProperty("description").GetString() == update["description"]);

        var other = await _client.PostUpdateAsync("json", Open311Client.Update(id, "fms-update-2", description: "又满了"));
        Assert.Equal(HttpStatusCode.Created, other.Status);
        Assert.NotEqual(updateId, other.Json[0].GetProperty("update_id").GetString());
        Assert.Equal("又满了", (await _client.GetAsync($"requests/{id}.json")).Field("status_notes"));
    }

    [Fact]
    public async Task Update_refusals_are_error_lists_403_404_and_400()
    {
        var id = await PostRequestAsync();
        var noKey = await _client.PostUpdateAsync("xml", Open311Client.Update(id, "u1"), withKey: false);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.Status);
        Assert.Contains("api_key", Assert.Single(noKey.Errors()), StringComparison.Ordinal);
        var badKey = await _client.PostUpdateAsync("json", new Dictionary<string, string>(Open311Client.Update(id, "u1")) { ["api_key"] = "o311_nope" });
        Assert.Equal(HttpStatusCode.Forbidden, badKey.Status);
        Assert.Single(badKey.Errors());

        var unknown = await _client.PostUpdateAsync("xml", Open311Client.Update("330105-20260101-99999", "u1"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("330105-20260101-99999", Assert.Single(unknown.Errors()), StringComparison.Ordinal);

        var noDescription = Open311Client.Update(id, "u1");
        noDescription["description"] = "";
        var missing = await _client.PostUpdateAsync("json", noDescription);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("description", Assert.Single(missing.Errors()), StringComparison.Ordinal);

        var badStatus = await _client.PostUpdateAsync("xml", Open311Client.Update(id, "u1", status: "DONE_AND_DUSTED"));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.Status);
        var noUpdateId = Open311Client.Update(id, "");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostUpdateAsync("xml", noUpdateId)).Status);
        Assert.DoesNotContain((await _client.GetAsync("servicerequestupdates.json")).Json.EnumerateArray(),
            u => u.GetProperty("service_request_id").GetString() == id && u.GetProperty("description").GetString() != "");
    }

    [Fact]
    public async Task Reopen_on_a_closed_request_is_recorded_and_left_to_staff()
    {
        var reported = await _app.Client.PostAsJsonAsync("/api/v1/cases", new { category = "1101", description = Open311Client.Description(), lon = Open311Client.Lon, lat = Open311Client.Lat });
        var view = await reported.Content.ReadFromJsonAsync<JsonElement>();
        var declined = await _app.Client.PostAsJsonAsync($"/api/v1/cases/{view.GetProperty("id").GetString()}/actions/decline", new { reason = "不属于受理范围" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var number = view.GetProperty("number").GetString()!;

        var reopen = await _client.PostUpdateAsync("json", Open311Client.Update(number, "fms-reopen", status: "REOPEN", description: "还没有解决"));
        Assert.True(reopen.Status == HttpStatusCode.Created, reopen.Body);
        Assert.Contains("staff decide", reopen.Json[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        var request = await _client.GetAsync($"requests/{number}.json");
        Assert.Equal("closed", request.Field("status"));
        Assert.Equal("还没有解决", request.Field("status_notes"));
    }

    private static object[] SpecExample() =>
    [
        new
        {
            code = "WHISHETN", datatype = "singlevaluelist", required = true, variable = true, order = 1,
            description = "What is the ticket/tag/DL number?",
            values = new[] { new { key = "123", name = "Ford" }, new { key = "124", name = "Chrysler" } },
        },
    ];

    [Fact]
    public async Task Attributes_round_trip_and_make_the_service_definition_of_the_specification()
    {
        Assert.Empty((await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/open311/services/1101/attributes")).EnumerateArray());
        var put = await _app.Client.PutAsJsonAsync("/api/v1/open311/services/1101/attributes", SpecExample());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var got = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/open311/services/1101/attributes");
        var one = Assert.Single(got.EnumerateArray());
        Assert.Equal("WHISHETN", one.GetProperty("code").GetString());
        Assert.Equal(["123", "124"], one.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));

        var definition = await _client.GetAsync("services/1101.xml");
        var fixture = Shapes.FixtureXml("service_definition_attributes.xml").Root!;
        fixture.Element("service_code")!.Value = "1101";
        Assert.Equal(Leaves(fixture), Leaves(definition.Xml.Root!));

        var json = (await _client.GetAsync("services/1101.json")).Json;
        var attribute = Assert.Single(json.GetProperty("attributes").EnumerateArray());
        Assert.Equal("variable,code,datatype,required,datatype_description,order,description,values", Shapes.Of(attribute));
        Assert.Equal(JsonValueKind.True, attribute.GetProperty("required").ValueKind);
        Assert.Equal(JsonValueKind.Number, attribute.GetProperty("order").ValueKind);

        var services = (await _client.GetAsync("services.xml")).Xml.Root!.Elements("service").ToList();
        Assert.Equal("true", services.Single(s => s.Element("service_code")!.Value == "1101").Element("metadata")!.Value);
        Assert.All(services.Where(s => s.Element("service_code")!.Value != "1101"), s => Assert.Equal("false", s.Element("metadata")!.Value));

        // Replaced as a whole: an empty list removes them.
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PutAsJsonAsync("/api/v1/open311/services/1101/attributes", Array.Empty<object>())).StatusCode);
        Assert.Equal("false", (await _client.GetAsync("services.json")).Json.EnumerateArray()
            .Single(s => s.GetProperty("service_code").GetString() == "1101").GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task Bad_attribute_definitions_are_400_naming_the_field_and_change_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PutAsJsonAsync("/api/v1/open311/services/1101/attributes", SpecExample())).StatusCode);
        var bad = await _app.Client.PutAsJsonAsync("/api/v1/open311/services/1101/attributes", new object[]
        {
            new { code = "A", datatype = "singlevaluelist", order = 1, description = "颜色" },
            new { code = "B", datatype = "colour", order = 1, description = "x" },
            new { code = "A", datatype = "number", order = 0, description = "" },
            new { code = "C", datatype = "multivaluelist", order = 3, description = "y", values = new[] { new { key = "k", name = "n" }, new { key = "k", name = "m" } } },
            new { code = "D", datatype = "string", order = 4, description = "z", values = new[] { new { key = "k", name = "n" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "[0].values", "[1].datatype", "[1].order", "[2].code", "[2].order", "[2].description", "[3].values[1].key", "[4].values" }, fields);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.PutAsJsonAsync("/api/v1/open311/services/9999/attributes", SpecExample())).StatusCode);
        Assert.Equal("WHISHETN", (await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/open311/services/1101/attributes"))[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Posted_attributes_are_checked_against_the_definitions()
    {
        var put = await _app.Client.PutAsJsonAsync("/api/v1/open311/services/1101/attributes", new object[]
        {
            new { code = "SIZE", datatype = "singlevaluelist", required = true, order = 1, description = "多大？", values = new[] { new { key = "small", name = "小" }, new { key = "large", name = "大" } } },
            new { code = "KINDS", datatype = "multivaluelist", order = 2, description = "什么垃圾？", values = new[] { new { key = "glass", name = "玻璃" }, new { key = "paper", name = "纸" } } },
            new { code = "WEIGHT", datatype = "number", order = 3, description = "多重（公斤）？" },
            new { code = "SEEN", datatype = "datetime", order = 4, description = "什么时候看到的？" },
            new { code = "NOTE", datatype = "text", variable = false, order = 5, description = "请注意安全" },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var missing = Open311Client.Report();
        missing.Remove("attribute[SIZE]");
        var refused = await _client.PostAsync("xml", missing);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("attribute[SIZE]", Assert.Single(refused.Errors()), StringComparison.Ordinal);

        var notAKey = await _client.PostAsync("json", new Dictionary<string, string>(Open311Client.Report()) { ["attribute[SIZE]"] = "huge" });
        Assert.Equal(HttpStatusCode.BadRequest, notAKey.Status);
        Assert.Contains("huge", Assert.Single(notAKey.Errors()), StringComparison.Ordinal);
        var notANumber = await _client.PostAsync("json", new Dictionary<string, string>(Open311Client.Report()) { ["attribute[WEIGHT]"] = "heavy" });
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Contains("attribute[WEIGHT]", Assert.Single(notANumber.Errors()), StringComparison.Ordinal);
        var notADate = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["attribute[SEEN]"] = "yesterday" });
        Assert.Equal(HttpStatusCode.BadRequest, notADate.Status);
        Assert.Contains("attribute[SEEN]", Assert.Single(notADate.Errors()), StringComparison.Ordinal);
        var badKind = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report()) { ["attribute[KINDS][]"] = "plastic" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.Status);

        var valid = await _client.PostAsync("xml", new Dictionary<string, string>(Open311Client.Report())
        {
            ["attribute[WEIGHT]"] = "12.5",
            ["attribute[SEEN]"] = "2026-03-01T08:00:00+08:00",
        });
        Assert.True(valid.Status == HttpStatusCode.Created, valid.Body);
    }

    private static List<string> Leaves(XElement element) =>
        element.HasElements
            ? [.. element.Elements().SelectMany(e => Leaves(e).Select(l => $"{element.Name.LocalName}/{l}"))]
            : [$"{element.Name.LocalName}={element.Value}"];
}
