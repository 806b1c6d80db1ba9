using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Incidents;

/// <summary>
/// The demo control rooms' crews: the operator's (GS) patrols and a clearance crew on G2501 and G60
/// (roadcrew1 and roadcrew2 ride with them) and one expressway police crew (JJ). The demo network comes
/// from the roads seeder; this one waits for it a while and skips a route that is not there. Fixed ids
/// keep a second node from adding twins.
/// </summary>
internal sealed class IncidentDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions, IRoadNetwork roads,
    TimeProvider clock, ILogger<IncidentDemoData> logger) : DemoDataSeeder(configuration, regions, logger)
{
    private static readonly (string Unit, string Name, string Kind, string Members, string Route, string Direction, double Share)[] Crews =
    [
        ("GS", "路政巡查一组（绕城）", CrewKinds.Patrol, "roadcrew1", "G2501", Directions.Up, 0.3),
        ("GS", "清障一组（沪昆）", CrewKinds.Clearance, "roadcrew2", "G60", Directions.Up, 0.5),
        ("GS", "路政巡查二组（沪昆）", CrewKinds.Patrol, "", "G60", Directions.Down, 0.4),
        ("GS", "清障二组（绕城）", CrewKinds.Clearance, "", "G2501", Directions.Down, 0.7),
        ("JJ", "高速交警一中队", CrewKinds.Police, "", "G2501", Directions.Up, 0.6),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override string What => "Expressway demo crews";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        // The roads seeder runs beside this one: give it a minute to put the network in.
        for (var i = 0; i < 120 && !await db.Expressways.AnyAsync(ct); i++)
        {
            await Task.Delay(500, ct);
        }
        if (await db.RoadCrews.AnyAsync(ct)) return;
        var lines = await db.Expressways.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < Crews.Length; i++)
        {
            var c = Crews[i];
            if (lines.FirstOrDefault(e => e.Code == c.Route && e.Direction == c.Direction) is not { } line) continue;
            var stakes = JsonSerializer.Deserialize<List<Mark>>(line.StakeMarksJson, Json) ?? [];
            if (stakes.Count < 2) continue;
            // To the nearest hundred metres, as a crew's base is written (K123+400).
            var stake = Math.Round((stakes[0].Stake + (stakes[^1].Stake - stakes[0].Stake) * c.Share) / 100) * 100;
            if (await roads.PointAtAsync(c.Route, c.Direction, stake, ct) is not { } at) continue;
            var crew = new RoadCrew(new Guid($"00000000-0000-0000-00e1-{i + 1:D12}"), c.Unit, c.Name, c.Kind, c.Members, c.Route, at.StakeMeters, at.Lon, at.Lat);
            db.RoadCrews.Add(crew);
            db.TrafficEvents.Add(new TrafficEvent(crew.Id, "crew", "created", "demo-seed", c.Name, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record Mark(double Along, double Stake);
}
