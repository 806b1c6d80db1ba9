using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry.Plans;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry;

/// <summary>What one refresh of the due list did.</summary>
public sealed record DueRefresh(int Scheduled, int Opened, int Cancelled);

/// <summary>
/// Keeps the due list true: every active user has a NextDueOn (null means "recompute", which the
/// hazards side sets after a periodic inspection), every user due within the planning horizon has
/// exactly one open periodic inspection, and an inactive user's open inspections are cancelled.
/// Idempotent: run it as often as you like, from the sweep or right after a change.
/// </summary>
public static class DueInspections
{
    public const int DefaultHorizonDays = 14;

    public static Task<DueRefresh> RefreshAsync(LinliDb db, DateOnly today, long nowMs, CancellationToken ct) =>
        RefreshAsync(db, null, null, today, nowMs, DefaultHorizonDays, ct);

    /// <param name="utility">Only this utility's users (null: all).</param>
    /// <param name="customers">Only these users (null: all of the utility).</param>
    public static async Task<DueRefresh> RefreshAsync(LinliDb db, string? utility, IReadOnlyCollection<Guid>? customers, DateOnly today, long nowMs,
        int horizonDays, CancellationToken ct)
    {
        // Two nodes may refresh at once: the second sees the first's rows, or loses a unique clash, a
        // version check or a deadlock and looks again with a clean change tracker.
        var scheduled = await LookAgainOnLostRaceAsync(db, () => ScheduleAsync(db, utility, customers, nowMs, ct));
        var opened = await LookAgainOnLostRaceAsync(db, () => OpenAsync(db, utility, customers, today.AddDays(horizonDays), nowMs, ct));
        var cancelled = await CancelInactiveAsync(db, utility, customers, nowMs, ct);
        return new DueRefresh(scheduled, opened, cancelled);
    }

    private static async Task<int> LookAgainOnLostRaceAsync(LinliDb db, Func<Task<int>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (Exception e) when (attempt < 4 && (e is DbUpdateConcurrencyException || DbErrors.IsLostRace(e)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Sets an active user's next due date from the rules (a bulk import does it in memory, sparing the refresh a pass).</summary>
    internal static void Schedule(UtilityCustomer c, FrequencyRuleBook book, long nowMs)
    {
        var interval = book.IntervalMonths(c.Type, c.RiskClass, c.RegionCode);
        c.SetSchedule(c.LastInspectedOn, FrequencyRuleBook.NextDue(c.LastInspectedOn, RegistryDefaults.DayOf(c.CreatedAtMs), interval), nowMs);
    }

    private static IQueryable<UtilityCustomer> Customers(LinliDb db, string? utility, IReadOnlyCollection<Guid>? customers)
    {
        var query = db.UtilityCustomers.AsQueryable();
        if (utility is not null)
        {
            query = query.Where(c => c.Utility == utility);
        }
        if (customers is not null)
        {
            var ids = customers.ToList();
            query = query.Where(c => ids.Contains(c.Id));
        }
        return query;
    }

    private static async Task<int> ScheduleAsync(LinliDb db, string? utility, IReadOnlyCollection<Guid>? customers, long nowMs, CancellationToken ct)
    {
        var stale = await Customers(db, utility, customers).Where(c => c.Active && c.NextDueOn == null).OrderBy(c => c.Id).ToListAsync(ct);
        if (stale.Count == 0)
        {
            return 0;
        }
        var books = new Dictionary<string, FrequencyRuleBook>();
        foreach (var u in stale.Select(c => c.Utility).Distinct())
        {
            books[u] = await FrequencyRuleBook.LoadAsync(db, u, ct);
        }
        foreach (var c in stale)
        {
            Schedule(c, books[c.Utility], nowMs);
        }
        await db.SaveChangesAsync(ct);
        return stale.Count;
    }

    private static async Task<int> OpenAsync(LinliDb db, string? utility, IReadOnlyCollection<Guid>? customers, DateOnly horizon, long nowMs,
        CancellationToken ct)
    {
        var due = await Customers(db, utility, customers).AsNoTracking()
            .Where(c => c.Active && c.NextDueOn != null && c.NextDueOn <= horizon)
            .Select(c => new { c.Id, c.Utility, NextDueOn = c.NextDueOn!.Value })
            .OrderBy(c => c.Id)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var utilities = due.Select(d => d.Utility).Distinct().ToList();
        // Any open periodic inspection counts, also one created without the slot (tests, other sides).
        var open = (await db.Inspections.AsNoTracking()
            .Where(i => utilities.Contains(i.Utility) && i.Kind == InspectionKinds.Periodic
                && (i.Status == InspectionStatus.Due || i.Status == InspectionStatus.Planned))
            .Select(i => i.CustomerId).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var d in due.Where(d => !open.Contains(d.Id)))
        {
            var inspection = Inspection.Periodic(Guid.NewGuid(), d.Utility, d.Id, d.NextDueOn, RegistryDefaults.TemplateFor(d.Utility), nowMs);
            db.Inspections.Add(inspection);
            db.InspectionEvents.Add(new InspectionEvent(inspection.Id, "inspection", "due", "system", $"periodic inspection due {d.NextDueOn:yyyy-MM-dd}", nowMs));
            added++;
        }
        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return added;
    }

    private static async Task<int> CancelInactiveAsync(LinliDb db, string? utility, IReadOnlyCollection<Guid>? customers, long nowMs, CancellationToken ct)
    {
        var inactive = Customers(db, utility, customers).Where(c => !c.Active).Select(c => c.Id);
        var open = await db.Inspections
            .Where(i => (i.Status == InspectionStatus.Due || i.Status == InspectionStatus.Planned) && inactive.Contains(i.CustomerId))
            .OrderBy(i => i.Id)
            .ToListAsync(ct);
        foreach (var inspection in open)
        {
            inspection.Cancel(nowMs);
            db.InspectionEvents.Add(new InspectionEvent(inspection.Id, "inspection", "cancelled", "system", "the user no longer takes supply", nowMs));
        }
        if (open.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return open.Count;
    }
}
