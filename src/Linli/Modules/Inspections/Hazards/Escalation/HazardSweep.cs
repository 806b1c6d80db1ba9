using Linli.Infrastructure.Background;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards.Escalation;

/// <summary>What one sweep did.</summary>
public sealed record HazardSweepResult(int Escalations, int Reinspections, int OverdueFindings, int CasesOpened);

/// <summary>
/// The hazards' clock: overdue rectification escalates (level 1 the day after the deadline, further
/// levels at <c>Linli:Inspections:EscalationDays</c>, by default 1,3,7 days past it), each level in the
/// hazard's history, texted to the user and noted on a major hazard's case; a deadline that arrives
/// without a re-inspection gets one; a periodic inspection past its due day becomes the major finding
/// "no periodic inspection" (one open per user); a major hazard whose case could not be opened gets
/// it now. The lease keeps nodes from sweeping together; the version checks on the hazard (and on the
/// user, for the overdue finding) make every step happen exactly once even if they did.
/// </summary>
public sealed class HazardSweep(IServiceScopeFactory scopes, LeaseCoordinator leases, IConfiguration configuration, TimeProvider clock,
    ILogger<HazardSweep> logger)
{
    public const string LeaseName = "inspections:hazards";

    public IReadOnlyList<int> Steps => (configuration["Linli:Inspections:EscalationDays"] ?? "1,3,7")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

    public async Task<HazardSweepResult> SweepAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(2), ct))
        {
            return new HazardSweepResult(0, 0, 0, 0);
        }
        var today = HazardDays.Today(clock);
        var escalations = await EscalateAsync(today, ct);
        var reinspections = await ScheduleReinspectionsAsync(today, ct);
        var findings = await OverdueInspectionsAsync(today, ct);
        var cases = await MissingCasesAsync(ct);
        return new HazardSweepResult(escalations, reinspections, findings, cases);
    }

    private async Task<int> EscalateAsync(DateOnly today, CancellationToken ct)
    {
        var steps = Steps;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var writer = scope.ServiceProvider.GetRequiredService<HazardWriter>();
        var notes = scope.ServiceProvider.GetRequiredService<ICaseNotes>();
        var overdue = await db.Hazards.Where(h => h.Status != HazardStatus.Closed && h.Deadline < today).Select(h => h.Id).ToListAsync(ct);
        var recorded = 0;
        foreach (var id in overdue)
        {
            db.ChangeTracker.Clear();
            var hazard = await db.Hazards.FirstAsync(h => h.Id == id, ct);
            var late = today.DayNumber - hazard.Deadline.DayNumber;
            var due = steps.Count(s => late >= s);
            if (hazard.EscalationLevel >= due)
            {
                continue;
            }
            var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var before = hazard.EscalationLevel;
            while (hazard.EscalationLevel < due)
            {
                hazard.Escalate(nowMs);
                db.InspectionEvents.Add(new InspectionEvent(hazard.Id, "hazard", "escalated", "system",
                    $"逾期 {late} 天未整改，第 {hazard.EscalationLevel} 级督办 / {late} day(s) overdue, escalation level {hazard.EscalationLevel}", nowMs));
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // escalated (or changed) by another node meanwhile: that node tells the user
            }
            recorded += due - before;
            var customer = await db.UtilityCustomers.AsNoTracking().FirstAsync(c => c.Id == hazard.CustomerId, ct);
            await writer.TextUserAsync(customer, $"【邻里】{customer.Name}：隐患 {hazard.Number}（整改通知书 {hazard.NoticeNumber}）已逾期 {late} 天未整改，" +
                $"已升级督办（第 {hazard.EscalationLevel} 级），请立即整改。", ct);
            if (hazard.CaseNumber is { } caseNumber)
            {
                try
                {
                    await notes.AddPublicNoteAsync(caseNumber, $"隐患 {hazard.Number} 逾期 {late} 天未整改，第 {hazard.EscalationLevel} 级督办。", "system",
                        new { hazard = hazard.Number, level = hazard.EscalationLevel }, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Hazard {Number} escalated; its case {Case} could not be told", hazard.Number, caseNumber);
                }
            }
        }
        return recorded;
    }

    private async Task<int> ScheduleReinspectionsAsync(DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var ids = await db.Hazards.Where(h => h.Status == HazardStatus.Open && h.ReinspectionId == null && h.Deadline <= today
            && h.ItemCode != GasChecklist.NoPeriodicInspection).Select(h => h.Id).ToListAsync(ct);
        var scheduled = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var hazard = await db.Hazards.FirstAsync(h => h.Id == id, ct);
            await QueryHazards.ScheduleReinspectionAsync(db, hazard, "system", today, clock.GetUtcNow().ToUnixTimeMilliseconds(),
                "整改期限已到，安排复查 / the deadline has come: re-inspection scheduled", ct);
            try
            {
                await db.SaveChangesAsync(ct);
                scheduled++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Scheduled by the desk or another node meanwhile.
            }
        }
        return scheduled;
    }

    private async Task<int> OverdueInspectionsAsync(DateOnly today, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var writer = scope.ServiceProvider.GetRequiredService<HazardWriter>();
        var flagged = db.Hazards.Where(h => h.ItemCode == GasChecklist.NoPeriodicInspection && h.Status != HazardStatus.Closed).Select(h => h.CustomerId);
        var overdue = await db.Inspections
            .Where(i => (i.Status == InspectionStatus.Due || i.Status == InspectionStatus.Planned) && i.Kind == InspectionKinds.Periodic
                && i.DueOn < today && !flagged.Contains(i.CustomerId))
            .Select(i => new { i.CustomerId, i.DueOn }).ToListAsync(ct);
        var found = 0;
        foreach (var group in overdue.GroupBy(i => i.CustomerId))
        {
            db.ChangeTracker.Clear();
            var customer = await db.UtilityCustomers.FirstAsync(c => c.Id == group.Key, ct);
            if (!customer.Active)
            {
                continue;
            }
            var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var finding = HazardGrading.NoPeriodicInspection(group.Min(i => i.DueOn));
            var added = await HazardWriter.AddAsync(db, customer, null, [finding], "system", today, nowMs, ct);
            // Touching the user moves its version: two nodes adding the finding for one user cannot both commit.
            customer.SetSchedule(customer.LastInspectedOn, customer.NextDueOn, nowMs);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                continue;
            }
            found++;
            var hazard = added[0].Hazard;
            await writer.OpenCasesAsync(db, [hazard], customer, null, nowMs, ct);
            await writer.TextUserAsync(customer, HazardWriter.NoticeText(customer, hazard), ct);
        }
        return found;
    }

    private async Task<int> MissingCasesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var writer = scope.ServiceProvider.GetRequiredService<HazardWriter>();
        // A minute's grace: the recorder opens the case right after its commit.
        var before = clock.GetUtcNow().ToUnixTimeMilliseconds() - 60_000;
        var hazards = await db.Hazards.Where(h => h.Grade == HazardGrades.Major && h.CaseId == null && h.Status != HazardStatus.Closed
            && h.FoundAtMs < before).Take(100).ToListAsync(ct);
        var opened = 0;
        foreach (var hazard in hazards)
        {
            var customer = await db.UtilityCustomers.AsNoTracking().FirstAsync(c => c.Id == hazard.CustomerId, ct);
            await writer.OpenCasesAsync(db, [hazard], customer, null, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
            opened += hazard.CaseId is null ? 0 : 1;
        }
        return opened;
    }
}

/// <summary>Runs the sweep every <c>Linli:Inspections:HazardSweepSeconds</c> (60 s by default; the escalation switch of the tests turns it off too).</summary>
internal sealed class HazardSweepWorker(HazardSweep sweep, IConfiguration configuration, ILogger<HazardSweepWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Linli:Inspections:HazardSweepSeconds", 60.0);
        if (seconds <= 0 || configuration.GetValue("Linli:EscalationSweepSeconds", 30.0) <= 0)
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
                logger.LogWarning(e, "Hazard sweep failed; next tick retries");
            }
        }
    }
}
