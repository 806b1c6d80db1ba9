using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Linli.BrowserTests;

/// <summary>
/// Linli on a real loopback port (rule 16) with the demo city, and Debian's Chromium driven by
/// Playwright; never a downloaded browser. Any page error fails the test that caused it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private TestDatabase? _database;

    public LinliAppFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>docs/screenshots of the repository: README.md shows what the browser tests last saw.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "docs", "screenshots");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx")))
            {
                return dir.FullName;
            }
        }
        return Path.GetTempPath();
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: test.sh installs Debian's chromium and fonts-noto-cjk.");
        }
        _database = await TestDatabase.CreateAsync();
        App = new LinliAppFactory(_database.ConnectionString, demoCity: "demo");
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var client = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            await LinliAppFactory.WaitUntilReadyAsync(client, 180);
            // The demo accounts follow the demo city.
            for (var i = 0; i < 300 && !(await client.GetStringAsync("/account/login")).Contains("district1", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A fresh browser context and page that records page errors and failed requests; with
    /// <paramref name="geolocation"/>, a phone that has granted the page its position.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1280, int height = 800, Geolocation? geolocation = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            // The pages' CSP forbids eval, which Playwright's own waiting helpers use.
            BypassCSP = true,
            Geolocation = geolocation,
            Permissions = geolocation is null ? null : ["geolocation"],
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console error: {message.Text}");
            }
        };
        return (page, errors);
    }

    /// <summary>
    /// A point inside a grid of the demo accounts' community (grid1 has index 0, grid2 index 1), away
    /// from its edge, so that reports there are in the demo grid workers' scope.
    /// </summary>
    public (double Lon, double Lat) PointInDemoGrid(int index)
    {
        var regions = App.Services.GetRequiredService<Linli.Modules.Geography.Contracts.IRegionLookup>();
        var district = regions.ChildrenOf(null).SelectMany(c => c.Level == "city" ? regions.ChildrenOf(c.Code) : [c]).First(d => d.Code == "330105");
        var community = regions.ChildrenOf(regions.ChildrenOf(district.Code)[0].Code)[0];
        var grid = regions.ChildrenOf(community.Code)[index].Code;
        for (var lon = 120.05; lon < 120.30; lon += 0.0007)
        {
            for (var lat = 30.20; lat < 30.45; lat += 0.0007)
            {
                if (regions.LocateGridCode(lon, lat) == grid && regions.LocateGridCode(lon + 0.0003, lat + 0.0003) == grid)
                {
                    return (Math.Round(lon, 6), Math.Round(lat, 6));
                }
            }
        }
        throw new InvalidOperationException($"no point found in grid {grid}");
    }

    /// <summary>A point of the demo city inside a grid whose code starts with <paramref name="code"/> (a district, street, … or the grid).</summary>
    public (double Lon, double Lat) PointIn(string code)
    {
        var regions = App.Services.GetRequiredService<Linli.Modules.Geography.Contracts.IRegionLookup>();
        for (var lon = 119.90; lon < 120.50; lon += 0.001)
        {
            for (var lat = 30.15; lat < 30.50; lat += 0.001)
            {
                if (regions.LocateGridCode(lon, lat) is { } grid && grid.StartsWith(code, StringComparison.Ordinal))
                {
                    return (Math.Round(lon, 6), Math.Round(lat, 6));
                }
            }
        }
        throw new InvalidOperationException($"no point of the demo city lies in {code}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
