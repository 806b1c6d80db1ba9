using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Targets;

/// <summary>
/// Records the milestones of cases (first time wins, by the unique index) and reads them back against
/// the category's targets. Other modules call it after saving their own work, so it keeps its own context.
/// </summary>
internal sealed class CaseMilestoneStore(IDbContextFactory<LinliDb> dbFactory, CategoryCatalog catalog, TimeProvider clock,
    ILogger<CaseMilestoneStore> logger) : ICaseMilestones
{
    private static readonly CaseStage[] Ended = [CaseStage.Closed, CaseStage.Evaluated, CaseStage.Declined, CaseStage.Voided, CaseStage.Merged];

    public async Task<IReadOnlyList<MilestoneTarget>> TargetsAsync(string categoryCode, CancellationToken ct) =>
        await catalog.FindAsync(categoryCode, ct) is { } category ? MilestoneTargets.Of(category) : [];

    public async Task ReachAsync(Guid caseId, string milestone, long atMs, string actor, CancellationToken ct)
    {
        if (!Milestones.All.Contains(milestone))
        {
            throw new ArgumentOutOfRangeException(nameof(milestone), milestone, "not a milestone");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CaseMilestones.AnyAsync(m => m.CaseId == caseId && m.Milestone == milestone, ct))
        {
            return;
        }
        db.CaseMilestones.Add(new CaseMilestone(caseId, milestone, atMs, Trim(actor)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Reached at the same moment elsewhere: the first one stands.
            logger.LogDebug("Milestone {Milestone} of case {Case} was recorded concurrently", milestone, caseId);
        }
    }

    public async Task<IReadOnlyList<CaseMilestoneTimes>> TimesAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }
        var ids = caseIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CategoryCode, c.ReportedAtMs, c.ClosedAtMs, c.Stage, c.StageStartedAt }).ToListAsync(ct);
        var reached = (await db.CaseMilestones.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(ct))
            .GroupBy(m => m.CaseId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(m => m.Milestone, m => m.AtMs));
        var recorded = (await db.CaseTargetMisses.AsNoTracking().Where(m => ids.Contains(m.CaseId)).ToListAsync(ct))
            .ToLookup(m => m.CaseId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var result = new List<CaseMilestoneTimes>();
        foreach (var c in cases)
        {
            var times = reached.GetValueOrDefault(c.Id) ?? new Dictionary<string, long>();
            var targets = await TargetsAsync(c.CategoryCode, ct);
            var ended = EndedAtMs(c.Stage, c.ClosedAtMs, c.StageStartedAt);
            // A miss the sweep recorded stays a miss, even if the milestone came later or the target changed since.
            var missed = TargetClock.Evaluate(targets, c.ReportedAtMs, times, ended, now).Where(s => s.State == TargetState.Missed).Select(s => s.Target)
                .Concat(recorded[c.Id].Select(m => new MilestoneTarget(m.Milestone, m.Minutes, m.SetBy)))
                .DistinctBy(t => (t.Milestone, t.SetBy)).ToList();
            result.Add(new CaseMilestoneTimes(c.Id, c.ReportedAtMs, times, missed));
        }
        return result;
    }

    /// <summary>When a case stopped running: closed, or the start of an ending stage; null while it runs.</summary>
    internal static long? EndedAtMs(CaseStage stage, long? closedAtMs, DateTimeOffset stageStartedAt) =>
        closedAtMs ?? (Ended.Contains(stage) ? stageStartedAt.ToUnixTimeMilliseconds() : null);

    /// <summary>
    /// Records a milestone in the caller's unit of work (Cases' own actions: dispatch, close), only for
    /// categories with targets so that every other category pays nothing.
    /// </summary>
    internal static async Task RecordAsync(LinliDb db, MinorCategory category, Guid caseId, string milestone, long atMs, string actor, CancellationToken ct)
    {
        if (MilestoneTargets.Of(category).Count == 0 || await db.CaseMilestones.AnyAsync(m => m.CaseId == caseId && m.Milestone == milestone, ct))
        {
            return;
        }
        db.CaseMilestones.Add(new CaseMilestone(caseId, milestone, atMs, Trim(actor)));
    }

    private static string Trim(string actor) => actor.Length <= 256 ? actor : actor[..256];
}
