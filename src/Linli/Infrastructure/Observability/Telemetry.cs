using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Linli.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry for every node: request, runtime and Linli metrics with a Prometheus scrape
/// endpoint; traces of requests and sweeps, sent over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (or <c>Linli:Telemetry:OtlpEndpoint</c>) names a collector. Each node reports its own instance id,
/// so one Prometheus sees the cluster node by node.
/// </summary>
internal static class Telemetry
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LinliMetrics>();
        var node = builder.Configuration["Linli:NodeName"] ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var otlp = builder.Configuration["Linli:Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("linli", serviceInstanceId: node))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(LinliMetrics.MeterName).AddPrometheusExporter();
                if (otlp is { Length: > 0 })
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            })
            .WithTracing(t =>
            {
                // Health probes and scrapes every few seconds would drown the traces that matter.
                t.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddSource(LinliMetrics.Activities.Name);
                if (otlp is { Length: > 0 })
                {
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        return builder;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        // Every response names its request, so a user's complaint finds its log lines (the id is in each line's scope).
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return next(context);
        });
        // Operators keep /metrics off the public side in nginx (docs/operations.md); it carries counts, never personal data.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Auth.Policies.Public);
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
