using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Geography.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>Issue #6 item 6: the case map draws the cases of the officer's district and filters them in place.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseMapTests(BrowserFixture fixture)
{

    private static async Task<int> CaseCountAsync(IPage page, List<string> errors)
    {
        try
        {
            await page.WaitForSelectorAsync("#case-map[data-loaded=true]", new() { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "map-timeout.png") });
            throw new InvalidOperationException($"the map never loaded: '{await page.InnerTextAsync("#map-summary")}' " +
                $"data-loaded={await page.GetAttributeAsync("#case-map", "data-loaded")}\n{string.Join("\n", errors)}");
        }
        return int.Parse(await page.GetAttributeAsync("#case-map", "data-case-count") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_district_officer_sees_a_reported_case_on_the_map_and_filters_by_stage_and_category()
    {
        using var api = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var (lon, lat) = fixture.PointIn("330105");
        var reported = await api.PostAsJsonAsync("/api/v1/cases", new { category = "1101", description = "地图测试：垃圾桶满了溢出来", lon, lat });
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
        var answer = await reported.Content.ReadFromJsonAsync<JsonElement>();
        var (id, number) = (answer.GetProperty("id").GetString(), answer.GetProperty("number").GetString()!);
        var expected = await DistrictCountAsync(api);
        Assert.True(expected >= 1);

        var (page, errors) = await fixture.NewPageAsync(width: 1920, height: 1080);
        await BrowserSession.SignInAsync(page, "district1");
        await page.GotoAsync("/map");
        Assert.Equal(expected, await CaseCountAsync(page, errors));
        Assert.Contains($"显示 {expected} 件", await page.InnerTextAsync("#map-summary"));
        await page.WaitForSelectorAsync("#case-map[data-region-level]", new() { State = WaitForSelectorState.Attached });
        // A district officer's map starts below her district: its streets or communities, never grids.
        Assert.Contains(await page.GetAttributeAsync("#case-map", "data-region-level"), new[] { "street", "community" });
        Assert.True(await page.Locator("#case-map path.leaflet-interactive").CountAsync() >= 2, "the district's streets are drawn");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "map-desktop.png") });

        // Zoomed in, the outlines turn into grids (fetched only for the communities in view); zoomed out, streets again.
        Assert.True(await ZoomUntilAsync(page, "in", "grid"), "grids at a close zoom");
        Assert.True(await ZoomUntilAsync(page, "out", "street"), "streets at a wide zoom");
        await CaseCountAsync(page, errors);

        // Filters redraw the markers in place: the page is not loaded again.
        await page.EvaluateAsync("window.__samePage = true");
        await page.SelectOptionAsync("#map-category", "1101");
        await page.SelectOptionAsync("#map-stage", "reported");
        Assert.InRange(await CaseCountAsync(page, errors), 1, expected);
        await page.ClickAsync("#case-map .case-marker");
        var popup = page.Locator(".leaflet-popup-content");
        await popup.WaitForAsync();
        Assert.Contains(number, await popup.InnerTextAsync());
        Assert.Contains("已上报", await popup.InnerTextAsync());
        Assert.Equal($"cases/{id}", await popup.Locator("a").First.GetAttributeAsync("href"));

        await page.SelectOptionAsync("#map-stage", "ledger");
        await page.WaitForFunctionAsync("document.getElementById('case-map').dataset.caseCount === '0'");
        Assert.Contains("显示 0 件", await page.InnerTextAsync("#map-summary"));
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_map_fits_a_360_pixel_phone_with_the_filters_folded_above_it()
    {
        var (page, errors) = await fixture.NewPageAsync(width: 360, height: 740);
        await BrowserSession.SignInAsync(page, "district1");
        await page.GotoAsync("/map");
        await CaseCountAsync(page, errors);

        Assert.False(await page.EvaluateAsync<bool>("document.getElementById('map-filters').open"), "the filters start folded on a phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "nothing sticks out of a 360-pixel screen");
        var box = await page.Locator("#case-map").BoundingBoxAsync();
        Assert.True(box is { Height: >= 300 }, "the map keeps most of the screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "map-phone.png") });

        await page.ClickAsync("#map-filters > summary");
        await page.Locator("#map-category").WaitForAsync();
        Assert.True(await page.Locator("#map-category").IsVisibleAsync());

        // The same map in English, words from the page's language down to the script's summary.
        await page.GotoAsync("/lang/en?back=/map");
        var count = await CaseCountAsync(page, errors);
        Assert.Contains($"{count} cases shown", await page.InnerTextAsync("#map-summary"));
        Assert.Equal("Filters", (await page.InnerTextAsync("#map-filters .filters-toggle")).Trim());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Zooms a step at a time (a click during the animation would be lost) until the outlines are at the level.</summary>
    private static async Task<bool> ZoomUntilAsync(IPage page, string direction, string level)
    {
        for (var i = 0; i < 6; i++)
        {
            await page.ClickAsync($"#case-map .leaflet-control-zoom-{direction}");
            try
            {
                await page.WaitForSelectorAsync($"#case-map[data-region-level={level}]", new() { State = WaitForSelectorState.Attached, Timeout = 1500 });
                return true;
            }
            catch (TimeoutException)
            {
            }
        }
        return false;
    }

    /// <summary>The cases district1 may see, through the API the map itself uses.</summary>
    private static async Task<int> DistrictCountAsync(HttpClient api)
    {
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { username = "district1", password = LinliAppFactory.DemoPassword });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases/geojson");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var answer = await (await api.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("features").GetArrayLength();
    }
}
