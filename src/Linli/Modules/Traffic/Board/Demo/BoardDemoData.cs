using System.Globalization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Board.Demo;

/// <summary>
/// The board's demo history: incidents on the demo routes from the first day of the month two months
/// back until yesterday, with timelines spread around the targets (most within, some missed), and a
/// few open ones for the live strip. The road network is seeded by another seeder that may still be
/// running, so this one waits a while for carriageways and skips when none come. Once: fixed ids
/// keep a second node or a restart from adding twins.
/// </summary>
internal sealed class BoardDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions, TimeProvider clock,
    ILogger<BoardDemoData> logger) : DemoDataSeeder(configuration, regions, logger)
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);
    private const long Minute = 60_000;

    // Category, share of the mix (cumulative), description.
    private static readonly (string Code, double Upto, string Text)[] Kinds =
    [
        ("2201", 0.60, "两车追尾，无人受伤，车辆可移动"),
        ("2202", 0.75, "行车道散落货物（纸箱、木板）"),
        ("2203", 0.95, "小车故障停在行车道"),
        ("2204", 1.00, "多车相撞，有人受伤"),
    ];

    protected override string What => "Expressway board demo incidents";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        List<Expressway> roads = [];
        // The demo network is seeded alongside; give it two minutes.
        for (var attempt = 0; attempt < 60 && roads.Count == 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), clock, ct);
            }
            await using var probe = scopes.CreateAsyncScope();
            roads = await probe.ServiceProvider.GetRequiredService<LinliDb>().Expressways.AsNoTracking().Where(e => e.Active).ToListAsync(ct);
        }
        if (roads.Count == 0)
        {
            Log.LogInformation("{What}: no carriageways, nothing seeded", What);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        // Keyed on its own first id, so incidents the other demo seeders add do not stop the history.
        var first = Fixed(0);
        if (await db.Incidents.AnyAsync(i => i.Id == first, ct))
        {
            return;
        }
        var crews = await db.RoadCrews.AsNoTracking().ToListAsync(ct);
        roads = [.. roads.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Direction, StringComparer.Ordinal)];
        var random = new Random(11);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTime).DateTime);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var n = 0;
        for (var day = start; day < today; day = day.AddDays(1))
        {
            var count = random.Next(1, 4);
            var stamps = Enumerable.Range(0, count)
                .Select(_ => new DateTimeOffset(day.ToDateTime(new TimeOnly(random.Next(6, 22), random.Next(0, 60))), ChinaTime).ToUnixTimeMilliseconds())
                .Order().ToList();
            for (var k = 0; k < stamps.Count; k++)
            {
                var incident = Place(roads[random.Next(roads.Count)], random, Fixed(n++), Number(stamps[k], k + 1), stamps[k]);
                Finish(incident, crews, random);
                Add(db, incident);
            }
        }
        // Open ones on the operator's first carriageways: minutes since the report, and how far each got.
        var open = new (int Ago, IncidentStatus Status)[] { (3, IncidentStatus.Reported), (8, IncidentStatus.Dispatched),
            (14, IncidentStatus.OnScene), (27, IncidentStatus.OnScene) };
        for (var k = 0; k < open.Length; k++)
        {
            var reported = now.ToUnixTimeMilliseconds() - open[k].Ago * Minute;
            var incident = Place(roads[k * 3 % roads.Count], random, Fixed(n++), Number(reported, 900 + k), reported);
            var crew = CrewFor(crews, incident.RouteCode);
            long At(double minutes) => reported + (long)(minutes * Minute);
            incident.Historic(open[k].Status, open[k].Status == IncidentStatus.Reported ? null : crew,
                open[k].Status == IncidentStatus.Reported ? null : At(0.6),
                open[k].Status == IncidentStatus.Reported ? null : At(2.2),
                open[k].Status == IncidentStatus.OnScene ? At(open[k].Ago > 20 ? 17 : 9) : null, null, null);
            Add(db, incident);
        }
        await db.SaveChangesAsync(ct);
        Log.LogInformation("{What}: {Count} incidents on {Routes} carriageways", What, n, roads.Count);
    }

    private Incident Place(Expressway road, Random random, Guid id, string number, long reportedAtMs)
    {
        var line = RoadNetwork.LineOf(road);
        var along = line.LengthMeters * (0.05 + 0.9 * random.NextDouble());
        var point = line.PointAlong(along);
        var pick = random.NextDouble();
        var kind = Kinds.First(k => pick <= k.Upto);
        var incident = new Incident(id, number, kind.Code, random.NextDouble() < 0.35 ? IncidentSources.Driver : IncidentSources.Hotline,
            road.Code, road.Direction, Math.Round(line.StakeAt(along)), point.X, point.Y, road.Operator, Regions.Locate(point.X, point.Y)?.District?.Code,
            kind.Text, "demo-seed", reportedAtMs);
        incident.Describe(kind.Code == "2204" ? 2 : random.Next(0, 3), kind.Code == "2201", kind.Code == "2204", null);
        return incident;
    }

    /// <summary>A closed timeline around the targets: most within, a tail that misses, in natural minutes from the report.</summary>
    private static void Finish(Incident incident, IReadOnlyList<RoadCrew> crews, Random random)
    {
        double Between(double low, double high) => low + (high - low) * random.NextDouble();
        var dispatched = random.NextDouble() < 0.88 ? Between(0.2, 1.0) : Between(1.0, 3.0);
        var calledBack = dispatched + (random.NextDouble() < 0.85 ? Between(0.5, 1.9) : Between(2.2, 5));
        var roll = random.NextDouble();
        var onScene = roll < 0.7 ? Between(4, 10) : roll < 0.9 ? Between(10, 15) : Between(15, 26);
        var clear = onScene + (incident.CategoryCode == "2201" ? Between(2, 8) : Between(4, 14));
        var closed = clear + Between(15, 90);
        long At(double minutes) => incident.ReportedAtMs + (long)(minutes * Minute);
        incident.Historic(IncidentStatus.Closed, CrewFor(crews, incident.RouteCode), At(dispatched), At(calledBack), At(onScene), At(clear), At(closed));
    }

    private static string? CrewFor(IReadOnlyList<RoadCrew> crews, string route) =>
        crews.FirstOrDefault(c => c.RouteCode == route && c.Kind == CrewKinds.Patrol)?.Id.ToString() ?? crews.FirstOrDefault(c => c.RouteCode == route)?.Id.ToString();

    private static void Add(LinliDb db, Incident incident)
    {
        db.Incidents.Add(incident);
        db.TrafficEvents.Add(new TrafficEvent(incident.Id, "incident", "reported", "demo-seed", $"{incident.RouteCode} {Stakes.Format(incident.StakeMeters)}",
            incident.ReportedAtMs));
        foreach (var (action, at) in new[] { ("dispatched", incident.DispatchedAtMs), ("called-back", incident.CalledBackAtMs),
            ("on-scene", incident.OnSceneAtMs), ("lanes-clear", incident.LanesClearAtMs), ("closed", incident.ClosedAtMs) })
        {
            if (at is { } ms)
            {
                db.TrafficEvents.Add(new TrafficEvent(incident.Id, "incident", action, "demo-seed", null, ms));
            }
        }
    }

    private static string Number(long reportedAtMs, int n) =>
        $"SG-{DateTimeOffset.FromUnixTimeMilliseconds(reportedAtMs).ToOffset(ChinaTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{n:D4}";

    private static Guid Fixed(int i) => new($"00000000-0000-0000-0b0a-{i + 1:D12}");
}
