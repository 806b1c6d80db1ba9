using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Cases;

/// <summary>Issue #5: duplicates merged at intake, split and merged by hand, categories suggested from the words.</summary>
[Trait("Category", "Database")]
public sealed class SmartIntakeTests : IAsyncLifetime
{
    // About 20 m north of the first point, still inside the same grid.
    private const double Lon = 120.1105;
    private const double Lat = 30.3105;
    private const double Near = 0.00018;

    private TestApp _app = null!;
    private HttpClient _community = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        _community = await _app.ClientForAsync("community-staff", "330105001001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReportAsync(string? category, string description, double lon = Lon, double lat = Lat,
        string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases")
        {
            Content = JsonContent.Create(new { category, description, lon, lat }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        var response = await _app.Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement);
    }

    private static string Id(JsonElement c) => c.GetProperty("id").GetString()!;

    private async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;

    private async Task<JsonElement> ActAsync(string caseId, string action, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _community.PostAsJsonAsync($"/api/v1/cases/{caseId}/actions/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_report_in_other_words_near_an_open_case_joins_it_and_its_reporter_follows_it()
    {
        var (status, first) = await ReportAsync("1502", "康桥路小区门口自来水管爆了，水哗哗往外冒");
        Assert.Equal(HttpStatusCode.Created, status);
        var (again, second) = await ReportAsync("1105", "小区门口路面冒水，积了一大片水", lat: Lat + Near);

        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(Id(first), second.GetProperty("duplicateOf").GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), second.GetProperty("duplicateOf").GetProperty("number").GetString());
        Assert.Equal(2, second.GetProperty("reportCount").GetInt32());
        // The second reporter's own link follows the first case.
        var followed = await GetAsync(_app.Anonymous, $"/api/v1/cases/follow/{second.GetProperty("followToken").GetString()}");
        Assert.Equal(first.GetProperty("number").GetString(), followed.GetProperty("number").GetString());
        var history = await GetAsync(_community, $"/api/v1/cases/{Id(first)}/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("action").GetString() == "attach-report");
        var reports = await GetAsync(_community, $"/api/v1/cases/{Id(first)}/reports");
        Assert.Equal(["first", "duplicate"], reports.EnumerateArray().Select(r => r.GetProperty("how").GetString()!).ToArray());
        Assert.Equal("1105", reports[1].GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_signed_in_reporter_whose_report_joined_a_case_sees_that_case()
    {
        var (_, first) = await ReportAsync("1502", "菜场门口自来水管爆了");
        var resident = await _app.ClientForAsync("resident", username: "resident-dup");
        var response = await resident.PostAsJsonAsync("/api/v1/cases", new { category = "1502", description = "菜场门口水管破裂，水一直冒", lon = Lon, lat = Lat + Near });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mine = await GetAsync(resident, "/api/v1/cases");
        Assert.Equal(Id(first), Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/v1/cases/{Id(first)}")).StatusCode);
        await ActAsync(Id(first), "accept", new { });
        var inbox = await GetAsync(resident, "/api/v1/inbox");
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("caseId").GetString() == Id(first) && n.GetProperty("kind").GetString() == "accept");
        var stranger = await _app.ClientForAsync("resident", username: "resident-other");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/cases/{Id(first)}")).StatusCode);
    }

    [Fact]
    public async Task Look_alikes_about_another_building_far_away_or_another_fault_open_cases_of_their_own()
    {
        var (_, first) = await ReportAsync("1103", "3号楼门口垃圾桶满了，垃圾溢出来");
        var (otherBuilding, _) = await ReportAsync("1103", "5号楼门口垃圾桶满了，垃圾溢出来", lat: Lat + Near);
        var (farAway, _) = await ReportAsync("1103", "3号楼门口垃圾桶满了，垃圾溢出来", lon: 120.14, lat: 30.32);
        var (otherFault, _) = await ReportAsync("0110", "3号楼门口垃圾桶被撞坏了", lat: Lat + Near / 2);
        var (same, joined) = await ReportAsync("1103", "3号楼下面的垃圾箱爆满了", lat: Lat - Near / 2);

        Assert.Equal(HttpStatusCode.Created, otherBuilding);
        Assert.Equal(HttpStatusCode.Created, farAway);
        Assert.Equal(HttpStatusCode.Created, otherFault);
        Assert.Equal(HttpStatusCode.OK, same);
        Assert.Equal(Id(first), joined.GetProperty("duplicateOf").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Each_category_sets_how_near_and_how_soon_a_report_merges()
    {
        var category = await GetAsync(_app.Client, "/api/v1/categories/1105");
        Assert.Equal(50, category.GetProperty("duplicates").GetProperty("radiusMeters").GetDouble());
        Assert.Equal(72, category.GetProperty("duplicates").GetProperty("windowHours").GetDouble());

        // Standing water spreads: merge within 200 m.
        var wider = JsonSerializer.Deserialize<Dictionary<string, object>>(category.GetRawText())!;
        wider["duplicates"] = new { radiusMeters = 200, windowHours = 12 };
        var put = await _app.Client.PutAsJsonAsync("/api/v1/categories/1105", wider);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var (_, first) = await ReportAsync("1105", "文化广场门口积水很深，过不去");
        var (status, second) = await ReportAsync("1105", "文化广场门口一大片积水", lat: Lat + 0.001); // about 110 m
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Id(first), second.GetProperty("duplicateOf").GetProperty("id").GetString());

        wider["duplicates"] = new { radiusMeters = 5000, windowHours = 12 };
        var refused = await _app.Client.PutAsJsonAsync("/api/v1/categories/1105", wider);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("duplicates.radiusMeters", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_burst_of_simultaneous_reports_of_one_problem_makes_one_case()
    {
        var texts = new[] { "路口水管爆了，水喷得老高", "路口自来水管破裂，路面全是水", "这里爆管了，水一直往外冒", "路口水管漏水很严重" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            ReportAsync("1502", texts[i % texts.Length], lon: Lon + (i % 5) * 0.00003, lat: Lat + (i % 3) * 0.00003)));

        var created = answers.Where(a => a.Status == HttpStatusCode.Created).ToList();
        var caseIds = answers.Select(a => a.Status == HttpStatusCode.Created ? Id(a.Body) : a.Body.GetProperty("duplicateOf").GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(created);
        Assert.Single(caseIds);
        var c = await GetAsync(_community, $"/api/v1/cases/{caseIds[0]}");
        Assert.Equal(24, c.GetProperty("reportCount").GetInt32());
        Assert.Equal(24, (await GetAsync(_community, $"/api/v1/cases/{caseIds[0]}/reports")).GetArrayLength());
    }

    [Fact]
    public async Task A_retried_duplicate_is_the_same_report_not_another()
    {
        var (_, first) = await ReportAsync("1502", "门口水管爆了");
        var (status, joined) = await ReportAsync("1502", "门口自来水管破裂冒水", lat: Lat + Near, key: "retry-dup-1");
        var (retried, replay) = await ReportAsync("1502", "门口自来水管破裂冒水", lat: Lat + Near, key: "retry-dup-1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal(Id(first), replay.GetProperty("duplicateOf").GetProperty("id").GetString());
        Assert.Equal(2, (await GetAsync(_community, $"/api/v1/cases/{Id(first)}")).GetProperty("reportCount").GetInt32());
        Assert.False(replay.TryGetProperty("followToken", out _));
        Assert.True(joined.TryGetProperty("followToken", out _));
    }

    [Fact]
    public async Task Staff_split_a_wrongly_merged_report_out_and_merge_two_cases_by_hand()
    {
        var (_, first) = await ReportAsync("1502", "门口水管爆了，路上全是水");
        var (_, joined) = await ReportAsync("1502", "门口水管破了在冒水", lat: Lat + Near);
        var reports = await GetAsync(_community, $"/api/v1/cases/{Id(first)}/reports");
        var attached = reports.EnumerateArray().Single(r => r.GetProperty("how").GetString() == "duplicate").GetProperty("id").GetString();

        await ActAsync(Id(first), "split", new { report = first.GetProperty("id").GetString(), reason = "x" }, HttpStatusCode.BadRequest);
        var after = await ActAsync(Id(first), "split", new { report = attached, reason = "是另一根水管" });
        Assert.Equal(1, after.GetProperty("reportCount").GetInt32());
        var splitFollow = await GetAsync(_app.Anonymous, $"/api/v1/cases/follow/{joined.GetProperty("followToken").GetString()}");
        Assert.NotEqual(first.GetProperty("number").GetString(), splitFollow.GetProperty("number").GetString());
        var firstHistory = await GetAsync(_community, $"/api/v1/cases/{Id(first)}/history");
        var split = firstHistory.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "split");
        Assert.Equal("是另一根水管", split.GetProperty("note").GetString());
        var newId = JsonDocument.Parse(split.GetProperty("data").GetString()!).RootElement.GetProperty("intoId").GetString()!;
        var newHistory = await GetAsync(_community, $"/api/v1/cases/{newId}/history");
        Assert.Equal(["report", "split-from"], newHistory.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());

        // And back together by hand: the split case merges into the first.
        var merged = await ActAsync(newId, "merge", new { into = first.GetProperty("number").GetString(), reason = "核实为同一处爆管" });
        Assert.Equal("merged", merged.GetProperty("stage").GetString());
        Assert.Equal(Id(first), merged.GetProperty("mergedInto").GetString());
        var target = await GetAsync(_community, $"/api/v1/cases/{Id(first)}");
        Assert.Equal(2, target.GetProperty("reportCount").GetInt32());
        var targetHistory = await GetAsync(_community, $"/api/v1/cases/{Id(first)}/history");
        Assert.Contains(targetHistory.EnumerateArray(), e => e.GetProperty("action").GetString() == "absorb");
        var backFollow = await GetAsync(_app.Anonymous, $"/api/v1/cases/follow/{joined.GetProperty("followToken").GetString()}");
        Assert.Equal(first.GetProperty("number").GetString(), backFollow.GetProperty("number").GetString());
        await ActAsync(newId, "merge", new { into = Id(first), reason = "again" }, HttpStatusCode.Conflict);
        await ActAsync(Id(first), "merge", new { into = Id(first), reason = "self" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Suggestions_name_the_likeliest_categories_with_their_confidence()
    {
        var response = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases/suggest", new { text = "小区门口的路灯晚上不亮，黑乎乎的" });
        var suggestions = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();

        Assert.Equal(3, suggestions.Count);
        Assert.Equal("0107", suggestions[0].GetProperty("code").GetString());
        Assert.Equal("路灯", suggestions[0].GetProperty("name").GetString());
        var confidences = suggestions.Select(s => s.GetProperty("confidence").GetDouble()).ToList();
        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.InRange(confidences.Sum(), 0.5, 1.0001);

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases/suggest") { Content = JsonContent.Create(new { text = "燃气管道有很重的煤气味" }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var first = (await (await _app.Anonymous.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal("1503", first.GetProperty("code").GetString());
        Assert.Equal("Gas leak", first.GetProperty("name").GetString());

        var empty = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases/suggest", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("text", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_report_without_a_category_takes_the_best_suggestion()
    {
        var (status, c) = await ReportAsync(null, "楼道里有人把电动车推进来飞线充电，很危险");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("1601", c.GetProperty("category").GetString());
        Assert.Equal("1601", c.GetProperty("suggestedCategories")[0].GetProperty("code").GetString());
        var history = await GetAsync(_community, $"/api/v1/cases/{Id(c)}/history");
        Assert.Contains("\"suggested\":\"1601\"", history[0].GetProperty("data").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_clear_4xx_and_stores_nothing()
    {
        async Task<(HttpStatusCode, string)> Send(HttpContent content)
        {
            var response = await _app.Anonymous.PostAsync("/api/v1/cases", content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

        var (malformed, why) = await Send(Json("{\"category\": \"1101\", \"description\": "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Contains("application/problem+json", (await _app.Anonymous.PostAsync("/api/v1/cases", Json("{"))).Content.Headers.ContentType!.ToString());
        var (wrongType, typeWhy) = await Send(Json("{\"category\": \"1101\", \"description\": \"x\", \"lon\": \"east\", \"lat\": 30.3}"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType);
        Assert.Contains("lon", typeWhy);
        var (huge, hugeWhy) = await Send(JsonContent.Create(new { category = "1101", description = new string('垃', 100_000), lon = Lon, lat = Lat }));
        Assert.Equal(HttpStatusCode.BadRequest, huge);
        Assert.Contains("description", hugeWhy);
        var (outside, _) = await Send(JsonContent.Create(new { category = "1101", description = "垃圾", lon = 116.4, lat = 39.9 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside);
        var (big, _) = await Send(new MultipartFormDataContent
        {
            { new StringContent("1101"), "category" }, { new StringContent("垃圾"), "description" },
            { new StringContent(Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lon" },
            { new StringContent(Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lat" },
            { new ByteArrayContent(new byte[50 * 1024 * 1024]), "photos", "big.jpg" },
        });
        Assert.True(big is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, big.ToString());
        var (zero, zeroWhy) = await Send(new MultipartFormDataContent
        {
            { new StringContent("1101"), "category" }, { new StringContent("垃圾"), "description" },
            { new StringContent("120.1105"), "lon" }, { new StringContent("30.3105"), "lat" },
            { new ByteArrayContent([]), "photos", "empty.jpg" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, zero);
        Assert.Contains("photos", zeroWhy);
        var list = await GetAsync(_app.Client, "/api/v1/cases");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());

        // A script in the description is kept as text and comes back as text.
        var (created, c) = await ReportAsync("1201", "<script>alert('x')</script> 电线杆上贴满小广告");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("<script>alert('x')</script> 电线杆上贴满小广告", c.GetProperty("description").GetString());
    }
}
