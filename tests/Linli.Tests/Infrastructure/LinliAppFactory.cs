using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linli.Tests.Infrastructure;

/// <summary>The whole app in process over a private database (rule 15).</summary>
public sealed class LinliAppFactory(string connectionString, string demoCity = "none") : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program.cs builds the host.
        builder.UseSetting("ConnectionStrings:Linli", connectionString);
        builder.UseSetting("Linli:DemoCity", demoCity);
        builder.UseSetting("Linli:RegionIndexPollSeconds", "0.2");
    }

    public async Task StartAsync()
    {
        using var client = CreateClient();
        await WaitUntilReadyAsync(client);
    }

    /// <summary>Waits for /readyz: the database reachable and the region index loaded.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient client, int seconds = 60)
    {
        var deadline = Environment.TickCount64 + seconds * 1000L;
        while (true)
        {
            var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Linli not ready after {seconds} s: {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(50);
        }
    }
}

/// <summary>One test's app, client and database, disposed together.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(TestDatabase database, LinliAppFactory factory, HttpClient client)
    {
        Database = database;
        Factory = factory;
        Client = client;
    }

    public TestDatabase Database { get; }
    public LinliAppFactory Factory { get; }
    public HttpClient Client { get; }

    public static async Task<TestApp> StartAsync(string demoCity = "none")
    {
        var database = await TestDatabase.CreateAsync();
        var factory = new LinliAppFactory(database.ConnectionString, demoCity);
        var client = factory.CreateClient();
        await LinliAppFactory.WaitUntilReadyAsync(client, demoCity == "none" ? 60 : 180);
        return new TestApp(database, factory, client);
    }

    public Task<HttpResponseMessage> ImportAsync(string geoJson) =>
        Client.PostAsync("/api/v1/regions/import", new StringContent(geoJson, System.Text.Encoding.UTF8, "application/geo+json"));

    public async Task<T> GetJsonAsync<T>(string url) =>
        await Client.GetFromJsonAsync<T>(url) ?? throw new InvalidOperationException($"{url} returned null");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
