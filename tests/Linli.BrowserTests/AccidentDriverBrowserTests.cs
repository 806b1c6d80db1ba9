using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #11's drivers (快处快撤), not signed in, each on their own phone: party A reports with the
/// phone's position and three photos and shows the code; party B confirms on another phone; both get a
/// record. A driver with someone hurt is sent to the police; a mistyped code is told in words.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccidentDriverBrowserTests(BrowserFixture fixture)
{
    /// <summary>A vertex of the demo G2501 ring's up carriageway (demo-expressways.geojson), north-east of the city.</summary>
    private static readonly Geolocation OnTheRing = new() { Longitude = 120.25f, Latitude = 30.375f, Accuracy = 10 };

    [Fact]
    public async Task Party_a_reports_from_the_phones_position_with_three_photos_and_party_b_confirms_with_the_code_on_another_phone()
    {
        await WaitForDemoRoadsAsync();
        var phoneA = UniquePhone("138");
        var (a, aErrors) = await fixture.NewPageAsync(390, 844, OnTheRing);
        await a.GotoAsync("/accident");
        await AnswerAsync(a, noInjuries: true);
        await a.FillAsync("#acc-loss", "3000");
        await a.ClickAsync("#acc-check");
        var where = await a.WaitForSelectorAsync("#acc-where-label", new PageWaitForSelectorOptions { Timeout = 15_000 });
        var label = await where!.InnerTextAsync();
        Assert.Matches(@"^G2501 杭州绕城高速 上行 K\d+\+\d{3}$", label);

        await a.SetInputFilesAsync("#acc-front", Photo("front.jpg", new Rgb24(200, 40, 40)));
        await a.SetInputFilesAsync("#acc-rear", Photo("rear.jpg", new Rgb24(40, 120, 200)));
        await a.SetInputFilesAsync("#acc-contact", Photo("contact.jpg", new Rgb24(40, 160, 80)));
        await a.FillAsync("#acc-phone", phoneA);
        await a.FillAsync("#acc-plate", "浙A12345");
        await a.FillAsync("#acc-name", "王小明");
        await a.FillAsync("#acc-insurer", "人保财险");
        await a.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accident-report-phone.png"), FullPage = true });
        await a.ClickAsync("#acc-send");
        await a.WaitForSelectorAsync("#acc-code", new PageWaitForSelectorOptions { Timeout = 15_000 });
        var code = (await a.InnerTextAsync("#acc-code")).Trim();
        var number = (await a.InnerTextAsync("#acc-number")).Trim();
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Matches(@"^KC-\d{8}-\d{4}$", number);
        Assert.Contains(label, await a.InnerTextAsync("#acc-result"));
        await AssertImagesLoadedAsync(a, "#acc-result img.acc-qr", 1);
        var confirmUrl = await a.GetAttributeAsync("#acc-confirm-link", "href") ?? "";
        Assert.Contains("/accident/confirm?n=" + number, confirmUrl, StringComparison.Ordinal);
        var recordA = await a.GetAttributeAsync("#acc-record-link", "href") ?? "";
        Assert.Contains("/record?token=", recordA, StringComparison.Ordinal);
        await a.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accident-code-phone.png"), FullPage = true });
        var problems = new List<string>();
        await AxeAsync(a, "A's code screen", problems);

        // Party B: another phone, no position needed; the link from A's screen (QR or typed) carries the number.
        var (b, bErrors) = await fixture.NewPageAsync(390, 844);
        await b.GotoAsync(new Uri(confirmUrl).PathAndQuery);
        Assert.Equal(number, await b.InputValueAsync("#acc-c-number"));
        await b.FillAsync("#acc-c-code", code);
        await b.ClickAsync("#acc-c-preview");
        await b.WaitForSelectorAsync("#acc-facts:not([hidden])");
        var facts = await b.InnerTextAsync("#acc-facts");
        Assert.Contains("浙A12345", facts);
        Assert.Contains(label, facts);
        Assert.Contains("138****", facts);
        await AssertImagesLoadedAsync(b, "#acc-facts img", 3);
        await b.FillAsync("#acc-c-phone", UniquePhone("139"));
        await b.FillAsync("#acc-c-plate", "浙B67890");
        await b.FillAsync("#acc-c-name", "李大华");
        await b.FillAsync("#acc-c-insurer", "平安产险");
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accident-confirm-phone.png"), FullPage = true });
        await AxeAsync(b, "B's confirm page", problems);
        await b.ClickAsync("#acc-c-send");
        await b.WaitForSelectorAsync("#acc-record-link", new PageWaitForSelectorOptions { Timeout = 15_000 });
        await b.ClickAsync("#acc-record-link");
        await b.WaitForSelectorAsync("#acc-record");
        Assert.Contains("双方已确认", await b.InnerTextAsync("#acc-status"));
        var partiesB = await b.InnerTextAsync("#acc-parties");
        Assert.Contains("王*明", partiesB);
        Assert.DoesNotContain("王小明", partiesB);
        Assert.Contains("李大华", partiesB);
        Assert.DoesNotContain(phoneA, partiesB);
        Assert.Matches(@"138\*\*\*\*\d{4}", partiesB);
        Assert.Matches(@"139\*\*\*\*\d{4}", partiesB);
        Assert.Contains(label, await b.InnerTextAsync("#acc-location"));
        await AssertImagesLoadedAsync(b, "#acc-record .acc-photos img", 3);
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accident-record-phone.png"), FullPage = true });
        await AxeAsync(b, "B's record", problems);

        // A's phone, still showing the code, learns of the confirmation by itself; A's record shows B masked.
        await a.WaitForSelectorAsync("#acc-confirmed", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.Contains("浙B67890", await a.InnerTextAsync("#acc-confirmed"));
        await a.ClickAsync("#acc-record-link");
        await a.WaitForSelectorAsync("#acc-record");
        Assert.Contains("双方已确认", await a.InnerTextAsync("#acc-status"));
        var partiesA = await a.InnerTextAsync("#acc-parties");
        Assert.Contains("王小明", partiesA);
        Assert.Contains("李*华", partiesA);
        Assert.DoesNotContain("李大华", partiesA);
        await AssertImagesLoadedAsync(a, "#acc-record .acc-photos img", 3);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(aErrors);
        Assert.Empty(bErrors);
    }

    [Fact]
    public async Task A_driver_who_says_someone_is_hurt_is_told_the_police_and_rescue_are_dispatched_and_an_emergency_incident_opens()
    {
        await WaitForDemoRoadsAsync();
        var (page, errors) = await fixture.NewPageAsync(390, 844, OnTheRing);
        await page.GotoAsync("/accident");
        await AnswerAsync(page, noInjuries: false);
        await page.ClickAsync("#acc-check");
        var alarm = page.Locator("#acc-result[data-status=routed-to-police]");
        await alarm.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var text = await alarm.InnerTextAsync();
        Assert.Contains("已转交警", text);
        Assert.Contains("有人受伤", text);
        Assert.Contains("交警和救援正在调度", text);
        Assert.Contains("150 米", text);
        var number = await alarm.GetAttributeAsync("data-number") ?? "";
        Assert.Contains(number, text);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accident-police-phone.png"), FullPage = true });
        var problems = new List<string>();
        await AxeAsync(page, "the police outcome", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var report = await db.AccidentReports.AsNoTracking().SingleAsync(r => r.Number == number);
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == report.IncidentId);
        Assert.Equal("2204", incident.CategoryCode);
        Assert.True(incident.Emergency);
        Assert.Equal("G2501", incident.RouteCode);
        Assert.NotNull(incident.CaseNumber);

        // The red button, without answering anything: straight to the police from the phone's position.
        var (hurry, hurryErrors) = await fixture.NewPageAsync(390, 844, OnTheRing);
        await hurry.GotoAsync("/accident");
        await hurry.ClickAsync("#acc-police");
        var asked = hurry.Locator("#acc-result[data-status=routed-to-police]");
        await asked.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("驾驶人选择报警", await asked.InnerTextAsync());
        var askedNumber = await asked.GetAttributeAsync("data-number") ?? "";
        var askedReport = await db.AccidentReports.AsNoTracking().SingleAsync(r => r.Number == askedNumber);
        Assert.True((await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == askedReport.IncidentId)).Emergency);
        Assert.Empty(errors);
        Assert.Empty(hurryErrors);
    }

    [Fact]
    public async Task A_phone_off_the_expressways_is_told_so_and_the_driver_places_the_accident_by_the_roadside_stake()
    {
        await WaitForDemoRoadsAsync();
        // By West Lake, kilometres from every demo carriageway.
        var (page, errors) = await fixture.NewPageAsync(390, 844, new Geolocation { Longitude = 120.145f, Latitude = 30.245f, Accuracy = 10 });
        await page.GotoAsync("/accident");
        await AnswerAsync(page, noInjuries: true);
        await page.ClickAsync("#acc-check");
        var error = page.Locator("#acc-where-error");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("不在高速公路上", await error.InnerTextAsync());
        Assert.True(await page.Locator("#acc-step-photos").IsHiddenAsync());
        Assert.True(await page.Locator("#acc-stake").IsVisibleAsync());

        await page.FillAsync("#acc-route", "g2501");
        await page.SelectOptionAsync("#acc-direction", "up");
        await page.FillAsync("#acc-stake", "K7+800");
        await page.ClickAsync("#acc-stake-check");
        var where = await page.WaitForSelectorAsync("#acc-where-label");
        Assert.Equal("G2501 杭州绕城高速 上行 K7+800", await where!.InnerTextAsync());
        Assert.True(await page.Locator("#acc-step-photos").IsVisibleAsync());
        // Chromium logs the refused locate itself (400); nothing else may go wrong.
        Assert.DoesNotContain(errors, e => !e.Contains("status of 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Party_b_typing_a_wrong_code_is_told_in_words_how_many_tries_are_left()
    {
        await WaitForDemoRoadsAsync();
        var created = await ReportThroughTheApiAsync();
        var number = created.GetProperty("number").GetString()!;
        var code = created.GetProperty("confirmCode").GetString()!;

        var (b, errors) = await fixture.NewPageAsync(390, 844);
        await b.GotoAsync($"/accident/confirm?n={number}");
        await b.FillAsync("#acc-c-code", code == "000000" ? "111111" : "000000");
        await b.ClickAsync("#acc-c-preview");
        var message = b.Locator("#acc-c-result .error");
        await message.First.WaitForAsync();
        var text = await b.InnerTextAsync("#acc-c-result");
        Assert.Contains("确认码不对", text);
        Assert.Contains("还可以再试 4 次", text);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.True(await b.Locator("#acc-facts").IsHiddenAsync());
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accident-wrong-code-phone.png"), FullPage = true });

        // The right code then still works: the wrong try only counted.
        await b.FillAsync("#acc-c-code", code);
        await b.ClickAsync("#acc-c-preview");
        await b.WaitForSelectorAsync("#acc-facts:not([hidden])");
        Assert.Equal("", (await b.InnerTextAsync("#acc-c-result")).Trim());
        // Chromium logs the refused request itself (422); nothing else may go wrong.
        Assert.DoesNotContain(errors, e => !e.Contains("status of 422", StringComparison.Ordinal));
    }

    /// <summary>axe-core on the page as it stands: drivers read it in sunlight on a phone, so serious or critical findings fail.</summary>
    private static async Task AxeAsync(IPage page, string what, List<string> problems)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            problems.Add($"{what}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))}");
        }
    }

    private static async Task AnswerAsync(IPage page, bool noInjuries)
    {
        await page.CheckAsync($"input[name=noInjuries][value={(noInjuries ? "true" : "false")}]");
        foreach (var field in new[] { "vehiclesMovable", "propertyOnly", "noRoadPropertyDamage" })
        {
            await page.CheckAsync($"input[name={field}][value=true]");
        }
    }

    /// <summary>Every image the selector finds has arrived and decoded (a broken image has naturalWidth 0).</summary>
    private static async Task AssertImagesLoadedAsync(IPage page, string selector, int expected)
    {
        var images = page.Locator(selector);
        Assert.Equal(expected, await images.CountAsync());
        for (var i = 0; i < expected; i++)
        {
            var image = images.Nth(i);
            await image.ScrollIntoViewIfNeededAsync();
            var width = 0;
            for (var attempt = 0; attempt < 50 && width == 0; attempt++)
            {
                width = await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
                if (width == 0) await Task.Delay(100);
            }
            Assert.True(width > 0, $"{selector} #{i} ({await image.GetAttributeAsync("src")}) did not load");
        }
    }

    /// <summary>A small real JPEG (a coloured photo stand-in), as the phone's camera would hand it over.</summary>
    private static FilePayload Photo(string name, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(480, 360, colour);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = stream.ToArray() };
    }

    private async Task<JsonElement> ReportThroughTheApiAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var fields = new Dictionary<string, string>
        {
            ["noInjuries"] = "true", ["vehiclesMovable"] = "true", ["propertyOnly"] = "true", ["noRoadPropertyDamage"] = "true",
            ["lon"] = "120.25", ["lat"] = "30.375", ["phone"] = UniquePhone("137"), ["plate"] = "浙A54321", ["name"] = "赵一", ["lanesBlocked"] = "1",
        };
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        foreach (var kind in new[] { "front", "rear", "contact" })
        {
            var photo = Photo(kind + ".jpg", new Rgb24(90, 90, 90));
            var content = new ByteArrayContent(photo.Buffer);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(content, kind, photo.Name);
        }
        var response = await client.PostAsync("/api/v1/traffic/accidents", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The demo expressways are imported in the background with the demo city.</summary>
    private async Task WaitForDemoRoadsAsync()
    {
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.Expressways.AnyAsync(e => e.Code == "G2501" && e.Direction == Directions.Up))
            {
                return;
            }
            await Task.Delay(500);
        }
        Assert.Fail("The demo expressways were not imported within two minutes.");
    }

    private static string UniquePhone(string prefix) => $"{prefix}{Random.Shared.Next(10_000_000, 99_999_999)}";

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
