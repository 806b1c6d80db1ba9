using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #10 from the gas desk (dept-gas): the registry of demo users, planning the day's rounds onto
/// the map, logging a hotline call that goes straight to the nearest crew, and the managers' overview
/// with its chart — each page without a script error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InspectionDeskBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_gas_desk_sees_its_users_plans_rounds_on_the_map_dispatches_a_hotline_call_and_reads_the_overview()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await BrowserSession.SignInAsync(page, "dept-gas");

        // The demo users are seeded once the demo city is in; wait for them rather than assume.
        var rows = 0;
        for (var attempt = 0; attempt < 30 && rows < 10; attempt++)
        {
            await page.GotoAsync("/inspections/customers");
            rows = await page.Locator("table.reg-table tbody tr").CountAsync();
            if (rows < 10)
            {
                await Task.Delay(500);
            }
        }
        Assert.True(rows >= 10, $"the registry lists {rows} users");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspections-registry.png") });

        await page.GotoAsync("/inspections/rounds");
        await page.ClickAsync("#rnd-plan");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForSelectorAsync("#rnd-map .leaflet-overlay-pane path", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.True(await page.Locator("#rnd-map .leaflet-overlay-pane path").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspections-rounds.png"), FullPage = true });

        var (lon, lat) = fixture.PointInDemoGrid(1);
        await page.GotoAsync("/repairs");
        await page.FillAsync("textarea[name='description']", "饭店后厨闻到很浓的燃气味，已开窗");
        await page.FillAsync("input[name='address']", "拱墅区测试路 18 号");
        await page.FillAsync("input[name='lon']", lon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("input[name='lat']", lat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("input[name='callerPhone']", "13800138000");
        await page.ClickAsync("#rnd-log-call");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var body = await page.InnerTextAsync("main");
        Assert.Contains("QX-", body);
        Assert.Contains("饭店后厨闻到很浓的燃气味", body);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspections-repairs.png"), FullPage = true });

        await page.GotoAsync("/inspections");
        await page.WaitForSelectorAsync("#ind-chart canvas, #ind-chart svg", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.Contains("逾期未检用户", await page.InnerTextAsync("main"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspections-overview.png"), FullPage = true });

        Assert.Empty(errors);
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
