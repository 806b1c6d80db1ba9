using Linli.Infrastructure.Background;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Targets;

/// <summary>
/// 目标超时督办: finds cases that missed a target of their category (the milestone not reached by its due
/// time, or reached late) and escalates each missed target once — a notification naming the target
/// ("1315 首车到场 15 分钟 超时") to the handling unit and everyone whose regions cover the case. The unique
/// index on (case, milestone, set by) keeps it to exactly once across nodes; the lease saves the duplicate work.
/// Only categories with targets are looked at, and only cases reported within <see cref="LookBack"/>.
/// </summary>
public sealed class TargetSweep(IDbContextFactory<LinliDb> dbFactory, CategoryCatalog catalog, LeaseCoordinator leases,
    Notifications.CaseNotifier notifier, TimeProvider clock, ILogger<TargetSweep> logger)
{
    public const string LeaseName = "cases:targets";

    /// <summary>Targets are minutes to hours; a case older than this has had every chance to be swept.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(3);

    /// <summary>One sweep; returns how many missed targets this call recorded.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var targeted = (await catalog.AllAsync(ct)).Values
            .Select(c => (c.Code, Targets: MilestoneTargets.Of(c))).Where(c => c.Targets.Count > 0).ToDictionary(c => c.Code, c => c.Targets);
        if (targeted.Count == 0 || !await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(2), ct))
        {
            return 0;
        }
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var earliestDue = (long)(targeted.Values.SelectMany(t => t).Min(t => t.Minutes) * 60_000);
        var from = nowMs - (long)LookBack.TotalMilliseconds;
        var until = nowMs - earliestDue;
        var codes = targeted.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => codes.Contains(c.CategoryCode) && c.ReportedAtMs >= from && c.ReportedAtMs < until).ToListAsync(ct);
        if (cases.Count == 0)
        {
            return 0;
        }
        var ids = cases.Select(c => c.Id).ToList();
        var reached = (await db.CaseMilestones.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(ct))
            .GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(m => m.Milestone, m => m.AtMs));
        var done = (await db.CaseTargetMisses.AsNoTracking().Where(m => ids.Contains(m.CaseId)).Select(m => new { m.CaseId, m.Milestone, m.SetBy })
            .ToListAsync(ct)).Select(m => (m.CaseId, m.Milestone, m.SetBy)).ToHashSet();
        var recorded = 0;
        foreach (var c in cases)
        {
            var ended = CaseMilestoneStore.EndedAtMs(c.Stage, c.ClosedAtMs, c.StageStartedAt);
            var standings = TargetClock.Evaluate(targeted[c.CategoryCode], c.ReportedAtMs, reached.GetValueOrDefault(c.Id) ?? new Dictionary<string, long>(),
                ended, nowMs);
            foreach (var s in standings.Where(s => s.State == TargetState.Missed && !done.Contains((c.Id, s.Target.Milestone, s.Target.SetBy))))
            {
                if (await RecordAsync(db, c, s, nowMs, ct))
                {
                    recorded++;
                }
            }
        }
        return recorded;
    }

    private async Task<bool> RecordAsync(LinliDb db, Case c, TargetStanding s, long nowMs, CancellationToken ct)
    {
        var text = $"{c.Number} {MilestoneTargets.Describe(s.Target)} 超时";
        try
        {
            db.CaseTargetMisses.Add(new CaseTargetMiss(c.Id, s.Target.Milestone, s.Target.SetBy, s.Target.Minutes, s.DueAtMs, nowMs));
            db.CaseNotifications.Add(Notifications.CaseNotifier.For(c, "target-missed", text, nowMs));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Recorded by another node in the meantime: exactly once holds.
            db.ChangeTracker.Clear();
            return false;
        }
        await notifier.PushAsync(c, "target-missed", text);
        logger.LogInformation("Case {Number} missed the target {Target}", c.Number, text);
        return true;
    }
}

/// <summary>Runs the target sweep with the escalation sweep's period (<c>Linli:EscalationSweepSeconds</c>, 30 s by default).</summary>
internal sealed class TargetWorker(TargetSweep sweep, IConfiguration configuration, ILogger<TargetWorker> logger) : BackgroundService
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
                logger.LogWarning(e, "Target sweep failed; next tick retries");
            }
        }
    }
}
