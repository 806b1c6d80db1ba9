using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Lists.Alliance;

public sealed class AllianceDemoDataTests
{
    [Fact]
    public async Task The_demo_city_gets_alliance_merchants_on_the_map_and_two_stations_with_services()
    {
        await using var app = await TestApp.StartAsync(demoCity: "demo");
        var deadline = Environment.TickCount64 + 90_000;
        JsonElement map;
        while (true)
        {
            map = await app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/merchants/geojson");
            if (map.GetProperty("features").GetArrayLength() > 0 || Environment.TickCount64 > deadline)
            {
                break;
            }
            await Task.Delay(250);
        }
        Assert.Equal(3, map.GetProperty("features").GetArrayLength());
        var stations = await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/stations");
        Assert.Equal(2, stations.GetArrayLength());
        Assert.All(stations.EnumerateArray(), s => Assert.Equal(3, s.GetProperty("services").GetArrayLength()));
    }
}
