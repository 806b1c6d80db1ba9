using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Linli.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #6: the main pages pass axe-core's checks (labels, names, contrast, landmarks, ARIA) with
/// no serious or critical violation, in both languages, on a phone and at a desk.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("zh", 1920, 1080)]
    [InlineData("en", 360, 740)]
    public async Task The_main_pages_have_no_serious_accessibility_violations(string language, int width, int height)
    {
        var (caseId, followUrl) = await ReportAsync();
        var (page, errors) = await fixture.NewPageAsync(width, height);
        await page.GotoAsync($"/lang/{language}?back=/account/login");
        var problems = new List<string>();
        await CheckAsync(page, "/account/login", problems);
        await CheckAsync(page, "/report", problems);
        await CheckAsync(page, followUrl, problems);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "community1");
        await page.FillAsync("#password", LinliAppFactory.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var path in new[] { "/inbox", $"/cases/{caseId}", "/map", "/dashboard", "/regions" })
        {
            await CheckAsync(page, path, problems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(errors);
    }

    private static async Task CheckAsync(IPage page, string path, List<string> problems)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            problems.Add($"{path}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        }
    }

    private async Task<(string Id, string FollowUrl)> ReportAsync()
    {
        var (lon, lat) = fixture.PointInDemoGrid(0);
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var answer = await client.PostAsJsonAsync("/api/v1/cases", new { category = "0107", description = $"路灯不亮 {Guid.NewGuid():N}", lon, lat });
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("followUrl").GetString()!);
    }
}
