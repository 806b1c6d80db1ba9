using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.DemoCity;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Geography;

public sealed class DemoCityTests
{
    private static readonly Lazy<List<RegionDraft>> Demo = new(() => new DemoCityGenerator(DemoScale.Demo).Generate().ToList());

    [Fact]
    public void The_demo_scale_has_about_1500_grids_of_300_to_500_households_with_buildings()
    {
        var grids = Demo.Value.Where(d => d.Level == RegionLevel.Grid).ToList();

        Assert.InRange(grids.Count, 1_300, 1_800);
        Assert.All(grids, g => Assert.InRange(g.Households!.Value, 300, 500));
        Assert.Equal(13, Demo.Value.Count(d => d.Level == RegionLevel.District));
        Assert.InRange(Demo.Value.Count(d => d.Level == RegionLevel.Building), grids.Count * 5, grids.Count * 10);
        Assert.All(Demo.Value, d => Assert.True(d.Geometry.IsValid, $"{d.Code} is invalid"));
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var again = new DemoCityGenerator(DemoScale.Demo).Generate().Take(3_000).ToList();

        Assert.Equal(Demo.Value.Take(3_000).Select(d => (d.Code, d.Name, d.Geometry.AsText())), again.Select(d => (d.Code, d.Name, d.Geometry.AsText())));
    }

    [Fact]
    public void The_places_the_plan_names_are_where_they_belong()
    {
        var byCode = Demo.Value.ToDictionary(d => d.Code);
        var kangqiao = Assert.Single(Demo.Value, d => d.Name == "康桥街道");
        Assert.Equal("330105", kangqiao.ParentCode);
        var tianxin = Assert.Single(Demo.Value, d => d.Name == "天新社区");
        Assert.Equal("330102", byCode[tianxin.ParentCode!].ParentCode);
        var qiantan = Assert.Single(Demo.Value, d => d.Name == "乾潭镇");
        Assert.Equal("330182", qiantan.ParentCode);
        // Towns take the 100-199 range of street codes.
        Assert.InRange(int.Parse(qiantan.Code[6..], System.Globalization.CultureInfo.InvariantCulture), 100, 199);
    }

    [Fact]
    public void Grids_are_denser_towards_the_centre()
    {
        var grids = Demo.Value.Where(d => d.Level == RegionLevel.Grid).ToList();
        double MeanArea(string district) => grids.Where(g => g.Code.StartsWith(district, StringComparison.Ordinal)).Average(g => g.Geometry.Area);

        Assert.True(MeanArea("330102") * 20 < MeanArea("330127"), "上城区 grids should be far smaller than 淳安县 grids");
    }

    [Fact]
    public void Codes_extend_their_parents_and_grids_are_numbered_from_the_north_west()
    {
        var byCode = Demo.Value.ToDictionary(d => d.Code);
        foreach (var draft in Demo.Value.Where(d => d.ParentCode is not null))
        {
            var parent = byCode[draft.ParentCode!];
            var prefix = parent.Level == RegionLevel.City ? parent.Code[..4] : parent.Code;
            Assert.StartsWith(prefix, draft.Code, StringComparison.Ordinal);
        }
        var community = Demo.Value.First(d => d.Level == RegionLevel.Community && Demo.Value.Count(g => g.ParentCode == d.Code) >= 4);
        var grids = Demo.Value.Where(g => g.ParentCode == community.Code).ToList();
        Assert.True(grids[0].Geometry.InteriorPoint.Y > grids[^1].Geometry.InteriorPoint.Y, "the first grid lies north of the last");
    }

    [Fact]
    [Trait("Category", "Database")]
    public async Task The_generate_command_writes_a_file_the_importer_accepts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"linli-demo-{Guid.NewGuid():N}.geojson");
        try
        {
            Assert.Equal(0, GenerateCommand.Run(["generate", "--scale", "demo", "--out", path], TextWriter.Null, TextWriter.Null));
            await using var app = await TestApp.StartAsync();

            var response = await app.Client.PostAsync("/api/v1/regions/import",
                new StreamContent(File.OpenRead(path)) { Headers = { ContentType = new("application/geo+json") } });

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var counts = JsonDocument.Parse(body).RootElement.GetProperty("counts");
            Assert.Equal(Demo.Value.Count(d => d.Level == RegionLevel.Grid), counts.GetProperty("grid").GetInt32());
            var located = await app.GetJsonAsync<JsonElement>("/api/v1/locate?lon=120.16&lat=30.27");
            Assert.Equal("330100", located.GetProperty("city").GetProperty("code").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_generate_command_explains_its_usage_on_bad_arguments()
    {
        var error = new StringWriter();
        Assert.Equal(2, GenerateCommand.Run(["generate", "--scale", "huge"], TextWriter.Null, error));
        Assert.Contains("usage", error.ToString());
    }

    [Fact]
    [Trait("Category", "Database")]
    public async Task A_new_database_gets_the_demo_city_with_its_party_organisations()
    {
        await using var app = await TestApp.StartAsync(demoCity: "demo");

        var city = await app.GetJsonAsync<JsonElement>("/api/v1/regions/330100");
        Assert.Equal(13, city.GetProperty("childrenCount").GetInt32());
        var grid = Demo.Value.First(d => d.Level == RegionLevel.Grid);
        var party = await app.GetJsonAsync<JsonElement>($"/api/v1/regions/{grid.Code}/party");
        Assert.EndsWith("党支部", party.GetProperty("name").GetString());
        Assert.True(party.GetProperty("members").GetArrayLength() >= 3);
        // Blazor's static renderer writes non-ASCII text as character references (dotnet/aspnetcore#52683).
        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/")).StatusCode);
        Assert.Contains("杭州市", page);
        Assert.Contains("拱墅区", page);
    }
}
