using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;

namespace Linli.BrowserTests;

/// <summary>
/// Issue #11 from the operator's control room (dept-gs): the route board draws a strip per
/// carriageway with the open incidents on it and lists the clearance indicators below, on a wall
/// screen and on a phone, without a script error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrafficBoardBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_operator_desk_sees_its_routes_as_strips_with_an_open_incident_and_the_indicators()
    {
        await EnsureOpenIncidentAsync();
        var (page, errors) = await fixture.NewPageAsync(1920, 1080);
        await BrowserSession.SignInAsync(page, "dept-gs");

        await page.GotoAsync("/traffic/board");
        await page.WaitForSelectorAsync("#brd-strips svg .brd-incident", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.True(await page.Locator("#brd-strips .brd-carriageway .brd-strip").CountAsync() >= 1);
        Assert.True(await page.Locator("#brd-rows tr.brd-row").CountAsync() >= 1);
        var href = await page.Locator("#brd-strips .brd-incident").First.GetAttributeAsync("href");
        Assert.StartsWith("/traffic/incidents/", href, StringComparison.Ordinal);
        Assert.True(await page.Locator("#brd-indicators tr.brd-total").IsVisibleAsync());
        await page.WaitForSelectorAsync("#brd-chart canvas, #brd-chart svg", new PageWaitForSelectorOptions { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("traffic-board.png"), FullPage = true });

        var (phone, phoneErrors) = await fixture.NewPageAsync(390, 844);
        await BrowserSession.SignInAsync(phone, "dept-gs");
        await phone.GotoAsync("/traffic/board");
        await phone.WaitForSelectorAsync("#brd-strips svg .brd-incident", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.True(await phone.Locator("#brd-rows tr.brd-row").First.IsVisibleAsync());
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("traffic-board-phone.png"), FullPage = true });

        Assert.Empty(errors);
        Assert.Empty(phoneErrors);
    }

    /// <summary>
    /// The demo network and history come from seeders that may still be running (or, on a branch
    /// without the road network, never come): wait for an open GS incident, else put one on the road.
    /// </summary>
    private async Task EnsureOpenIncidentAsync()
    {
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await using var probe = await factory.CreateDbContextAsync();
            if (await probe.Incidents.AnyAsync(i => i.Operator == "GS" && i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Cancelled))
            {
                return;
            }
            await Task.Delay(500);
        }
        await using var db = await factory.CreateDbContextAsync();
        var now = fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        var road = await db.Expressways.FirstOrDefaultAsync(e => e.Operator == "GS" && e.Active);
        if (road is null)
        {
            var line = new LineString([new Coordinate(120.10, 30.30), new Coordinate(120.20, 30.33)]) { SRID = 4326 };
            var length = Wgs84.DistanceMeters(120.10, 30.30, 120.20, 30.33);
            road = new Expressway(Guid.CreateVersion7(), "G60", "沪昆高速", Directions.Up, "GS", line,
                $$"""[{"along":0,"stake":150000},{"along":{{(long)length}},"stake":{{150_000 + (long)length}}}]""", length, now);
            db.Expressways.Add(road);
        }
        var incident = new Incident(Guid.CreateVersion7(), "SG-BROWSER-0001", "2201", IncidentSources.Hotline, road.Code, road.Direction, 155_000,
            120.15, 30.315, "GS", null, "两车追尾，无人受伤", "dept-gs", now - 6 * 60_000);
        incident.Describe(1, true, false, null);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);
}
