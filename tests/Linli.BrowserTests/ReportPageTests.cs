using System.Globalization;
using Linli.Modules.Geography.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>Issue #5: the report page suggests categories from the words and files the report, on a 360-pixel phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_resident_reports_from_a_phone_picking_a_suggested_category_and_a_second_report_joins_the_case()
    {
        var (lon, lat) = PointInsideTheCity();
        var (page, errors) = await fixture.NewPageAsync(width: 360, height: 740);

        await page.GotoAsync("/report");
        await page.FillAsync("#description", "5号楼门口的路灯晚上不亮，黑乎乎的");
        var chip = page.Locator("#suggestions .chip").First;
        await chip.WaitForAsync();
        Assert.Contains("路灯", await chip.InnerTextAsync());
        await chip.ClickAsync();
        Assert.Equal("0107", await page.InputValueAsync("#category"));
        await page.FillAsync("#lon", lon.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#lat", lat.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#send");
        await page.Locator("#follow-link").WaitForAsync();
        var first = await page.InnerTextAsync("#report-result");
        Assert.Contains("案件编号", first);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "report-phone.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "nothing sticks out of a 360-pixel screen");

        // A neighbour reports the same lamp in other words, without choosing a category.
        await page.FillAsync("#description", "5号楼前面那盏路灯一到晚上就不亮，黑灯瞎火的");
        await page.FillAsync("#lon", lon.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#lat", (lat + 0.0001).ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#send");
        await page.WaitForFunctionAsync("document.getElementById('report-result').textContent.includes('并入')");
        Assert.Contains(first.Split("案件编号 ")[1][..21], await page.InnerTextAsync("#report-result"));
        Assert.Empty(errors);
    }

    /// <summary>A point of the demo city that lies in a grid.</summary>
    private (double Lon, double Lat) PointInsideTheCity()
    {
        var regions = fixture.App.Services.GetRequiredService<IRegionLookup>();
        for (var lon = 120.10; lon < 120.25; lon += 0.003)
        {
            for (var lat = 30.26; lat < 30.36; lat += 0.003)
            {
                if (regions.LocateGridCode(lon, lat) is not null && regions.LocateGridCode(lon, lat + 0.0001) == regions.LocateGridCode(lon, lat))
                {
                    return (Math.Round(lon, 6), Math.Round(lat, 6));
                }
            }
        }
        throw new InvalidOperationException("no point of the demo city lies in a grid");
    }
}
