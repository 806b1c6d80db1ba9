using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Infrastructure.ScaleOut;
using Linli.Tests.Cases;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Linli.Tests.Operations;

/// <summary>Alone: every app in this process reports into meters of the same name, so parallel apps would blur the counts.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryTests))]
public sealed partial class TelemetryTests
{
    [Fact]
    public async Task The_scrape_endpoint_counts_the_reports_intake_took_in_and_the_open_cases_by_stage()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string> { ["Linli:Telemetry:GaugeSeconds"] = "0.2" });
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report(lon: 120.1105 + i * 0.01))).StatusCode);
        }

        string metrics = "";
        for (var attempt = 0; attempt < 50 && Gauge(metrics, "linli_cases_open", "reported") < 3; attempt++)
        {
            await Task.Delay(200);
            metrics = await app.Anonymous.GetStringAsync("/metrics");
        }

        Assert.Equal(3, Gauge(metrics, "linli_cases_reported_total", "web"));
        Assert.Equal(3, Gauge(metrics, "linli_cases_open", "reported"));
        Assert.Contains("linli_intake_queue", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics);
    }

    [Fact]
    public async Task Every_response_names_its_request_so_that_a_complaint_finds_its_log_lines()
    {
        await using var app = await TestApp.StartAsync();

        var first = await app.Anonymous.GetAsync("/api/v1/regions");
        var second = await app.Anonymous.GetAsync("/does-not-exist");

        var ids = new[] { first, second }.Select(r => Assert.Single(r.Headers.GetValues("X-Request-Id"))).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task Readiness_fails_when_Redis_does_not_answer()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 300;
        var check = new RedisHealthCheck(new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(options)));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Redis", result.Description, StringComparison.Ordinal);
    }

    /// <summary>The value of a Prometheus sample whose labels contain the given one (0 when absent).</summary>
    private static double Gauge(string metrics, string name, string label)
    {
        foreach (Match m in Sample().Matches(metrics))
        {
            if (m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains($"\"{label}\"", StringComparison.Ordinal))
            {
                return double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
