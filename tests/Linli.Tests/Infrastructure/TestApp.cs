using System.Net.Http.Json;
using System.Text.Json;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// One test's app, database and clients, disposed together. <see cref="Client"/> is an
/// administrator signed in with two factors; <see cref="Anonymous"/> has no credentials.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private TestApp(TestDatabase database, LinliAppFactory factory)
    {
        Database = database;
        Factory = factory;
        Anonymous = factory.CreateClient();
        Client = Anonymous;
    }

    public TestDatabase Database { get; }
    public LinliAppFactory Factory { get; }
    public HttpClient Client { get; private set; }
    public HttpClient Anonymous { get; }
    public string AdminKey { get; private set; } = "";

    public static async Task<TestApp> StartAsync(string demoCity = "none", IReadOnlyDictionary<string, string>? settings = null,
        TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync();
        var factory = new LinliAppFactory(database.ConnectionString, demoCity, settings: settings, clock: clock);
        var app = new TestApp(database, factory);
        await LinliAppFactory.WaitUntilReadyAsync(app.Anonymous, demoCity == "none" ? 60 : 180);
        await app.WaitForAdminAsync();
        var firstToken = await factory.TokenAsync("admin", LinliAppFactory.AdminPassword);
        app.AdminKey = await factory.EnableTwoFactorAsync(firstToken);
        app.Client = app.Track(factory.ClientWithToken(await factory.TokenAsync("admin", LinliAppFactory.AdminPassword, app.AdminKey)));
        return app;
    }

    /// <summary>The admin account is created by a background step right after start.</summary>
    private async Task WaitForAdminAsync()
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            var response = await Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = LinliAppFactory.AdminPassword });
            if (response.IsSuccessStatusCode || Environment.TickCount64 > deadline)
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Creates an account with one assignment and returns a client signed in as it.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string? scope = null, string? department = null, string? username = null)
    {
        username ??= $"{role}-{Guid.NewGuid():N}"[..30];
        const string password = "Pass-word-2026x";
        var created = await Client.PostAsJsonAsync("/api/v1/users", new
        {
            username,
            password,
            displayName = "测试用户",
            phone = "13800001111",
            assignments = new[] { new { role, scope, department } },
        });
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Cannot create {role}: {await created.Content.ReadAsStringAsync()}");
        }
        return Track(Factory.ClientWithToken(await Factory.TokenAsync(username, password)));
    }

    public Task<HttpResponseMessage> ImportAsync(string geoJson) =>
        Client.PostAsync("/api/v1/regions/import", new StringContent(geoJson, System.Text.Encoding.UTF8, "application/geo+json"));

    public async Task<T> GetJsonAsync<T>(string url) =>
        await Client.GetFromJsonAsync<T>(url) ?? throw new InvalidOperationException($"{url} returned null");

    public async Task<JsonElement> GetJsonAsync(string url) => await GetJsonAsync<JsonElement>(url);

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        Anonymous.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
