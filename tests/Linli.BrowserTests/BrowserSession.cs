using Linli.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>What every browser test does the same way: sign in through the page, as a person would.</summary>
internal static class BrowserSession
{
    /// <summary>Signs in on /account/login; demo accounts by default (their password is the test host's).</summary>
    public static async Task SignInAsync(IPage page, string username, string? password = null)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password ?? LinliAppFactory.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
