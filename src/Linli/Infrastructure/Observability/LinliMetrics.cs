using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Linli.Infrastructure.Observability;

/// <summary>
/// Linli's own instruments, beside what ASP.NET Core and the runtime report: the intake rate,
/// escalations, and gauges that modules register for their queues and overdue counts. Exported
/// through OpenTelemetry (Prometheus scrape at /metrics, OTLP when configured).
/// </summary>
public sealed class LinliMetrics
{
    public const string MeterName = "Linli";

    /// <summary>Spans of Linli's own background work (sweeps), beside the request spans.</summary>
    public static readonly ActivitySource Activities = new("Linli");

    private readonly Meter _meter;

    public LinliMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        Reports = _meter.CreateCounter<long>("linli.cases.reported", "{report}", "Reports taken in by intake, by source and whether they joined an open case");
        Escalations = _meter.CreateCounter<long>("linli.cases.escalations", "{escalation}", "Supervision records written by the escalation sweep, by stage");
        SweepRuns = _meter.CreateCounter<long>("linli.background.sweeps", "{run}", "Background sweeps this node ran (it held the lease), by sweep");
    }

    public Counter<long> Reports { get; }
    public Counter<long> Escalations { get; }
    public Counter<long> SweepRuns { get; }

    /// <summary>A gauge read at scrape time from a snapshot the module keeps fresh (never a query per scrape).</summary>
    public void Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> observe) =>
        _meter.CreateObservableGauge(name, observe, unit, description);
}
