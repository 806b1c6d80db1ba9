using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Xunit.Abstractions;

namespace Linli.ClusterTests;

/// <summary>
/// A node dies in the middle of a peak: steady intake through nginx, SIGKILL on node A, the load
/// goes on on node B, A restarts and rejoins. Every report answered 201 must be stored exactly once;
/// the error rate during the failover is reported (the figure goes to bench/README.md).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class FailoverTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const int Workers = 12;

    [Fact]
    public async Task Killing_a_node_under_load_loses_no_acknowledged_report_and_the_node_rejoins()
    {
        var accepted = new ConcurrentBag<(Guid Id, string Key)>();
        var outcomes = new ConcurrentBag<(long AtMs, bool Ok)>();
        var failures = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = cluster.Balancer.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var load = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var key = Guid.NewGuid().ToString("N");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = ClusterFixture.Json(Reports.Next()) };
                request.Headers.Add("Idempotency-Key", key);
                try
                {
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                        accepted.Add((id, key));
                    }
                    outcomes.Add((clock.ElapsedMilliseconds, response.IsSuccessStatusCode));
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcomes.Add((clock.ElapsedMilliseconds, false));
                    failures.AddOrUpdate(e is TaskCanceledException ? "client timeout (10 s)" : e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        })).ToList();

        // Steady load first: both nodes warm, a few dozen reports through each.
        while (outcomes.Count(o => o.Ok) < 60 && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var killedAt = clock.ElapsedMilliseconds;
        cluster.NodeA.Kill();
        await Task.Delay(TimeSpan.FromSeconds(6));
        var whileDown = outcomes.Count(o => o.AtMs > killedAt + 1000 && o.Ok);
        cluster.NodeA.Start();
        await cluster.NodeA.WaitReadyAsync(TimeSpan.FromMinutes(2));
        var rejoinedAt = clock.ElapsedMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(6));
        stop.Cancel();
        await Task.WhenAll(load);

        var all = outcomes.ToList();
        var failover = all.Where(o => o.AtMs >= killedAt && o.AtMs < rejoinedAt).ToList();
        var before = all.Where(o => o.AtMs < killedAt).ToList();
        var after = all.Where(o => o.AtMs >= rejoinedAt).ToList();
        var report = FormattableString.Invariant($"failover: {all.Count} requests in {clock.Elapsed.TotalSeconds:0} s with {Workers} workers; before the kill {Rate(before)}; ")
            + FormattableString.Invariant($"from the kill until node A was ready again ({(rejoinedAt - killedAt) / 1000.0:0.0} s) {Rate(failover)}; after {Rate(after)}; ")
            + "failures: " + (failures.IsEmpty ? "none" : string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} × {f.Value}")));
        output.WriteLine(report);
        Console.WriteLine(report);

        Assert.True(whileDown > 20, $"the load did not go on on node B while A was down ({whileDown} successes)");
        Assert.True(after.Count(o => o.Ok) > 20, "the cluster did not serve after node A rejoined");
        var ids = accepted.Select(a => a.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        var stored = await cluster.ScalarAsync<long>("""SELECT count(*) FROM cases WHERE "Id" = ANY(@ids)""", ("ids", ids));
        Assert.Equal(ids.Length, stored);
        var reports = await cluster.ScalarAsync<long>("""SELECT count(*) FROM case_reports WHERE "CaseId" = ANY(@ids)""", ("ids", ids));
        Assert.Equal(ids.Length, reports);

        // Node A serves again on its own, not only through nginx, and is back on the backplane both ways.
        await using var onA = await Listener.StartAsync(cluster.NodeA.BaseAddress, HttpTransportType.LongPolling, cluster.AdminToken);
        await using var onB = await Listener.StartAsync(cluster.NodeB.BaseAddress, HttpTransportType.LongPolling, cluster.AdminToken);
        Assert.True(await ReachesAsync(cluster.NodeA.BaseAddress, onB), "reports on the restarted node A never reached a client on node B");
        Assert.True(await ReachesAsync(cluster.NodeB.BaseAddress, onA), "reports on node B never reached a client on the restarted node A");
    }

    /// <summary>
    /// Reports on one node until a client on the other hears of one (within 30 s). A client's start
    /// returns before the server has joined it to its groups, so the very first message may come too early.
    /// </summary>
    private async Task<bool> ReachesAsync(Uri reportOn, Listener listener)
    {
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (TimeProvider.System.GetUtcNow() < until)
        {
            var number = await ReportAsync(reportOn);
            try
            {
                await listener.Received(number).WaitAsync(TimeSpan.FromSeconds(3));
                return true;
            }
            catch (TimeoutException)
            {
                // not joined yet, or lost: report again
            }
        }
        return false;
    }

    private async Task<string> ReportAsync(Uri node)
    {
        using var client = cluster.ClientFor(node, signedIn: false);
        var response = await client.PostAsync("/api/v1/cases", ClusterFixture.Json(Reports.Next()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private static string Rate(List<(long AtMs, bool Ok)> outcomes) => outcomes.Count == 0
        ? "no requests"
        : FormattableString.Invariant($"{outcomes.Count} requests, {outcomes.Count(o => !o.Ok)} failed ({100.0 * outcomes.Count(o => !o.Ok) / outcomes.Count:0.00} %)");
}
