using Deque.AxeCore.Playwright;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>Issue #7 item 5 in a browser: an admin makes an Open311 key, sees its secret once, and revokes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class Open311KeysPageTests(BrowserFixture fixture)
{
    private const string Password = "Pass-word-2026x";

    /// <summary>An admin of this test's own with two factors on (the shared "admin" account is another test's to set up).</summary>
    private async Task<string> CreateAdminAsync(string username)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
        var user = new LinliUser { UserName = username, CreatedAt = TimeProvider.System.GetUtcNow() };
        user.Assignments.Add(new StaffAssignment { Role = Roles.Admin });
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    private static async Task SignInAsync(IPage page, string username, string key)
    {
        await BrowserSession.SignInAsync(page, username, Password);
        Assert.Contains("/account/login-2fa", page.Url);
        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task An_admin_creates_a_key_sees_the_secret_once_and_revokes_it()
    {
        var username = $"keys{Guid.NewGuid():N}"[..12];
        var key = await CreateAdminAsync(username);
        var (page, errors) = await fixture.NewPageAsync();
        await SignInAsync(page, username, key);

        await page.GotoAsync("/admin/open311-keys");
        Assert.Equal("page", await page.GetAttributeAsync("nav a[href='/admin/open311-keys']", "aria-current"));
        await page.FillAsync("#key-name", "FixMyStreet 杭州");
        await page.SelectOptionAsync("#key-categories", new[] { "1101", "1102" });
        await page.FillAsync("#key-rate", "120");
        await page.ClickAsync("#create-key");
        await page.WaitForSelectorAsync(".secret-box[role=status]");
        var secret = await page.InputValueAsync("#new-secret");
        Assert.StartsWith("o311_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page.Url, StringComparison.Ordinal);
        var row = page.Locator("tr.key-active", new() { HasText = "FixMyStreet 杭州" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains(secret[..9], await row.InnerTextAsync(), StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "open311-keys.png"), FullPage = true });
        await row.Locator("details.revoke summary").ClickAsync();
        var problems = await AxeProblemsAsync(page);

        await row.Locator("details.revoke button.danger").ClickAsync();
        await page.WaitForSelectorAsync("p.notice[role=status]");
        Assert.Equal(1, await page.Locator("tr.key-revoked", new() { HasText = "FixMyStreet 杭州" }).CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".secret-box").CountAsync());

        foreach (var width in new[] { 360, 1920 })
        {
            var (other, otherErrors) = await fixture.NewPageAsync(width, 900);
            await SignInAsync(other, username, key);
            // On a phone in English, at a wide desk in Chinese.
            await other.GotoAsync(width == 360 ? "/lang/en?back=/admin/open311-keys" : "/admin/open311-keys");
            await other.WaitForSelectorAsync("tr.key-revoked");
            problems.AddRange(await AxeProblemsAsync(other));
            if (width == 360)
            {
                await other.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "open311-keys-360.png"), FullPage = true });
            }
            Assert.True(await other.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"no sideways scrolling of the page at {width} px");
            Assert.True(otherErrors.Count == 0, string.Join("\n", otherErrors));
            await other.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<List<string>> AxeProblemsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }
}
