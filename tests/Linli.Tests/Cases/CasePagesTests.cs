using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Cases;

/// <summary>Issue #6: the case page, the inboxes and the follow page, as HTML over HTTP.</summary>
[Trait("Category", "Database")]
public sealed partial class CasePagesTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _community = null!;
    private HttpClient _gridWorker = null!;
    private HttpClient _otherGridWorker = null!;
    private HttpClient _sanitation = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        _community = await _app.ClientForAsync("community-staff", "330105001001");
        _gridWorker = await _app.ClientForAsync("grid-worker", "330105001001001");
        _otherGridWorker = await _app.ClientForAsync("grid-worker", "330105001001002", username: "other-grid");
        _sanitation = await _app.ClientForAsync("department-handler", department: "HW");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Id, string Number, string Token)> ReportAsync(string? description = null)
    {
        var body = CaseLoopTests.Report();
        if (description is not null)
        {
            body = new { category = "1101", description, lon = 120.1105, lat = 30.3105 };
        }
        var answer = await (await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", body)).Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("id").GetString()!, answer.GetProperty("number").GetString()!, answer.GetProperty("followToken").GetString()!);
    }

    private static async Task ActAsync(HttpClient client, string id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/{action}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static List<string> Actions(string html) => ActionPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_case_page_offers_each_person_exactly_the_actions_the_stage_and_her_role_allow()
    {
        var (id, number, _) = await ReportAsync();

        var (status, html) = await PageAsync(_community, $"/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(number, html);
        Assert.Contains("accept", Actions(html));
        Assert.Contains("decline", Actions(html));
        Assert.DoesNotContain("feedback", Actions(html));
        Assert.DoesNotContain("verify", Actions(html));
        Assert.DoesNotContain("evaluate", Actions(html));
        Assert.DoesNotContain("split", Actions(html)); // one report: nothing to split out

        await ActAsync(_community, id, "accept");
        await ActAsync(_community, id, "file");
        Assert.Contains("dispatch", Actions((await PageAsync(_community, $"/cases/{id}")).Html));
        Assert.Contains("<select id=\"dispatch-unit\" name=\"unit\"", await _community.GetStringAsync($"/cases/{id}"));
        await ActAsync(_community, id, "dispatch", new { unit = "HW" });

        var unitActions = Actions((await PageAsync(_sanitation, $"/cases/{id}")).Html);
        Assert.Equal(["feedback", "request-extension", "return"], unitActions.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("feedback", Actions((await PageAsync(_community, $"/cases/{id}")).Html));
        Assert.Empty(Actions((await PageAsync(_gridWorker, $"/cases/{id}")).Html));

        await ActAsync(_sanitation, id, "feedback", new { note = "已清运" });
        Assert.Equal(["verify"], Actions((await PageAsync(_gridWorker, $"/cases/{id}")).Html).Where(a => a == "verify").ToList());
        Assert.Empty(Actions((await PageAsync(_sanitation, $"/cases/{id}")).Html));
    }

    [Fact]
    public async Task A_case_outside_her_grid_is_refused_and_one_that_does_not_exist_is_not_found()
    {
        var (id, number, _) = await ReportAsync();
        var (status, html) = await PageAsync(_otherGridWorker, $"/cases/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(number, html);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(_community, $"/cases/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task What_a_reporter_wrote_is_shown_as_text_never_as_markup()
    {
        var (id, _, token) = await ReportAsync("<script>alert('x')</script>垃圾桶满了<img src=x onerror=alert(1)>");
        foreach (var raw in new[] { await _community.GetStringAsync($"/cases/{id}"), await _app.Anonymous.GetStringAsync($"/follow/{token}") })
        {
            Assert.DoesNotContain("<script>alert", raw);
            Assert.DoesNotContain("<img src=x", raw);
        }
        Assert.Contains("&lt;script&gt;", await _community.GetStringAsync($"/cases/{id}"));
    }

    [Fact]
    public async Task The_inboxes_show_each_role_its_own_queue()
    {
        var (id, number, _) = await ReportAsync();
        var (_, community) = await PageAsync(_community, "/inbox");
        Assert.Contains("queue-intake", community);
        Assert.Contains(number, community);

        var (_, grid) = await PageAsync(_gridWorker, "/inbox");
        Assert.Contains("queue-verify", grid);
        Assert.Contains(number, grid);
        Assert.DoesNotContain(number, (await PageAsync(_otherGridWorker, "/inbox")).Html);

        await ActAsync(_community, id, "accept");
        await ActAsync(_community, id, "file");
        var (_, toDispatch) = await PageAsync(_community, "/inbox");
        Assert.Matches(new Regex($"id=\"queue-dispatch\"[\\s\\S]*{number}[\\s\\S]*suggested|建议派往"), toDispatch);
        await ActAsync(_community, id, "dispatch", new { unit = "HW" });
        var (_, unit) = await PageAsync(_sanitation, "/inbox");
        Assert.Contains("queue-unit", unit);
        Assert.Contains(number, unit);
    }

    [Fact]
    public async Task The_follow_page_shows_the_progress_and_asks_for_a_rating_once_the_case_is_closed()
    {
        var (id, number, token) = await ReportAsync();
        var (status, html) = await PageAsync(_app.Anonymous, $"/follow/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(number, html);
        Assert.DoesNotContain("rating-form", html);
        Assert.DoesNotContain("13511112222", html);

        await ActAsync(_community, id, "accept");
        await ActAsync(_community, id, "file");
        await ActAsync(_community, id, "dispatch", new { unit = "HW" });
        await ActAsync(_sanitation, id, "feedback", new { note = "已清运完毕" });
        await ActAsync(_gridWorker, id, "verify", new { passed = true });
        await ActAsync(_community, id, "close");
        (_, html) = await PageAsync(_app.Anonymous, $"/follow/{token}");
        Assert.Contains("rating-form", html);
        Assert.Contains("已清运完毕", html);

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(_app.Anonymous, "/follow/not-a-real-token")).Status);
    }

    [Fact]
    public async Task The_pages_speak_English_after_one_click()
    {
        var (id, _, _) = await ReportAsync();
        Assert.DoesNotContain("What you can do now", await _community.GetStringAsync($"/cases/{id}"));
        // The switch keeps the language in a cookie (the client drops its bearer header on the redirect, so look again).
        await _community.GetAsync($"/lang/en?back=/cases/{id}");
        var html = await _community.GetStringAsync($"/cases/{id}");
        Assert.Contains("What you can do now", html);
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/lang/en?back=https://evil.example/")).StatusCode);
        Assert.Equal("/", (await _app.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/lang/en?back=//evil.example/")).Headers.Location?.OriginalString);
    }

    [GeneratedRegex("data-action=\"([a-z-]+)\"")]
    private static partial Regex ActionPattern();
}
