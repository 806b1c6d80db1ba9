using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Linli.Modules.People.DemoHouseholds;

/// <summary>
/// Gives the demo city a household book once its regions exist: waits for the region index (which
/// loads only after the demo city is seeded), then, when <c>Linli:DemoCity</c> is demo or city and
/// the book is empty, writes a deterministic set of households in one transaction. A second node
/// doing the same at the same moment trips the unique flat index and leaves the first one's book.
/// </summary>
internal sealed class DemoHouseholdSeeder(
    IDbContextFactory<LinliDb> dbFactory,
    IRegionLookup regions,
    PersonalDataProtector protector,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoHouseholdSeeder> logger) : BackgroundService
{
    private volatile bool _finished;

    /// <summary>True once there is nothing (more) to seed: readiness waits for it, so a demo never shows an empty book.</summary>
    public bool Finished => _finished;

    /// <summary>Households written at most: enough for every grid worker of the demo to have a full grid, small enough to start in seconds.</summary>
    public static int Budget(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "demo" => 4_000,
        "city" => 12_000,
        _ => 0,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var budget = Budget(configuration["Linli:DemoCity"]);
            if (budget == 0)
            {
                return;
            }
            while (!regions.IsReady)
            {
                await Task.Delay(100, stoppingToken);
            }
            await SeedAsync(budget, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Demo households could not be seeded; the household book starts empty");
        }
        finally
        {
            _finished = true;
        }
    }

    private async Task SeedAsync(int budget, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Households.AnyAsync(ct))
        {
            return;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var buildings = DemoHouseholdGenerator.PickBuildings(regions, budget);
        if (buildings.Count == 0)
        {
            logger.LogInformation("No buildings in the region tree: no demo households");
            return;
        }
        var generator = new DemoHouseholdGenerator(protector, clock.GetUtcNow());
        var households = generator.Generate(buildings, budget);
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in households.Chunk(1_000))
            {
                db.Households.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            foreach (var chunk in generator.Visits.Chunk(1_000))
            {
                db.Visits.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Demo households already being seeded by another node");
            return;
        }
        logger.LogInformation("Demo households seeded: {Households} households, {Members} members, {Visits} visits in {Buildings} buildings in {Elapsed} ms",
            households.Count, households.Sum(h => h.Members.Count), generator.Visits.Count, buildings.Count, started.ElapsedMilliseconds);
    }
}

internal sealed class DemoHouseholdsHealthCheck(DemoHouseholdSeeder seeder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(seeder.Finished ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("demo households not seeded yet"));
}
