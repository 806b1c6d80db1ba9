using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Linli.Tests.Traffic.Roads;

[Trait("Category", "Database")]
public sealed class RoadPagesTests
{
    [Fact]
    public async Task The_routes_page_draws_the_carriageways_and_answers_a_stake_and_a_position()
    {
        await using var app = await RoadKit.StartAsync();
        var desk = await RoadKit.DeskAsync(app);
        Assert.True((await RoadKit.ImportAsync(desk, RoadKit.Collection(RoadKit.G60Up(), RoadKit.G60Down()))).IsSuccessStatusCode);
        var raw = await desk.GetStringAsync("/traffic/routes?route=G60&direction=up&stake=K151%2B000");
        Assert.Matches("data-routes=\"\\[[^\"]*G60", raw);
        var page = WebUtility.HtmlDecode(raw);
        Assert.Contains("id=\"rd-map\"", page);
        Assert.Contains("id=\"rd-result\"", page);
        Assert.Contains("K151+000", page);
        Assert.Contains("js/rd-routes.js", page);
        var where = await desk.GetStringAsync("/traffic/routes?lon=120.16&lat=30.3256&heading=272");
        Assert.Matches("rd-result[^<]*>[^<]*G60", where);
        var nowhere = await desk.GetStringAsync("/traffic/routes?lon=120.16&lat=30.38");
        Assert.Contains("id=\"rd-error\"", nowhere);
    }

    [Fact]
    public async Task The_import_page_lists_every_bad_feature_of_a_refused_file()
    {
        await using var app = await RoadKit.StartAsync();
        var desk = await RoadKit.DeskAsync(app);
        var form = await desk.GetStringAsync("/traffic/routes/import");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("import"), "_handler" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(RoadKit.Collection(
            RoadKit.Feature("G60", "sideways", "K150+000", RoadKit.UpLine), RoadKit.G60Up(), RoadKit.Feature("G92", "up", "oops", RoadKit.UpLine))));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        content.Add(file, "file", "routes.geojson");
        var response = await desk.PostAsync("/traffic/routes/import", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"rd-import-errors\"", html);
        Assert.Contains("<td>0</td><td>G60</td><td>direction</td>", html);
        Assert.Contains("<td>2</td><td>G92</td><td>startStake</td>", html);
        Assert.Equal(0, await RoadKit.DbAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Expressways)));
    }
}
