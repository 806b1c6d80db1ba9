using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Traffic.Roads.ImportRoutes;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Roads;

/// <summary>
/// The demo city's expressways, drawn by hand along the real alignments (approximate): the G2501 ring,
/// G60 沪昆, G92 杭州湾环线 and G56 杭瑞, both carriageways each (the down one 30 m beside the up one),
/// run by GS, with calibration marks every 20 km. Imported through the same importer as any file, so the
/// shipped file is also a worked example of the format. Only when there is no carriageway yet.
/// </summary>
internal sealed class RoadDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions, ILogger<RoadDemoData> logger)
    : DemoDataSeeder(configuration, regions, logger)
{
    public const string Resource = "Linli.Traffic.demo-expressways.geojson";

    protected override string What => "Demo expressways";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.Expressways.AnyAsync(ct))
        {
            return;
        }
        await using var stream = typeof(RoadDemoData).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing.");
        using var document = await ImportRoutesEndpoint.ParseAsync(stream, ct);
        var importer = scope.ServiceProvider.GetRequiredService<RouteImporter>();
        var (summary, errors) = await importer.ImportAsync(db, document.RootElement, new UnitScope(true, [], []), "demo-seed", ct);
        if (summary is null)
        {
            // The shipped file is checked by a test; this only guards a hand edit.
            Log.LogError("The demo expressways were refused: {Errors}", string.Join("; ", errors.Select(e => $"#{e.Index} {e.Field}: {e.Reason}")));
        }
    }
}
