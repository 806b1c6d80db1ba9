using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CaseLoopTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _community = null!;
    private HttpClient _gridWorker = null!;
    private HttpClient _sanitation = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        _community = await _app.ClientForAsync("community-staff", "330105001001");
        _gridWorker = await _app.ClientForAsync("grid-worker", "330105001001001");
        _sanitation = await _app.ClientForAsync("department-handler", department: "HW");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static int _building;

    /// <summary>A report; each names another building, so reports at one point stay separate cases (not duplicates).</summary>
    internal static object Report(string category = "1101", double lon = 120.1105, double lat = 30.3105) => new
    {
        category,
        description = $"小区{Interlocked.Increment(ref _building)}号楼东门垃圾桶满了溢出来",
        lon,
        lat,
        address = "康桥路 1 号东门",
        reporter = new { name = "李四", phone = "13511112222" },
    };

    private async Task<(JsonElement Case, string Token)> ReportAsync(object? body = null)
    {
        var response = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", body ?? Report());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"\"{answer.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
        return (answer, answer.GetProperty("followToken").GetString()!);
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, JsonElement c, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}/actions/{action}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task An_anonymous_report_is_numbered_routed_and_timed()
    {
        var (first, token) = await ReportAsync();
        var (second, _) = await ReportAsync(Report(lon: 120.14, lat: 30.32));

        Assert.Matches(@"^330105-\d{8}-00001$", first.GetProperty("number").GetString());
        Assert.EndsWith("-00002", second.GetProperty("number").GetString());
        Assert.Equal("reported", first.GetProperty("stage").GetString());
        var regions = first.GetProperty("regions");
        Assert.Equal("330105", regions.GetProperty("district").GetProperty("code").GetString());
        Assert.Equal("康桥街道", regions.GetProperty("street").GetProperty("name").GetString());
        Assert.Equal("330105001001", regions.GetProperty("community").GetProperty("code").GetString());
        Assert.Equal("330105001001001", regions.GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal("3301050010010010001", regions.GetProperty("building").GetProperty("code").GetString());
        Assert.Equal("330105001001002", second.GetProperty("regions").GetProperty("grid").GetProperty("code").GetString());
        var deadlines = first.GetProperty("deadlines");
        Assert.True(deadlines.GetProperty("case").GetDateTimeOffset() > deadlines.GetProperty("stage").GetDateTimeOffset());
        Assert.Equal("green", first.GetProperty("timer").GetString());
        Assert.True(token.Length >= 20);
        Assert.DoesNotContain("13511112222", first.GetRawText());
    }

    [Fact]
    public async Task Bad_reports_name_their_fields_and_a_point_outside_the_city_is_a_422()
    {
        var bad = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", new { category = "9999", description = "", lon = 200, lat = 30.3, reporter = new { phone = "123" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "category", "description", "lon", "reporter.phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var outside = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", Report(lon: 121.5, lat: 31.2));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_case_and_refuses_another_body()
    {
        async Task<HttpResponseMessage> SendAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "rider-7-report-42");
            return await _app.Anonymous.SendAsync(request);
        }

        var report = Report();
        var first = await (await SendAsync(report)).Content.ReadFromJsonAsync<JsonElement>();
        var retry = await SendAsync(report);
        var other = await SendAsync(Report(category: "1102"));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.GetProperty("id").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var page = await _app.GetJsonAsync("/api/v1/cases");
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_report_verified_true_earns_its_signed_in_reporter_points_once_and_a_failed_verification_none()
    {
        var resident = await _app.ClientForAsync("resident");
        var response = await resident.PostAsJsonAsync("/api/v1/cases", Report());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var c = await response.Content.ReadFromJsonAsync<JsonElement>();
        await ActAsync(_community, c, "accept");
        await ActAsync(_community, c, "file");
        await ActAsync(_community, c, "dispatch", new { unit = "HW" });
        await ActAsync(_sanitation, c, "feedback", new { note = "没清" });
        await ActAsync(_gridWorker, c, "verify", new { passed = false, note = "还是满的" });
        Assert.Equal(0, (await resident.GetFromJsonAsync<JsonElement>("/api/v1/points/me")).GetProperty("balance").GetInt32());

        await ActAsync(_sanitation, c, "feedback", new { note = "已清运" });
        await ActAsync(_gridWorker, c, "verify", new { passed = true, note = "现场已干净" });
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/v1/points/me");
        Assert.Equal(5, mine.GetProperty("balance").GetInt32());
        Assert.Contains(c.GetProperty("number").GetString()!, mine.GetRawText());
    }

    [Fact]
    public async Task A_case_goes_round_the_whole_loop_and_the_history_keeps_every_step()
    {
        var (c, token) = await ReportAsync();
        await ActAsync(_community, c, "accept");
        await ActAsync(_community, c, "file");
        var dispatched = await ActAsync(_community, c, "dispatch", new { unit = "HW", person = "hw-zhang" });
        Assert.Equal("HW", dispatched.GetProperty("assignedUnit").GetString());
        Assert.Equal("hw-zhang", dispatched.GetProperty("assignedPerson").GetString());
        await ActAsync(_sanitation, c, "feedback", new { note = "已清运" });
        await ActAsync(_gridWorker, c, "verify", new { passed = true, note = "现场已干净" });
        await ActAsync(_community, c, "close");
        using var reporter = _app.Factory.CreateClient();
        reporter.DefaultRequestHeaders.Add("X-Follow-Token", token);
        var evaluated = await ActAsync(reporter, c, "evaluate", new { rating = 5, comment = "很快" });

        Assert.Equal("evaluated", evaluated.GetProperty("stage").GetString());
        Assert.Equal(5, evaluated.GetProperty("rating").GetInt32());
        var history = await _app.GetJsonAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}/history");
        Assert.Equal(["report", "accept", "file", "dispatch", "feedback", "verify", "close", "evaluate"],
            history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("fed-back", history[4].GetProperty("to").GetString());
        var follow = await _app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/cases/follow/{token}");
        Assert.Equal("evaluated", follow.GetProperty("stage").GetString());
        Assert.Equal(8, follow.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Returns_and_failed_verifications_go_back_and_are_counted()
    {
        var (c, _) = await ReportAsync();
        await ActAsync(_community, c, "accept");
        await ActAsync(_community, c, "file");
        await ActAsync(_community, c, "dispatch", new { unit = "HW" });
        var returned = await ActAsync(_sanitation, c, "return", new { reason = "不属于本单位管辖" });
        Assert.Equal("filed", returned.GetProperty("stage").GetString());
        Assert.Equal(1, returned.GetProperty("returnCount").GetInt32());
        await ActAsync(_community, c, "dispatch", new { unit = "HW" });
        await ActAsync(_sanitation, c, "feedback", new { note = "已处理" });
        var rework = await ActAsync(_gridWorker, c, "verify", new { passed = false, note = "仍有垃圾" });
        Assert.Equal("dispatched", rework.GetProperty("stage").GetString());
        Assert.Equal("HW", rework.GetProperty("assignedUnit").GetString());
        Assert.Equal(1, rework.GetProperty("reworkCount").GetInt32());
        await ActAsync(_sanitation, c, "feedback", new { note = "已清理干净" });
        await ActAsync(_gridWorker, c, "verify", new { passed = true });
        Assert.Equal("closed", (await ActAsync(_community, c, "close")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Extensions_are_requested_by_the_unit_and_granted_or_refused_by_a_supervisor()
    {
        var (c, _) = await ReportAsync();
        await ActAsync(_community, c, "accept");
        await ActAsync(_community, c, "file");
        var dispatched = await ActAsync(_community, c, "dispatch", new { unit = "HW" });
        await ActAsync(_sanitation, c, "request-extension", new { hours = 8, reason = "需调车" });
        await ActAsync(_sanitation, c, "request-extension", new { hours = 8, reason = "again" }, HttpStatusCode.Conflict);
        var granted = await ActAsync(_community, c, "grant-extension");
        Assert.True(granted.GetProperty("deadlines").GetProperty("stage").GetDateTimeOffset() > dispatched.GetProperty("deadlines").GetProperty("stage").GetDateTimeOffset());
        await ActAsync(_community, c, "refuse-extension", new { reason = "x" }, HttpStatusCode.Conflict);
        await ActAsync(_sanitation, c, "request-extension", new { hours = 4, reason = "再等等" });
        var refused = await ActAsync(_community, c, "refuse-extension", new { reason = "不予延期" });
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("pendingExtensionHours").ValueKind);
        var deferred = await ActAsync(_community, c, "defer", new { reason = "待雨停" });
        Assert.Equal("deferred", deferred.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, deferred.GetProperty("deadlines").GetProperty("stage").ValueKind);
        await ActAsync(_community, c, "dispatch", new { unit = "HW" });
        Assert.Equal("ledger", (await ActAsync(_community, c, "ledger", new { reason = "需专项资金" })).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Indicators_are_kept_as_cases_move_per_region_and_unit()
    {
        var (first, token) = await ReportAsync();
        await ReportAsync();
        await ActAsync(_community, first, "accept");
        await ActAsync(_community, first, "file");
        await ActAsync(_community, first, "dispatch", new { unit = "HW" });
        await ActAsync(_sanitation, first, "return", new { reason = "不归我管" });
        await ActAsync(_community, first, "dispatch", new { unit = "HW" });
        await ActAsync(_sanitation, first, "feedback", new { note = "ok" });
        await ActAsync(_gridWorker, first, "verify", new { passed = false });
        await ActAsync(_sanitation, first, "feedback", new { note = "ok" });
        await ActAsync(_gridWorker, first, "verify", new { passed = true });
        await ActAsync(_community, first, "close");
        using var reporter = _app.Factory.CreateClient();
        reporter.DefaultRequestHeaders.Add("X-Follow-Token", token);
        await ActAsync(reporter, first, "evaluate", new { rating = 4 });
        var month = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var district = await _community.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?region=330105001001&period={month}");
        var unit = await _app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?unit=HW&period={month}");

        Assert.Equal(2, district.GetProperty("reported").GetInt64());
        Assert.Equal(1, district.GetProperty("closed").GetInt64());
        Assert.Equal(0.5, district.GetProperty("closingRate").GetDouble());
        Assert.Equal(1.0, district.GetProperty("reworkRate").GetDouble());
        Assert.Equal(0.5, district.GetProperty("accurateDispatchRate").GetDouble());
        Assert.Equal(1.0, district.GetProperty("onTimeClosingRate").GetDouble());
        Assert.Equal(2, district.GetProperty("stages").GetProperty("fed-back").GetProperty("done").GetInt64());
        Assert.Equal(4.0, district.GetProperty("satisfaction").GetProperty("average").GetDouble());
        Assert.Equal(1, unit.GetProperty("closed").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await _community.GetAsync($"/api/v1/indicators?region=330105001002&period={month}")).StatusCode);
    }

    [Fact]
    public async Task Declined_voided_and_self_handled_cases_end_at_once()
    {
        var (declined, _) = await ReportAsync();
        Assert.Equal("declined", (await ActAsync(_community, declined, "decline", new { reason = "不属于受理范围" })).GetProperty("stage").GetString());
        var (voided, _) = await ReportAsync();
        await ActAsync(_community, voided, "accept");
        Assert.Equal("voided", (await ActAsync(_community, voided, "void", new { reason = "重复上报" })).GetProperty("stage").GetString());
        var (fixedOnSpot, _) = await ReportAsync();
        var handled = await ActAsync(_gridWorker, fixedOnSpot, "self-handle", new { note = "已当场清理" });
        Assert.Equal("closed", handled.GetProperty("stage").GetString());
        Assert.True(handled.GetProperty("selfHandled").GetBoolean());
    }

    [Theory]
    [InlineData("close")]
    [InlineData("dispatch")]
    [InlineData("feedback")]
    [InlineData("verify")]
    [InlineData("evaluate")]
    [InlineData("grant-extension")]
    public async Task Actions_the_stage_does_not_allow_are_a_409_with_the_reason(string action)
    {
        var (c, token) = await ReportAsync();
        using var reporter = _app.Factory.CreateClient();
        reporter.DefaultRequestHeaders.Add("X-Follow-Token", token);
        var client = action switch { "feedback" => _app.Client, "verify" => _gridWorker, "evaluate" => reporter, _ => _community };

        var problem = await ActAsync(client, c, action, new { unit = "HW", note = "n", passed = true, rating = 3 }, HttpStatusCode.Conflict);

        Assert.Contains("it is reported", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Roles_outside_the_case_or_the_stage_are_refused()
    {
        var (c, _) = await ReportAsync();
        using var otherCommunity = await _app.ClientForAsync("community-staff", "330105001002");
        using var gas = await _app.ClientForAsync("department-handler", department: "GAS");

        await ActAsync(otherCommunity, c, "accept", expected: HttpStatusCode.Forbidden);
        await ActAsync(_gridWorker, c, "accept", expected: HttpStatusCode.Forbidden);
        await ActAsync(_app.Anonymous, c, "accept", expected: HttpStatusCode.Unauthorized);
        await ActAsync(_community, c, "accept");
        await ActAsync(_community, c, "file");
        await ActAsync(_community, c, "dispatch", new { unit = "HW" });
        await ActAsync(gas, c, "feedback", new { note = "x" }, HttpStatusCode.Forbidden);
        await ActAsync(_community, c, "evaluate", new { rating = 1 }, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCommunity.GetAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _sanitation.GetAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _community.PostAsJsonAsync($"/api/v1/cases/{c.GetProperty("id").GetString()}/actions/fly", new { })).StatusCode);
    }

    [Fact]
    public async Task A_stale_etag_is_a_412_and_changes_nothing()
    {
        var (c, _) = await ReportAsync();
        var id = c.GetProperty("id").GetString();
        var etag = (await _community.GetAsync($"/api/v1/cases/{id}")).Headers.ETag!;
        await ActAsync(_community, c, "accept");

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/actions/decline") { Content = JsonContent.Create(new { reason = "x" }) };
        stale.Headers.IfMatch.Add(etag);
        var response = await _community.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("accepted", (await _community.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("stage").GetString());
        var current = (await _community.GetAsync($"/api/v1/cases/{id}")).Headers.ETag!;
        using var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/actions/file");
        fresh.Headers.IfMatch.Add(current);
        Assert.Equal(HttpStatusCode.OK, (await _community.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task Lists_show_each_user_her_scope_with_filters_and_keyset_pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await ReportAsync();
        }
        await ReportAsync(Report(lon: 120.14, lat: 30.32));

        var mine = await _gridWorker.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        var all = await _community.GetFromJsonAsync<JsonElement>("/api/v1/cases?limit=2");
        var next = await _community.GetFromJsonAsync<JsonElement>($"/api/v1/cases?limit=2&after={all.GetProperty("next").GetString()}");
        var text = await _community.GetFromJsonAsync<JsonElement>("/api/v1/cases?q=东门&stage=reported&timer=green&category=1101");

        Assert.Equal(3, mine.GetProperty("items").GetArrayLength());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal(2, next.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("next").ValueKind);
        Assert.Empty(all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Intersect(next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())));
        Assert.Equal(4, text.GetProperty("items").GetArrayLength());
        Assert.Empty((await _sanitation.GetFromJsonAsync<JsonElement>("/api/v1/cases")).GetProperty("items").EnumerateArray());
    }
}
