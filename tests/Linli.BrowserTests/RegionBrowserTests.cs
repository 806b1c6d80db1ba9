using Linli.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RegionBrowserTests(BrowserFixture fixture)
{

    /// <summary>Clicks the first child in the list and waits for its page and its map.</summary>
    private static async Task<string> GoDownAsync(IPage page)
    {
        var link = page.Locator(".rb-children li a").First;
        var name = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await page.WaitForSelectorAsync("#region-map[data-loaded=true]");
        Assert.Contains(name, await page.InnerTextAsync("h1"));
        return name;
    }

    [Fact]
    public async Task A_district_officer_goes_down_from_her_district_to_a_grid_by_clicking_and_back_up_by_the_breadcrumb()
    {
        var (page, errors) = await fixture.NewPageAsync(1920, 1080);
        await BrowserSession.SignInAsync(page, "district1");
        await page.GotoAsync("/regions");
        await page.WaitForSelectorAsync("#region-map[data-loaded=true]");
        Assert.Contains("拱墅区", await page.InnerTextAsync("h1"));

        var street = await GoDownAsync(page);
        await GoDownAsync(page);
        await GoDownAsync(page);

        Assert.Contains("网格", await page.InnerTextAsync("h1 small"));
        Assert.True(await page.Locator("#region-map path.leaflet-interactive").CountAsync() >= 2, "the grid and its buildings are drawn");
        Assert.True(await page.Locator("#workers-title").CountAsync() == 1, "the grid lists its workers");
        Assert.DoesNotMatch(@"(?<!\d)1[3-9]\d{9}(?!\d)", await page.InnerTextAsync(".rb-panel"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "regions-desktop.png") });

        await page.ClickAsync($".rb-crumbs a:has-text('{street}')");
        await page.WaitForSelectorAsync("#region-map[data-loaded=true]");
        Assert.Contains(street, await page.InnerTextAsync("h1"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_region_browser_fits_a_phone()
    {
        var (page, errors) = await fixture.NewPageAsync(360, 740);
        await BrowserSession.SignInAsync(page, "grid1");
        await page.GotoAsync("/regions");
        await page.WaitForSelectorAsync("#region-map[data-loaded=true]");

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "nothing is wider than the phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "regions-phone.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
