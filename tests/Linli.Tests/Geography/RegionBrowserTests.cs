using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Bootstrap;
using Linli.Modules.Geography.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Geography;

/// <summary>The region browser page (/regions/{code}) over HTTP: counts, people masked, units, party, scope.</summary>
[Trait("Category", "Database")]
public sealed class RegionBrowserTests
{
    private const string West = "330105001001001";
    private const string East = "330105001001002";

    // Blazor's static renderer writes non-ASCII text as character references (dotnet/aspnetcore#52683).
    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string ChildItem(string html, string code) =>
        Regex.Match(html, $"<li data-code=\"{code}\">(.*?)</li>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task A_community_page_lists_its_grids_with_their_buildings_open_cases_and_workers_masked()
    {
        await using var app = await TestApp.StartAsync();
        Assert.True((await app.ImportAsync(RegionFile.SampleTree().ToString())).IsSuccessStatusCode);
        var report = await app.Anonymous.PostAsJsonAsync("/api/v1/cases", new { category = "1101", description = "楼下垃圾桶满了", lon = 120.1105, lat = 30.3105 });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        await app.ClientForAsync("grid-worker", West);

        var (status, html) = await PageAsync(app.Client, "/regions/330105001001");

        Assert.Equal(HttpStatusCode.OK, status);
        var west = ChildItem(html, West);
        Assert.Contains("西网格", west);
        Assert.Contains("1 栋楼", west);
        Assert.Contains("1 件在办", west);
        Assert.Contains("0 件在办", ChildItem(html, East));
        Assert.Contains("康桥街道", html);
        Assert.Contains("测**户", html); // 测试用户, masked
        Assert.Contains("138****1111", html);
        Assert.DoesNotContain("13800001111", html);
    }

    [Fact]
    public async Task A_grid_page_shows_its_workers_masked_its_default_unit_and_its_party_branch()
    {
        await using var app = await TestApp.StartAsync(demoCity: "demo");
        var people = DemoAccounts.Plan(app.Factory.Services.GetRequiredService<IRegionLookup>());
        var worker = people.First(p => p.Username == "grid1");
        // The demo accounts are created once the demo city is loaded.
        for (var i = 0; i < 200 && (await app.GetJsonAsync("/api/v1/users?role=grid-worker")).GetArrayLength() == 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.True((await app.Client.PutAsJsonAsync($"/api/v1/units/grid-defaults/{worker.Scope}", new { unit = "CG" })).IsSuccessStatusCode);

        var (status, html) = await PageAsync(app.Client, $"/regions/{worker.Scope}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("刘*燕", html);
        Assert.Contains(worker.Phone[..3] + "****" + worker.Phone[^4..], html);
        Assert.DoesNotContain(worker.Phone, html);
        Assert.DoesNotContain(worker.DisplayName, html);
        Assert.Contains("城市管理局", html);
        Assert.Contains("网格兜底单位", html);
        Assert.Contains("党支部", html);
        Assert.Matches("书记</dt><dd>[^<]*\\*[^<]*</dd>", html);
        Assert.Contains("楼栋", html);
    }

    [Fact]
    public async Task A_grid_worker_sees_her_own_grid_and_gets_403_for_the_grid_next_door()
    {
        await using var app = await TestApp.StartAsync();
        Assert.True((await app.ImportAsync(RegionFile.SampleTree().ToString())).IsSuccessStatusCode);
        var worker = await app.ClientForAsync("grid-worker", West);

        var (own, ownHtml) = await PageAsync(worker, $"/regions/{West}");
        var (next, nextHtml) = await PageAsync(worker, $"/regions/{East}");
        var (missing, _) = await PageAsync(app.Client, "/regions/330105009");

        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains("1幢", ownHtml);
        Assert.Equal(HttpStatusCode.Forbidden, next);
        Assert.Contains("无权查看", nextHtml);
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task The_regions_route_is_the_first_page_in_english_too()
    {
        await using var app = await TestApp.StartAsync();
        Assert.True((await app.ImportAsync(RegionFile.SampleTree().ToString())).IsSuccessStatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/regions");
        request.Headers.Add("Cookie", "linli.lang=c=en|uic=en");

        var response = await app.Client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("拱墅区", html);
        Assert.Contains("Streets", html);
        Assert.Contains("Responsible units", html);
    }
}
