using Linli.Infrastructure.Background;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Plans;

/// <summary>
/// Refreshes the due list of every utility under a lease, so one node at a time does it; the work is
/// idempotent and the open-slot index makes a doubled inspection impossible even without the lease.
/// </summary>
internal sealed class DueSweep(IDbContextFactory<LinliDb> dbFactory, LeaseCoordinator leases, IConfiguration configuration, TimeProvider clock,
    ILogger<DueSweep> logger)
{
    public const string LeaseName = "inspections:due";

    public int HorizonDays => configuration.GetValue("Linli:Inspections:PlanningHorizonDays", DueInspections.DefaultHorizonDays);

    public async Task<DueRefresh> SweepAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(2), ct))
        {
            return new DueRefresh(0, 0, 0);
        }
        await FrequencyRuleBook.EnsureDefaultsAsync(dbFactory, RegistryDefaults.Gas, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await DueInspections.RefreshAsync(db, null, null, RegistryDefaults.Today(clock), clock.GetUtcNow().ToUnixTimeMilliseconds(),
            HorizonDays, ct);
        if (result.Opened + result.Cancelled > 0)
        {
            logger.LogInformation("Due inspections: {Scheduled} scheduled, {Opened} opened, {Cancelled} cancelled",
                result.Scheduled, result.Opened, result.Cancelled);
        }
        return result;
    }

    /// <summary>The utility's rules (gas's defaults seeded first when it has none).</summary>
    public async Task<FrequencyRuleBook> RulesAsync(LinliDb db, string utility, CancellationToken ct)
    {
        if (utility == RegistryDefaults.Gas)
        {
            await FrequencyRuleBook.EnsureDefaultsAsync(dbFactory, utility, ct);
        }
        return await FrequencyRuleBook.LoadAsync(db, utility, ct);
    }

    /// <summary>Right after a change to some users (create, update, import): no need to wait for the sweep, and no lease needed.</summary>
    public async Task<DueRefresh> RefreshAsync(LinliDb db, string utility, IReadOnlyCollection<Guid>? customers, CancellationToken ct)
    {
        if (utility == RegistryDefaults.Gas)
        {
            await FrequencyRuleBook.EnsureDefaultsAsync(dbFactory, utility, ct);
        }
        return await DueInspections.RefreshAsync(db, utility, customers, RegistryDefaults.Today(clock), clock.GetUtcNow().ToUnixTimeMilliseconds(),
            HorizonDays, ct);
    }
}

/// <summary>Sweeps (seeding gas's default rules first) every <c>Linli:Inspections:DueSweepSeconds</c> (60 s by default; 0 switches it off).</summary>
internal sealed class DueWorker(DueSweep sweep, IDbContextFactory<LinliDb> dbFactory, IConfiguration configuration,
    Geography.Contracts.IRegionLookup regions, ILogger<DueWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Linli:Inspections:DueSweepSeconds", 60.0);
        if (seconds <= 0)
        {
            return;
        }
        try
        {
            // The region index loads once the database is migrated: a sign the tables exist.
            while (!regions.IsReady)
            {
                await Task.Delay(500, stoppingToken);
            }
            await FrequencyRuleBook.EnsureDefaultsAsync(dbFactory, RegistryDefaults.Gas, stoppingToken);
            // The first sweep waits one interval, like the escalation sweep: a node started briefly (a migration, a
            // test's template database) leaves no lease or rows behind; creates and imports refresh at once anyway.
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sweep.SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Due-inspection sweep failed; next tick retries");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
