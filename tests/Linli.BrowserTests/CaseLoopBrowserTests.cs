using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #6: the whole loop through the pages, each person on her own device — a resident reports
/// with a photo from a phone, community staff accept, file and dispatch, the unit reports it fixed
/// with an after-photo, the grid worker verifies, staff close it, and the resident rates it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseLoopBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_report_from_a_phone_goes_round_the_loop_through_the_pages_and_is_rated()
    {
        var allErrors = new List<string>();
        var (lon, lat) = fixture.PointInDemoGrid(0);

        // The resident, on a phone, with a photo.
        var (phone, phoneErrors) = await fixture.NewPageAsync(width: 360, height: 740);
        await phone.GotoAsync("/report");
        await phone.FillAsync("#description", "3号楼后面的窨井盖碎了，很危险");
        await phone.SelectOptionAsync("#category", "0102");
        await phone.FillAsync("#lon", lon.ToString(CultureInfo.InvariantCulture));
        await phone.FillAsync("#lat", lat.ToString(CultureInfo.InvariantCulture));
        await phone.SetInputFilesAsync("#photos", new FilePayload { Name = "manhole.jpg", MimeType = "image/jpeg", Buffer = Jpeg(new Rgb24(90, 90, 90)) });
        await phone.ClickAsync("#send");
        await phone.Locator("#follow-link").WaitForAsync();
        var followUrl = await phone.GetAttributeAsync("#follow-link", "href");
        var number = NumberPattern().Match(await phone.InnerTextAsync("#report-result")).Value;
        Assert.NotEmpty(number);

        // Community staff find it in their inbox, accept, file and dispatch it to city management.
        var staff = await SignedInAsync("community1", allErrors);
        await staff.GotoAsync("/inbox");
        await staff.ClickAsync($"#queue-intake li:has-text('{number}') a");
        await staff.WaitForSelectorAsync("#case-page-map[data-loaded=true]");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("case-desktop.png"), FullPage = true });
        await ActAsync(staff, "accept", "已受理");
        await ActAsync(staff, "file", "已立案");
        await staff.SelectOptionAsync("#dispatch-unit", "CG");
        await ActAsync(staff, "dispatch", "处置中");
        var caseUrl = staff.Url;
        Assert.DoesNotContain("verify", await ActionsAsync(staff));

        // While it is being handled it is on the map and in the dashboard's open count.
        await staff.GotoAsync("/map");
        await staff.WaitForSelectorAsync("#case-map[data-loaded=true]");
        Assert.True(int.Parse(await staff.GetAttributeAsync("#case-map", "data-case-count") ?? "0", CultureInfo.InvariantCulture) >= 1);
        await staff.GotoAsync("/dashboard");
        await staff.WaitForSelectorAsync("#dashboard[data-loaded=true]");
        Assert.True(int.Parse(await staff.InnerTextAsync("#kpi-open"), CultureInfo.InvariantCulture) >= 1);

        // The unit reports it fixed, with an after-photo.
        var unit = await SignedInAsync("dept-cg", allErrors);
        await unit.GotoAsync("/inbox");
        await unit.ClickAsync($"#queue-unit li:has-text('{number}') a");
        await unit.FillAsync("#feedback-note", "已更换新井盖");
        await unit.SetInputFilesAsync("#feedback-photos", new FilePayload { Name = "after.jpg", MimeType = "image/jpeg", Buffer = Jpeg(new Rgb24(40, 160, 60)) });
        await ActAsync(unit, "feedback", "待核查");

        // The grid worker verifies on site, from her phone.
        var (grid, gridErrors) = await fixture.NewPageAsync(width: 360, height: 740);
        await BrowserSession.SignInAsync(grid, "grid1");
        await grid.GotoAsync("/inbox");
        await grid.ClickAsync($"#queue-verify li:has-text('{number}') a");
        // Act once the page has settled (its map loads after it), as the desk flow above does.
        await grid.WaitForSelectorAsync("#case-page-map[data-loaded=true]");
        await ActAsync(grid, "verify", "已核查");
        await grid.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("case-phone.png"), FullPage = true });

        await staff.GotoAsync(caseUrl);
        await ActAsync(staff, "close", "已结案");
        Assert.Equal(2, await staff.Locator(".photos img").CountAsync());

        // The resident follows her link and rates it.
        await phone.GotoAsync(followUrl!);
        Assert.Contains("已结案", await phone.InnerTextAsync(".stage-now"));
        Assert.Equal(2, await phone.Locator(".photos img").CountAsync());
        await phone.CheckAsync("#rating-form input[value='5']");
        await phone.FillAsync("#comment", "修得很快，谢谢");
        await phone.ClickAsync("#rating-form button[type=submit]");
        await phone.WaitForSelectorAsync(".notice");
        Assert.Contains("5", await phone.InnerTextAsync(".notice"));
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("follow-phone.png"), FullPage = true });

        await staff.GotoAsync(caseUrl);
        Assert.Contains("已评价", await staff.InnerTextAsync("#case-stage"));
        Assert.Equal("5 / 5", (await staff.Locator("dt:has-text('评价') + dd").InnerTextAsync()).Trim());
        Assert.Empty(phoneErrors.Concat(gridErrors).Concat(allErrors));
    }

    [Fact]
    public async Task The_grid_workers_inbox_shows_a_new_case_in_her_grid_without_reloading()
    {
        var (lon, lat) = fixture.PointInDemoGrid(0);
        var errors = new List<string>();
        var page = await SignedInAsync("grid1", errors);
        await page.GotoAsync("/inbox");
        await page.WaitForSelectorAsync("#inbox[data-connected=true]");

        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var answer = await client.PostAsync("/api/v1/cases", JsonContent.Create(new
        {
            category = "0301", description = $"楼道里堆满了纸箱，挡住了消防通道 {Guid.NewGuid():N}", lon, lat,
        }));
        var number = (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("number").GetString();

        await page.WaitForSelectorAsync($"#queue-grid li:has-text('{number}')", new() { Timeout = 15_000 });
        Assert.Contains(number!, await page.InnerTextAsync("#inbox-live"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_grid_worker_cannot_open_a_case_outside_her_grid()
    {
        var (lon, lat) = fixture.PointInDemoGrid(0);
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var answer = await client.PostAsync("/api/v1/cases", JsonContent.Create(new
        {
            category = "0107", description = $"路灯不亮 {Guid.NewGuid():N}", lon, lat,
        }));
        var id = (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        var errors = new List<string>();
        var page = await SignedInAsync("grid2", errors);
        var response = await page.GotoAsync($"/cases/{id}");
        Assert.Equal(403, response!.Status);
        Assert.Contains("不在您的管辖范围", await page.InnerTextAsync("h1"));
        Assert.Equal(0, await page.Locator("form.action-form").CountAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_page_says_what_is_missing_when_there_is_no_location()
    {
        var (page, errors) = await fixture.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/report");
        await page.FillAsync("#description", "路边垃圾桶满了没人清");
        await page.ClickAsync("#send");
        var message = await page.InnerTextAsync("#report-result .error");
        Assert.Contains("请提供位置", message);
        Assert.Equal(0, await page.Locator("#follow-link").CountAsync());
        Assert.Empty(errors);
    }

    private async Task<IPage> SignedInAsync(string username, List<string> errors)
    {
        var (page, pageErrors) = await fixture.NewPageAsync(width: 1920, height: 1080);
        page.PageError += (_, e) => errors.Add($"{username}: {e}");
        await BrowserSession.SignInAsync(page, username);
        _ = pageErrors;
        return page;
    }


    /// <summary>Takes the action on the open case page and waits for the page to show the stage it leads to.</summary>
    private static async Task ActAsync(IPage page, string action, string stage)
    {
        await page.ClickAsync($"form.action-{action} button[type=submit]");
        await page.WaitForFunctionAsync($"document.getElementById('case-stage') && document.getElementById('case-stage').textContent.includes('{stage}')");
    }

    private static async Task<IReadOnlyList<string>> ActionsAsync(IPage page) =>
        await page.Locator("form.action-form").EvaluateAllAsync<string[]>("forms => forms.map(f => f.dataset.action)");

    private static byte[] Jpeg(Rgb24 colour)
    {
        using var image = new Image<Rgb24>(64, 48, colour);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);

    [GeneratedRegex(@"\d{6}-\d{8}-\d{5}")]
    private static partial Regex NumberPattern();
}
