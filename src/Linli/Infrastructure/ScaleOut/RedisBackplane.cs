using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Linli.Infrastructure.ScaleOut;

/// <summary>
/// Several nodes behind a load balancer: with <c>ConnectionStrings:Redis</c> set, SignalR messages go
/// through Redis, so a case moved on node A reaches a browser connected to node B. Without it (one
/// node, the embedded default) nothing changes. Redis carries only these messages: losing it delays
/// live updates, never data.
/// </summary>
internal static class RedisBackplane
{
    public static WebApplicationBuilder AddRedisBackplane(this WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connection))
        {
            return builder;
        }
        var options = ConfigurationOptions.Parse(connection);
        // A node starts (and serves) while Redis is down; the multiplexer reconnects on its own.
        options.AbortOnConnectFail = false;
        options.ChannelPrefix = RedisChannel.Literal(builder.Configuration["Linli:Redis:ChannelPrefix"] ?? "linli");
        var multiplexer = new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(options));
        builder.Services.AddSingleton(multiplexer);
        builder.Services.AddSignalR().AddStackExchangeRedis(o => o.ConnectionFactory = async _ => await multiplexer.Value);
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }
}

/// <summary>Ready only when Redis answers a PING: a node without the backplane would miss other nodes' updates.</summary>
internal sealed class RedisHealthCheck(Lazy<Task<IConnectionMultiplexer>> multiplexer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await multiplexer.Value.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: " + e.Message);
        }
    }
}
