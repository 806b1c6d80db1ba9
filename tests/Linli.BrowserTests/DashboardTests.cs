using System.Globalization;
using System.Net.Http.Json;
using Linli.Modules.Geography.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>Issue #6 item 8: the dashboard draws its charts and counts a new report, on a wall screen and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    private const string District = "330105";


    private static async Task<int> OpenCasesAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#dashboard[data-loaded=true]", new() { Timeout = 60_000 });
        return int.Parse(await page.InnerTextAsync("#kpi-open"), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_district_officer_sees_a_new_report_counted_with_every_chart_drawn()
    {
        var (page, errors) = await fixture.NewPageAsync(width: 1920, height: 1080);
        await BrowserSession.SignInAsync(page, "district1", LinliAppFactory.DemoPassword);
        var before = await OpenCasesAsync(page, "/dashboard");

        // One report stays open; grid1 fixes another on the spot, which closes it on time.
        using (var api = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) })
        {
            await ReportAsync(api, fixture.PointIn(District), "仪表盘测试：垃圾桶满了溢出来");
            var fixedOnSpot = await ReportAsync(api, fixture.PointIn(FirstGrid()), "仪表盘测试：楼道堆放杂物");
            var token = await fixture.App.TokenAsync("grid1", LinliAppFactory.DemoPassword);
            using var handle = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{fixedOnSpot}/actions/self-handle")
            {
                Content = JsonContent.Create(new { note = "已当场清理" }),
            };
            handle.Headers.Authorization = new("Bearer", token);
            var handled = await api.SendAsync(handle);
            Assert.True(handled.IsSuccessStatusCode, await handled.Content.ReadAsStringAsync());
        }
        var after = await OpenCasesAsync(page, "/dashboard");

        Assert.Equal(before + 1, after);
        Assert.Contains("拱墅区", await page.InnerTextAsync("h1"));
        foreach (var chart in new[] { "#chart-subregions", "#chart-trend", "#chart-categories", "#chart-heat" })
        {
            Assert.True(await page.Locator($"{chart} canvas").CountAsync() > 0, $"{chart} is drawn");
            Assert.False(string.IsNullOrEmpty(await page.GetAttributeAsync(chart, "aria-label")), $"{chart} is labelled");
        }
        Assert.True(await page.Locator("#sub-table tr").CountAsync() >= 2, "the streets are also a table");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-desktop.png") });

        await page.ClickAsync("#dash-fullscreen");
        await page.WaitForFunctionAsync("document.fullscreenElement && document.fullscreenElement.id === 'dashboard'");
        await page.WaitForSelectorAsync("#dashboard.dash--big");
        await page.EvaluateAsync("document.exitFullscreen()");
        await page.WaitForFunctionAsync("!document.fullscreenElement && !document.getElementById('dashboard').classList.contains('dash--big')");

        await OpenCasesAsync(page, $"/dashboard?region={District}&screen=big");
        Assert.False(await page.IsVisibleAsync("header.topbar"), "the big screen hides the site's bar");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-big.png") });

        await page.SetViewportSizeAsync(360, 740);
        Assert.Equal(after, await OpenCasesAsync(page, "/dashboard"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "nothing sticks out of a 360-pixel screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-phone.png"), FullPage = true });

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<string> ReportAsync(HttpClient api, (double Lon, double Lat) at, string description)
    {
        var reported = await api.PostAsJsonAsync("/api/v1/cases", new { category = "1101", description, lon = at.Lon, lat = at.Lat, address = "测试路 1 号" });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        return (await reported.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>grid1's grid: the demo accounts take the first grid of the district's first street and community.</summary>
    private string FirstGrid()
    {
        var regions = fixture.App.Services.GetRequiredService<IRegionLookup>();
        var street = regions.ChildrenOf(District)[0];
        return regions.ChildrenOf(regions.ChildrenOf(street.Code)[0].Code)[0].Code;
    }
}
