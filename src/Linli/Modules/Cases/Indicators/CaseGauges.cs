using System.Diagnostics.Metrics;
using Linli.Infrastructure.Observability;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Indicators;

/// <summary>
/// Open cases by stage and overdue cases, for the operators' dashboards and alerts. Counted every
/// <c>Linli:Telemetry:GaugeSeconds</c> (30 s) into a snapshot that scrapes read, so a scrape never
/// queries the database; every node reports the same numbers (alert on max, not sum).
/// </summary>
internal sealed class CaseGauges : BackgroundService
{
    private static readonly CaseStage[] Open = [CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed, CaseStage.Dispatched, CaseStage.FedBack, CaseStage.Verified];

    private readonly IDbContextFactory<LinliDb> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<CaseGauges> _logger;
    private volatile Snapshot _snapshot = new(new Dictionary<string, long>(), 0);

    public CaseGauges(IDbContextFactory<LinliDb> dbFactory, LinliMetrics metrics, TimeProvider clock, IConfiguration configuration, ILogger<CaseGauges> logger)
    {
        _dbFactory = dbFactory;
        _clock = clock;
        _logger = logger;
        _interval = TimeSpan.FromSeconds(configuration.GetValue("Linli:Telemetry:GaugeSeconds", 30.0));
        metrics.Gauge("linli.cases.open", "{case}", "Open cases by stage",
            () => _snapshot.OpenByStage.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("stage", p.Key))));
        metrics.Gauge("linli.cases.overdue", "{case}", "Open cases past their stage deadline", () => [new(_snapshot.Overdue)]);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, long> OpenByStage, long Overdue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_interval <= TimeSpan.Zero)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _snapshot = await CountAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Case gauges not refreshed; next tick retries");
            }
            try
            {
                await Task.Delay(_interval, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<Snapshot> CountAsync(CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var nowMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var byStage = await db.Cases.AsNoTracking().Where(c => Open.Contains(c.Stage))
            .GroupBy(c => c.Stage).Select(g => new { Stage = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var overdue = await db.Cases.AsNoTracking().LongCountAsync(c => Open.Contains(c.Stage) && c.StageDeadlineMs != null && c.StageDeadlineMs <= nowMs, ct);
        return new Snapshot(Open.ToDictionary(CaseNames.Stage, s => byStage.FirstOrDefault(x => x.Stage == s)?.Count ?? 0), overdue);
    }
}
