using Linli.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInAndMapTests(BrowserFixture fixture)
{

    [Fact]
    public async Task A_district_officer_signs_in_sees_her_district_on_the_map_and_locates_a_point()
    {
        var (page, errors) = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
        Assert.True(await page.Locator("text=district1").CountAsync() > 0, "the demo accounts are listed while the demo city is in use");
        await BrowserSession.SignInAsync(page, "district1", LinliAppFactory.DemoPassword);
        Assert.EndsWith("/inbox", page.Url); // signed in, everyone starts at her inbox

        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("#region-map[data-loaded=true]");
        Assert.Contains("拱墅区", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator("#region-map path.leaflet-interactive").CountAsync() >= 2, "the district's streets are drawn");
        await page.Locator("#region-map").ClickAsync();
        await page.WaitForFunctionAsync("document.getElementById('locate-result').textContent.length > 0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "district-map.png") });

        await page.GotoAsync("/regions/330102");
        Assert.Contains("无权查看", await page.InnerTextAsync("h1"));
        Assert.DoesNotContain(errors, e => !e.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_turns_on_two_factor_signs_in_with_a_code_and_creates_an_account()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await BrowserSession.SignInAsync(page, "admin", LinliAppFactory.AdminPassword);

        await page.GotoAsync("/admin/users");
        Assert.Contains("/account/denied", page.Url);
        await page.GotoAsync("/account/two-factor");
        var key = (await page.InnerTextAsync("p.secret-key code")).Trim();
        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "two-factor.png"), FullPage = true });
        await page.WaitForSelectorAsync("ul.codes");
        await page.ClickAsync("form[action='/account/logout'] button");

        await BrowserSession.SignInAsync(page, "admin", LinliAppFactory.AdminPassword);
        Assert.Contains("/account/login-2fa", page.Url);
        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/admin/users");
        await page.FillAsync("#new-username", "wangwu");
        await page.FillAsync("#new-password", "Pass-word-2026x");
        await page.FillAsync("#new-name", "王五");
        await page.FillAsync("#new-phone", "13912348888");
        await page.SelectOptionAsync("#new-role", "grid-worker");
        await page.FillAsync("#new-scope", "330105001001001");
        await page.ClickAsync("#create-account");
        await page.WaitForSelectorAsync("text=wangwu");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-users.png"), FullPage = true });
        Assert.True(await page.Locator("td:has-text('139****8888')").CountAsync() == 1, "the phone is shown masked");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
