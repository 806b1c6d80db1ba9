using Linli.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #9 through the pages: a rider scans a compound's site code on the phone and the guard's
/// gate page shows the rider within moments; a new rider applies on the phone with an SMS code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CourierPassBrowserTests(BrowserFixture fixture)
{
    /// <summary>The demo compound guarded by gate1 (Couriers' demo data).</summary>
    private const string DemoSite = "HS8K2M4Q";

    [Fact]
    public async Task A_rider_scans_the_site_code_and_the_guards_page_shows_the_rider()
    {
        var (guard, guardErrors) = await fixture.NewPageAsync(width: 1024, height: 768);
        await BrowserSession.SignInAsync(guard, "gate1");
        await WaitForDemoSiteAsync(guard);
        // The 404s while waiting for the seed are not the page's fault.
        guardErrors.Clear();
        await guard.GotoAsync("/gate");
        await guard.ClickAsync($"a[href='/gate/{DemoSite}']");
        await guard.WaitForSelectorAsync("#gate[data-connected=true]");

        var (rider, riderErrors) = await fixture.NewPageAsync(width: 390, height: 844);
        await BrowserSession.SignInAsync(rider, "courier1");
        // What the phone's camera opens from the poster: the check-in is sent by itself.
        await rider.GotoAsync($"/s/{DemoSite}");
        await rider.WaitForSelectorAsync("#scan-result[data-allowed=true]");
        Assert.Contains("已登记", await rider.InnerTextAsync("#scan-result"));
        await rider.WaitForSelectorAsync("#site-map[data-loaded=true]");
        await rider.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courier-scan-phone.png"), FullPage = true });

        var card = guard.Locator("#gate-feed .gate-card.fresh").First;
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        var text = await card.InnerTextAsync();
        Assert.Contains("准予通行", text);
        Assert.Contains("马*", text);
        Assert.Contains("美团", text);
        Assert.Contains("XG-", text);
        Assert.Contains("12345", text);
        await guard.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courier-gate-tablet.png"), FullPage = true });

        await rider.GotoAsync("/rider");
        Assert.Contains("已通过", await rider.InnerTextAsync("#rider-card"));
        await rider.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courier-home-phone.png"), FullPage = true });
        Assert.Empty(guardErrors.Concat(riderErrors));
    }

    [Fact]
    public async Task The_gate_checks_the_riders_rotating_code_offline_refuses_a_replay_and_uploads_the_passages_when_back_online()
    {
        var (guard, guardErrors) = await fixture.NewPageAsync(width: 1024, height: 768);
        await BrowserSession.SignInAsync(guard, "gate1");
        await WaitForDemoSiteAsync(guard);
        guardErrors.Clear();
        await guard.WaitForSelectorAsync("#gate[data-connected=true]");
        // The gate keeps the bundle (keys, revocations, policy) for when the network goes.
        await guard.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.includes('bundle'))");

        var (rider, riderErrors) = await fixture.NewPageAsync(width: 390, height: 844);
        await BrowserSession.SignInAsync(rider, "courier1");
        await rider.GotoAsync("/rider/pass");
        await rider.WaitForSelectorAsync("#pass-qr[data-token]");
        var token = await rider.GetAttributeAsync("#pass-qr", "data-token") ?? "";
        Assert.StartsWith("LX1.", token, StringComparison.Ordinal);
        await rider.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courier-pass-phone.png"), FullPage = true });

        await guard.Context.SetOfflineAsync(true);
        await guard.EvaluateAsync("t => window.LinliGate.checkToken(t)", token);
        var check = guard.Locator("#gate-check");
        Assert.Equal("true", await check.GetAttributeAsync("data-valid"));
        Assert.Equal("offline", await check.GetAttributeAsync("data-mode"));
        Assert.Contains("马*", await check.InnerTextAsync());
        await guard.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courier-gate-offline.png"), FullPage = true });

        await guard.EvaluateAsync("t => window.LinliGate.checkToken(t)", token);
        Assert.Equal("replayed", await check.GetAttributeAsync("data-reason"));
        await guard.EvaluateAsync("t => window.LinliGate.checkToken(t)", token[..^6] + (token[^6] == 'A' ? "B" : "A") + token[^5..]);
        Assert.Equal("false", await check.GetAttributeAsync("data-valid"));

        // Back online, the queued checks reach the passage log, each once.
        await guard.Context.SetOfflineAsync(false);
        await guard.EvaluateAsync("() => window.LinliGate.sync()");
        using var admin = fixture.App.ClientWithToken(await fixture.App.TokenAsync("street1", LinliAppFactory.DemoPassword));
        var passages = await admin.GetStringAsync($"/api/v1/passages?site={DemoSite}&allowed=false");
        Assert.Contains("replayed", passages, StringComparison.Ordinal);
        Assert.Contains("token-offline", passages, StringComparison.Ordinal);
        Assert.DoesNotContain(guardErrors.Concat(riderErrors), e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_rider_applies_on_the_phone_with_the_sms_code_and_sees_the_application_waiting()
    {
        var (page, errors) = await fixture.NewPageAsync(width: 390, height: 844);
        var phone = $"135{Random.Shared.Next(10_000_000, 99_999_999)}";
        await page.GotoAsync("/rider");
        await page.ClickAsync("a[href='/rider/register']");
        await page.FillAsync("#r-phone", phone);
        await page.ClickAsync("form:has(#r-phone) button[type=submit]");
        await page.WaitForSelectorAsync("#register-status");
        await page.FillAsync("#r-code", fixture.App.Sms.LatestCode(phone));
        await page.FillAsync("#r-name", "林一帆");
        await page.FillAsync("#r-id", ResidentId($"33010519951010{Random.Shared.Next(100, 999)}"));
        await page.FillAsync("#r-password", "Rider-pass-2026x");
        await page.SelectOptionAsync("#r-platform", "eleme");
        await page.FillAsync("#r-employer", "杭州拱墅区众包配送服务有限公司");
        await page.FillAsync("#r-team", "饿了么米市巷站");
        await page.FillAsync("#r-started", "2025-03-01");
        await page.FillAsync("#r-rate", "97.5");
        await page.CheckAsync("#r-training");
        await page.CheckAsync("#r-consent");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courier-register-phone.png"), FullPage = true });
        await page.ClickAsync("form:has(#r-code) button[type=submit]");
        await page.WaitForSelectorAsync("text=申请已提交");

        await BrowserSession.SignInAsync(page, phone, "Rider-pass-2026x");
        await page.GotoAsync("/rider");
        Assert.Contains("待审核", await page.InnerTextAsync("#rider-card"));
        Assert.Empty(errors);
    }

    /// <summary>The demo riders and sites are seeded in the background after the demo accounts.</summary>
    private static async Task WaitForDemoSiteAsync(IPage page)
    {
        var deadline = Environment.TickCount64 + 120_000;
        while (true)
        {
            await page.GotoAsync($"/gate/{DemoSite}");
            if (await page.Locator("#gate").CountAsync() > 0 || Environment.TickCount64 > deadline)
            {
                return;
            }
            await Task.Delay(500);
        }
    }

    private static string ResidentId(string first17)
        => first17 + Linli.Infrastructure.Protection.PersonalDataFormats.ResidentIdCheck(first17);

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
