using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #10 through the pages: inspector1 walks a planned inspection on the phone, finds LPG in a
/// basement (a major hazard), has the user sign on the pad, and follows the hazard to the case it opened.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InspectionHazardBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_inspector_records_a_major_finding_with_a_signature_and_opens_the_case_it_created()
    {
        var inspection = await SeedPlannedInspectionAsync();
        var (page, errors) = await fixture.NewPageAsync(width: 390, height: 844);
        await BrowserSession.SignInAsync(page, "inspector1");

        await page.GotoAsync("/inspect");
        await page.ClickAsync($"#haz-round a[href='/inspect/{inspection}']");
        await page.WaitForSelectorAsync("#haz-form");
        foreach (var item in GasChecklist.Items)
        {
            await page.CheckAsync($"input[name='answer.{item.Code}'][value='{(item.Code == GasChecklist.LpgBasement ? "fail" : "ok")}']");
        }
        await page.FillAsync($"input[name='note.{GasChecklist.LpgBasement}']", "地下一层后厨使用 50 kg 液化气钢瓶两只");
        await page.FillAsync("#haz-signer", "周店长");
        await SignAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspection-haz-checklist-phone.png"), FullPage = true });
        await page.ClickAsync("#haz-submit");

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The page's own words if it refused the form (clearer than a timeout).
        Assert.True(await page.Locator("#haz-result").CountAsync() == 1, $"{page.Url}: {await page.InnerTextAsync("body")} {string.Join("; ", errors)}");
        var result = await page.InnerTextAsync("#haz-result");
        Assert.Contains("重大隐患", result);
        Assert.Contains("YH-", result);
        Assert.Contains("ZG-", result);
        Assert.Equal(1, await page.Locator("#haz-result img.haz-signature-image").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspection-haz-result-phone.png"), FullPage = true });

        var caseNumber = (await page.InnerTextAsync("a.haz-case-link")).Trim();
        Assert.False(string.IsNullOrEmpty(caseNumber));
        await page.ClickAsync("a.haz-case-link");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var casePage = await page.InnerTextAsync("main");
        Assert.Contains(caseNumber, casePage);
        Assert.Contains("地下室使用液化气", casePage);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inspection-haz-case-phone.png"), FullPage = true });

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var recorded = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == inspection);
        Assert.Equal((InspectionStatus.Done, "周店长"), (recorded.Status, recorded.SignerName));
        Assert.NotNull(recorded.SignaturePath);
        Assert.Empty(errors);
    }

    /// <summary>A gas user in a demo grid with a periodic inspection on inspector1's round today (the registry's API is another branch's).</summary>
    private async Task<Guid> SeedPlannedInspectionAsync()
    {
        var (lon, lat) = fixture.PointInDemoGrid(1);
        var clock = fixture.App.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var regions = scope.ServiceProvider.GetRequiredService<Linli.Modules.Geography.Contracts.IRegionLookup>();
        var customer = new UtilityCustomer(Guid.NewGuid(), "GAS", $"BT-{Guid.NewGuid():N}"[..20], "browser-test", now.ToUnixTimeMilliseconds());
        customer.Set("地下小厨川菜馆", "91330105MA2B3C4D5E", CustomerTypes.Catering, "拱墅区测试路 8 号地下一层", lon, lat,
            regions.LocateGridCode(lon, lat) ?? "", SupplyKinds.Lpg, RiskClasses.High, "{}", now.ToUnixTimeMilliseconds());
        db.UtilityCustomers.Add(customer);
        var inspection = new Inspection(Guid.NewGuid(), "GAS", customer.Id, InspectionKinds.Periodic, today, GasChecklist.Code, null, now.ToUnixTimeMilliseconds());
        inspection.Plan("inspector1", today, 1, now.ToUnixTimeMilliseconds());
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return inspection.Id;
    }

    /// <summary>A short scrawl across the pad, as a finger would draw it.</summary>
    private static async Task SignAsync(IPage page)
    {
        await page.Locator("#haz-pad").ScrollIntoViewIfNeededAsync();
        var box = await page.Locator("#haz-pad").BoundingBoxAsync() ?? throw new InvalidOperationException("no signature pad");
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 12; i++)
        {
            await page.Mouse.MoveAsync(box.X + 20 + i * (box.Width - 40) / 12, box.Y + box.Height / 2 + (i % 2 == 0 ? -20 : 20));
        }
        await page.Mouse.UpAsync();
        Assert.StartsWith("data:image/png;base64,", await page.InputValueAsync("#haz-signature-data"), StringComparison.Ordinal);
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
