using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Cases;

/// <summary>
/// Issue #5, "nothing lost": reports go to a real Linli process under load, the process is killed
/// with SIGKILL, restarted, and every report that was answered 201 or 200 must be stored exactly
/// once; retrying every key afterwards (answered or not) must not store anything twice.
/// </summary>
[Trait("Category", "Database")]
public sealed class CrashTests
{
    [Fact]
    public async Task Every_acknowledged_report_survives_a_SIGKILL_exactly_once_and_retries_do_not_duplicate()
    {
        var models = Path.Combine(Path.GetTempPath(), $"linli-models-{Guid.NewGuid():N}");
        var files = Path.Combine(Path.GetTempPath(), $"linli-files-{Guid.NewGuid():N}");
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string> { ["Linli:ModelsPath"] = models });
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        // Trains the model once and saves it where the process below loads it.
        Assert.True((await app.Anonymous.PostAsJsonAsync("/api/v1/cases/suggest", new { text = "路灯不亮" })).IsSuccessStatusCode);

        var bodies = new ConcurrentDictionary<string, object>();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var port = FreePort();
        using (var first = Start(app, port, models, files))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(client, first);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"crash-{sender}-{i}";
                    var body = new
                    {
                        category = "1103",
                        description = $"{sender}号楼{i}单元门口垃圾桶满了",
                        lon = 120.1105 + sender * 0.00001,
                        lat = 30.3105 + (i % 50) * 0.00001,
                    };
                    bodies[key] = body;
                    try
                    {
                        using var response = await SendAsync(client, key, body);
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            acknowledged[key] = await CaseIdAsync(response);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();
            // Kill it mid-stream: once enough reports were answered (or after 60 s, whichever is first).
            var until = Environment.TickCount64 + 60_000;
            while (acknowledged.Count < 60 && Environment.TickCount64 < until && senders.Any(s => !s.IsCompleted))
            {
                await Task.Delay(50);
            }
            await Task.Delay(200);
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            await first.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(senders);
        }
        Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} reports were answered before the kill");

        using (var second = Start(app, port, models, files))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitReadyAsync(client, second);

            // Every answered report is stored, exactly once, in the case it was answered with.
            var stored = await StoredAsync(app);
            foreach (var (key, caseId) in acknowledged)
            {
                Assert.True(stored.TryGetValue(key, out var found), $"{key} was answered but is not stored");
                Assert.Equal(caseId, found);
            }
            Assert.Equal(stored.Count, await CountReportsAsync(app));

            // Retrying every key, answered or not, stores each report once.
            foreach (var (key, body) in bodies)
            {
                using var response = await SendAsync(client, key, body);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var caseId = await CaseIdAsync(response);
                if (acknowledged.TryGetValue(key, out var before))
                {
                    Assert.Equal(before, caseId);
                }
            }
            var after = await StoredAsync(app);
            Assert.Equal(bodies.Count, after.Count);
            Assert.Equal(bodies.Count, await CountReportsAsync(app));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<string> CaseIdAsync(HttpResponseMessage response)
    {
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.TryGetProperty("duplicateOf", out var of) ? of.GetProperty("id").GetString()! : answer.GetProperty("id").GetString()!;
    }

    /// <summary>Key → the case its report is in, read straight from the database.</summary>
    private static async Task<Dictionary<string, string>> StoredAsync(TestApp app)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var rows = await (from k in db.IdempotencyRecords
                          join r in db.CaseReports on k.ReportId equals r.Id
                          select new { k.Key, r.CaseId }).ToListAsync();
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
        return rows.ToDictionary(r => r.Key, r => r.CaseId.ToString());
    }

    private static async Task<int> CountReportsAsync(TestApp app)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        return await db.CaseReports.CountAsync();
    }

    /// <summary>The built app as its own process on the test's database and keys.</summary>
    private static Process Start(TestApp app, int port, string models, string files)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Linli.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Linli"] = app.Database.ConnectionString;
        start.Environment["Linli__KeysPath"] = app.Factory.KeysPath;
        start.Environment["Linli__ModelsPath"] = models;
        start.Environment["Linli__FilesPath"] = files;
        start.Environment["Linli__DemoCity"] = "none";
        start.Environment["Linli__AdminPassword"] = LinliAppFactory.AdminPassword;
        start.Environment["Linli__RateLimits__PublicPerMinute"] = "1000000";
        start.Environment["Linli__EscalationSweepSeconds"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        var deadline = Environment.TickCount64 + 120_000;
        while (Environment.TickCount64 < deadline)
        {
            Assert.False(process.HasExited, $"Linli exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("Linli did not become ready");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
