using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Geography;

[Trait("Category", "Database")]
public sealed class HealthAndNodesTests
{
    [Fact]
    public async Task Alive_and_ready_probes_answer_once_the_index_is_loaded()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode);
        var ready = await app.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("region-index").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_import_on_one_node_reaches_the_index_of_another_node_on_the_same_database()
    {
        await using var nodeA = await TestApp.StartAsync();
        // Same database and the same keys: tokens issued by one node are good on the other.
        await using var nodeB = new LinliAppFactory(nodeA.Database.ConnectionString, keysPath: nodeA.Factory.KeysPath);
        using var clientB = nodeB.CreateClient();
        await LinliAppFactory.WaitUntilReadyAsync(clientB);
        clientB.DefaultRequestHeaders.Authorization = nodeA.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync("/api/v1/locate?lon=120.11&lat=30.32")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await nodeA.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);

        // The importing node answers at once; the other within its poll interval (0.2 s in tests).
        Assert.Equal(HttpStatusCode.OK, (await nodeA.Client.GetAsync("/api/v1/locate?lon=120.11&lat=30.32")).StatusCode);
        var deadline = Environment.TickCount64 + 10_000;
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            status = (await clientB.GetAsync("/api/v1/locate?lon=120.11&lat=30.32")).StatusCode;
        }
        while (status != HttpStatusCode.OK && Environment.TickCount64 < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_geography_endpoints()
    {
        await using var app = await TestApp.StartAsync();
        var document = await app.GetJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/regions/import", out _));
        Assert.True(paths.TryGetProperty("/api/v1/locate", out _));
        Assert.True(paths.TryGetProperty("/api/v1/regions/{code}/geojson", out _));
    }
}
