using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.Contracts;

/// <summary>
/// The base of every module's demo data: it runs only with the demo city (<c>Linli:DemoCity</c> demo
/// or city, never on a real city's regions), waits until Geography has seeded the regions and the
/// index serves them, then seeds once. A unique-key clash means another node seeded first.
/// </summary>
public abstract class DemoDataSeeder(IConfiguration configuration, IRegionLookup regions, ILogger logger) : BackgroundService
{
    protected IRegionLookup Regions => regions;
    protected ILogger Log => logger;

    /// <summary>What is seeded, for the log ("Gas demo users").</summary>
    protected abstract string What { get; }

    protected abstract Task SeedAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var setting = configuration["Linli:DemoCity"]?.Trim().ToLowerInvariant() ?? "demo";
        if (setting is not ("demo" or "city"))
        {
            return;
        }
        try
        {
            while (!regions.IsReady || regions.ChildrenOf(null).Count == 0)
            {
                await Task.Delay(250, stoppingToken);
            }
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "{What} were seeded by another node", What);
        }
        catch (Exception e)
        {
            // Demo data is a courtesy: a seeder that fails must never take the app down with it.
            logger.LogError(e, "{What} could not be seeded; the app runs without them", What);
        }
    }

    /// <summary>Regions of one level, walking down the tree breadth-first in code order (first district first).</summary>
    protected IEnumerable<RegionRef> RegionsAt(string level)
    {
        var queue = new Queue<RegionRef>(regions.ChildrenOf(null));
        while (queue.Count > 0)
        {
            var region = queue.Dequeue();
            if (region.Level == level)
            {
                yield return region;
                continue;
            }
            foreach (var child in regions.ChildrenOf(region.Code))
            {
                queue.Enqueue(child);
            }
        }
    }
}
