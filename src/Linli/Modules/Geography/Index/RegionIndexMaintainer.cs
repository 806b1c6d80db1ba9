using Linli.Modules.Geography.DemoCity;

namespace Linli.Modules.Geography.Index;

/// <summary>
/// At start: fills a new, empty database with the configured demo city, then loads the index.
/// Afterwards: polls the tree's version so that an import on another node reaches this one
/// within a poll interval.
/// </summary>
internal sealed class RegionIndexMaintainer(
    RegionIndexHolder holder,
    DemoCitySeeder seeder,
    IConfiguration configuration,
    ILogger<RegionIndexMaintainer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Linli:RegionIndexPollSeconds", 2.0));
        try
        {
            await seeder.SeedIfEmptyAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Demo city seeding failed; the index loads what the database holds");
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await holder.RefreshAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Region index refresh failed; retrying");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
