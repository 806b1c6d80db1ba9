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
        var stations = (await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/stations")).EnumerateArray().ToList();
        // Two red stations with three services each, and the riders' home whose courses riders book (issue #9).
        var red = stations.Where(s => s.GetProperty("name").GetString()!.Contains("红色邻里服务站", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, red.Count);
        Assert.All(red, s => Assert.Equal(3, s.GetProperty("services").GetArrayLength()));
        var riders = Assert.Single(stations.Except(red));
        Assert.All(riders.GetProperty("services").EnumerateArray(), v => Assert.Equal("rider-courses", v.GetProperty("category").GetString()));
        Assert.Equal(3, riders.GetProperty("services").GetArrayLength());
        var first = red[0];
        var services = await app.Client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/couriers/services?lon={first.GetProperty("lon").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}" +
            $"&lat={first.GetProperty("lat").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}&radius=20000");
        var kinds = services.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "battery-swap", "rider-meals", "rider-rest", "rider-courses" }, kinds);
    }
}
