using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;

namespace Linli.ClusterTests;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class ClusterTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_case_reported_on_node_A_reaches_live_clients_on_node_B_and_through_nginx()
    {
        var direct = await Listener.StartAsync(cluster.NodeB.BaseAddress, HttpTransportType.LongPolling, cluster.AdminToken);
        var balanced = await Listener.StartAsync(cluster.Balancer.BaseAddress, HttpTransportType.WebSockets, cluster.AdminToken);
        using var anonymous = cluster.ClientFor(cluster.NodeA.BaseAddress, signedIn: false);

        var created = await anonymous.PostAsync("/api/v1/cases", ClusterFixture.Json(Reports.Next()));
        // 201, or 200 when the point repeats one the load test reported (the report joins that case).
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();

        Assert.Equal(number, (await direct.Received(number!).WaitAsync(TimeSpan.FromSeconds(30))).GetProperty("number").GetString());
        Assert.Equal(number, (await balanced.Received(number!).WaitAsync(TimeSpan.FromSeconds(30))).GetProperty("number").GetString());
        await direct.DisposeAsync();
        await balanced.DisposeAsync();
    }

    [Fact]
    public async Task An_escalation_that_falls_due_while_both_nodes_sweep_is_recorded_once()
    {
        using var anonymous = cluster.ClientFor(cluster.Balancer.BaseAddress, signedIn: false);
        var created = await anonymous.PostAsync("/api/v1/cases", ClusterFixture.Json(Reports.Next()));
        // 201, or 200 when the point repeats one the load test reported (the report joins that case).
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        // Past its stage deadline: the sweep on either node records supervision for every level that is due (on the
        // working calendar, so at least the community's), each exactly once.
        var now = TimeProvider.System.GetUtcNow();
        await cluster.ExecuteAsync("""UPDATE cases SET "StageStartedAt" = @started, "StageDeadlineMs" = @deadline WHERE "Id" = @id""",
            ("started", now.AddHours(-2)), ("deadline", now.AddHours(-1).ToUnixTimeMilliseconds()), ("id", id));

        // Within one lease of the sweep (15 s at a 1 s interval), even when the lease's holder was just killed.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(45);
        long count = 0;
        while (TimeProvider.System.GetUtcNow() < deadline && (count = await EscalationsAsync(id)) < 1)
        {
            await Task.Delay(500);
        }
        Assert.True(count >= 1, "no escalation recorded within 45 s");
        // Both nodes sweep every second: give them several more rounds to record anything twice.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var levels = await cluster.ScalarAsync<long>("""SELECT count(DISTINCT "Level") FROM case_escalations WHERE "CaseId" = @id""", ("id", id));
        Assert.Equal(levels, await EscalationsAsync(id));
        var notices = await cluster.ScalarAsync<long>("""SELECT count(*) FROM case_notifications WHERE "CaseId" = @id AND "Kind" = 'escalated'""", ("id", id));
        Assert.Equal(levels, notices);
    }

    [Fact]
    public async Task After_an_import_on_node_A_node_B_locates_points_in_the_new_grids()
    {
        var (lon, lat) = RegionTree.GridCentre(120.10, 30.50, 120.20, 30.54, 2, 1);
        using var nodeA = cluster.ClientFor(cluster.NodeA.BaseAddress);
        using var nodeB = cluster.ClientFor(cluster.NodeB.BaseAddress);
        Assert.Null(await GridAtAsync(nodeB, lon, lat));

        var imported = await nodeA.PostAsync("/api/v1/regions/import", ClusterFixture.Json(RegionTree.Added()));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        string? grid = null;
        var until = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (TimeProvider.System.GetUtcNow() < until && (grid = await GridAtAsync(nodeB, lon, lat)) is null)
        {
            await Task.Delay(250);
        }
        Assert.Equal("330106001001002", grid);
    }

    private async Task<long> EscalationsAsync(Guid id) =>
        await cluster.ScalarAsync<long>("""SELECT count(*) FROM case_escalations WHERE "CaseId" = @id""", ("id", id));

    private static async Task<string?> GridAtAsync(HttpClient client, double lon, double lat)
    {
        var response = await client.GetAsync(FormattableString.Invariant($"/api/v1/locate?lon={lon}&lat={lat}"));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.TryGetProperty("grid", out var g) && g.ValueKind == JsonValueKind.Object ? g.GetProperty("code").GetString() : null;
    }
}
