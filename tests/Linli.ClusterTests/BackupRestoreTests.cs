using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Linli.ClusterTests;

/// <summary>
/// The restore in docs/operations.md, done: pg_dump while the cluster serves, pg_restore into a new
/// database, a node started on it with the same key folder reads the cases back and accepts the
/// tokens the old nodes issued (the key ring came along).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class BackupRestoreTests(ClusterFixture cluster)
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";

    [Fact]
    public async Task A_dump_taken_while_the_cluster_serves_restores_into_a_database_a_new_node_serves_from()
    {
        using var anonymous = cluster.ClientFor(cluster.Balancer.BaseAddress, signedIn: false);
        var created = await anonymous.PostAsync("/api/v1/cases", ClusterFixture.Json(Reports.Next()));
        // 201, or 200 when the point repeats one the load test reported (the report joins that case).
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var reported = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = reported.GetProperty("id").GetString();

        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("LINLI_TEST_POSTGRES"));
        var source = new NpgsqlConnectionStringBuilder(cluster.DatabaseConnection).Database!;
        var restored = source[..Math.Min(source.Length, 40)] + "_restored";
        var dump = Path.Combine(Path.GetTempPath(), $"{restored}.dump");
        string[] connection = ["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!];
        await RunAsync("pg_dump", [.. connection, "-Fc", "-d", source, "-f", dump]);
        await RunAsync("createdb", [.. connection, restored]);
        await using var node = new LinliNode("node-restored", ClusterPaths.FreePort(), cluster.SettingsFor(
            new NpgsqlConnectionStringBuilder(cluster.DatabaseConnection) { Database = restored }.ConnectionString));
        try
        {
            await RunAsync("pg_restore", [.. connection, "--no-owner", "-d", restored, dump]);
            node.Start();
            await node.WaitReadyAsync(TimeSpan.FromMinutes(2));

            // The token came from node A before the dump: the restored node reads it with the same key ring.
            using var admin = cluster.ClientFor(node.BaseAddress);
            var read = await admin.GetAsync($"/api/v1/cases/{id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var back = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(reported.GetProperty("number").GetString(), back.GetProperty("number").GetString());
            Assert.Equal(reported.GetProperty("description").GetString(), back.GetProperty("description").GetString());
            Assert.Equal(reported.GetProperty("regions").ToString(), back.GetProperty("regions").ToString());
            var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/history");
            Assert.True(history.GetArrayLength() >= 1);
        }
        finally
        {
            // Stopped before its database is dropped (the using's dispose then has nothing left to do).
            await node.DisposeAsync();
            File.Delete(dump);
            await RunAsync("dropdb", [.. connection, "--force", "--if-exists", restored]);
        }
    }

    private static async Task RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(PostgresBin, tool), arguments) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {errors}");
    }
}
