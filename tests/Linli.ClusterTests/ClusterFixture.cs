using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Linli.ClusterTests;

/// <summary>
/// Two Linli nodes on one fresh PostgreSQL database and one Redis, behind nginx, sharing the key
/// and file folders as a real deployment shares them (a network volume). The services come from the
/// test command: LINLI_TEST_POSTGRES (a server, the fixture creates its own database) and
/// LINLI_TEST_REDIS (host:port). Missing services fail the tests; they never skip.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AdminPassword = "Cluster-Admin-2026";

    private readonly string _shared = Directory.CreateTempSubdirectory("linli-cluster-").FullName;
    private string _database = "";
    private string _redis = "";

    public LinliNode NodeA { get; private set; } = null!;
    public LinliNode NodeB { get; private set; } = null!;
    public NginxBalancer Balancer { get; private set; } = null!;
    public string DatabaseConnection { get; private set; } = "";
    public string AdminToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES")
            ?? throw new InvalidOperationException("LINLI_TEST_POSTGRES is not set: the cluster tests need the throwaway PostgreSQL that test.sh starts.");
        var redis = Environment.GetEnvironmentVariable("LINLI_TEST_REDIS")
            ?? throw new InvalidOperationException("LINLI_TEST_REDIS is not set: the cluster tests need the throwaway Redis that test.sh starts.");
        _database = $"linli_cluster_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        DatabaseConnection = $"{server};Database={_database}";
        _redis = redis;
        var settings = SettingsFor(DatabaseConnection);
        NodeA = new LinliNode("node-a", ClusterPaths.FreePort(), settings);
        NodeB = new LinliNode("node-b", ClusterPaths.FreePort(), settings);
        // A first, so that one node applies the migrations; B then starts on a current schema.
        NodeA.Start();
        await NodeA.WaitReadyAsync(TimeSpan.FromMinutes(4));
        NodeB.Start();
        await NodeB.WaitReadyAsync(TimeSpan.FromMinutes(2));
        Balancer = new NginxBalancer(ClusterPaths.FreePort(), [NodeA.Port, NodeB.Port]);
        await Balancer.WaitListeningAsync();
        AdminToken = await AdminTokenWithSecondFactorAsync(NodeA.BaseAddress);
        using var client = ClientFor(NodeA.BaseAddress);
        var imported = await client.PostAsync("/api/v1/regions/import", Json(RegionTree.Base()));
        Assert.True(imported.IsSuccessStatusCode, $"base tree import: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
        // Node B reloads its region index within a poll interval; until then it would refuse reports as outside every grid.
        using var nodeB = ClientFor(NodeB.BaseAddress);
        var (lon, lat) = RegionTree.GridCentre(120.10, 30.30, 120.20, 30.34, 4, 0);
        for (var i = 0; i < 100 && !(await nodeB.GetAsync(FormattableString.Invariant($"/api/v1/locate?lon={lon}&lat={lat}"))).IsSuccessStatusCode; i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>A node's settings: the shared folders of this cluster, on the given database; Redis only for the cluster's own database.</summary>
    public Dictionary<string, string> SettingsFor(string database) => new()
    {
        ["ConnectionStrings__Linli"] = database + ";Maximum Pool Size=40",
        ["ConnectionStrings__Redis"] = database == DatabaseConnection ? _redis : "",
        ["Linli__KeysPath"] = Path.Combine(_shared, "keys"),
        ["Linli__FilesPath"] = Path.Combine(_shared, "files"),
        // Trained once per machine from the repository's corpus and reused, as a deployment keeps its model folder.
        ["Linli__ModelsPath"] = Path.Combine(Path.GetTempPath(), "linli-cluster-models"),
        ["Linli__DemoCity"] = "none",
        ["Linli__AdminPassword"] = AdminPassword,
        ["Linli__EscalationSweepSeconds"] = "1",
        ["Linli__RegionIndexPollSeconds"] = "1",
        ["Linli__RateLimits__PublicPerMinute"] = "100000000",
        ["Linli__RateLimits__SignInPerMinute"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public HttpClient ClientFor(Uri node, bool signedIn = true)
    {
        var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        if (signedIn)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        }
        return client;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Administrators act only after a second factor (MLPS level 3): turn it on as an operator would, then sign in with a code.</summary>
    private static async Task<string> AdminTokenWithSecondFactorAsync(Uri node)
    {
        using var client = new HttpClient { BaseAddress = node };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(node, "admin", AdminPassword));
        var key = (await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/two-factor")).GetProperty("sharedKey").GetString()!;
        var enabled = await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = Linli.Tests.Infrastructure.Totp.Code(key) });
        Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
        return await TokenAsync(node, "admin", AdminPassword, Linli.Tests.Infrastructure.Totp.Code(key));
    }

    public static async Task<string> TokenAsync(Uri node, string username, string password, string? totp = null)
    {
        using var client = new HttpClient { BaseAddress = node };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password, totp });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {username}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Balancer is not null)
        {
            await Balancer.DisposeAsync();
        }
        foreach (var node in new[] { NodeA, NodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
        try
        {
            var server = Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES")!;
            await using var admin = new NpgsqlConnection(server + ";Database=postgres");
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The throwaway server goes away with the test run anyway.
        }
        Directory.Delete(_shared, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
