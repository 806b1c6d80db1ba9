using Linli.Infrastructure.Background;
using Linli.Infrastructure.Observability;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.EscalateOverdueCases;

/// <summary>
/// 超时督办: finds cases past their stage deadline and records supervision one level further up the
/// region tree for every full limit that has passed (community, then street, district, city), each
/// level once per stage entry. The unique index on (case, stage entry, level) makes that exactly
/// once however many nodes sweep; the lease keeps them from doing the same work twice.
/// </summary>
public sealed class EscalationSweep(IDbContextFactory<LinliDb> dbFactory, CalendarStore calendars, LeaseCoordinator leases,
    Notifications.CaseNotifier notifier, LinliMetrics metrics, TimeProvider clock, IConfiguration configuration, ILogger<EscalationSweep> logger)
{
    public const string LeaseName = "cases:escalation";

    // Three sweep intervals (15 s to 2 min): the holder renews it every sweep, and when the holder dies
    // another node takes over within that time. A sweep outliving its lease only repeats idempotent work.
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(Math.Clamp(3 * configuration.GetValue("Linli:EscalationSweepSeconds", 30.0), 15, 120));

    /// <summary>One sweep; returns how many escalations this call recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(LeaseName, _lease, ct))
        {
            return 0;
        }
        using var activity = LinliMetrics.Activities.StartActivity("cases.escalation-sweep");
        metrics.SweepRuns.Add(1, new KeyValuePair<string, object?>("sweep", LeaseName));
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var calendar = await calendars.CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = new[] { CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed, CaseStage.Dispatched, CaseStage.FedBack, CaseStage.Verified };
        var overdue = await db.Cases.AsNoTracking()
            .Where(c => open.Contains(c.Stage) && c.StageDeadlineMs != null && c.StageDeadlineMs <= nowMs)
            .ToListAsync(ct);
        var limits = await db.MinorCategories.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.DisposalLimit, ct);
        var recorded = 0;
        foreach (var c in overdue)
        {
            var limit = StageLimits.For(c.Stage, limits.GetValueOrDefault(c.CategoryCode) ?? new TimeLimit(1, LimitUnit.WorkingDays))!;
            var length = limit.Unit switch
            {
                LimitUnit.WorkingDays => calendar.WorkingDayLength * limit.Value,
                LimitUnit.NaturalMinutes => TimeSpan.FromMinutes(limit.Value),
                _ => TimeSpan.FromHours(limit.Value),
            };
            var elapsed = calendar.Elapsed(c.StageStartedAt, now, limit);
            var due = Math.Min(4, (int)Math.Floor(elapsed / length));
            var done = await db.CaseEscalations.Where(e => e.CaseId == c.Id && e.StageEntry == c.StageEntry).Select(e => e.Level).ToListAsync(ct);
            for (var level = 1; level <= Math.Max(due, 1); level++)
            {
                if (done.Contains(level) || RegionFor(level, c.CommunityCode, c.StreetCode, c.DistrictCode) is not { } region)
                {
                    continue;
                }
                try
                {
                    db.CaseEscalations.Add(new CaseEscalation(c.Id, c.StageEntry, CaseNames.Stage(c.Stage), level, region, now));
                    var text = $"{c.Number} 在“{CaseNames.Stage(c.Stage)}”阶段超时，由 {region} 督办";
                    db.CaseNotifications.Add(Notifications.CaseNotifier.For(c, "escalated", text, nowMs));
                    await db.SaveChangesAsync(ct);
                    recorded++;
                    metrics.Escalations.Add(1, new KeyValuePair<string, object?>("stage", CaseNames.Stage(c.Stage)));
                    await notifier.PushAsync(c, "escalated", text);
                    logger.LogInformation("Case {Number} overdue in {Stage}: supervision by {Region} (level {Level})", c.Number, c.Stage, region, level);
                }
                catch (DbUpdateException)
                {
                    // Recorded by another node in the meantime: exactly once holds.
                    db.ChangeTracker.Clear();
                }
            }
        }
        return recorded;
    }

    private static string? RegionFor(int level, string? community, string? street, string district) => level switch
    {
        1 => community ?? street ?? district,
        2 => street ?? district,
        3 => district,
        4 => district[..4] + "00",
        _ => null,
    };
}

/// <summary>Runs the sweep every <c>Linli:EscalationSweepSeconds</c> (30 s by default) on every node.</summary>
internal sealed class EscalationWorker(EscalationSweep sweep, IConfiguration configuration, ILogger<EscalationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Linli:EscalationSweepSeconds", 30.0);
        if (seconds <= 0)
        {
            return; // sweeping switched off (tests drive it by hand)
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Escalation sweep failed; next tick retries");
            }
        }
    }
}
