using System.Net;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Board.Demo;
using Linli.Modules.Traffic.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using static Linli.Tests.Infrastructure.RegionFile;

namespace Linli.Tests.Traffic.Board;

[Trait("Category", "Database")]
public sealed class BoardDemoDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_demo_history_spreads_three_months_of_incidents_around_the_targets_and_leaves_a_few_open()
    {
        var clock = new FakeTimeProvider(Now.ToUniversalTime());
        await using var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(SampleTree().ToString())).StatusCode);
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var line = new LineString([new Coordinate(120.11, 30.31), new Coordinate(120.19, 30.33)]) { SRID = 4326 };
            var length = Wgs84.DistanceMeters(120.11, 30.31, 120.19, 30.33);
            db.Expressways.Add(new Expressway(Guid.NewGuid(), "G60", "沪昆高速", Directions.Up, "GS", line,
                $$"""[{"along":0,"stake":100000},{"along":{{(long)length}},"stake":{{100_000 + (long)length}}}]""", length, Now.ToUnixTimeMilliseconds()));
            await db.SaveChangesAsync();
        }

        await SeedAsync(app, clock);

        await using var check = await factory.CreateDbContextAsync();
        var incidents = await check.Incidents.AsNoTracking().ToListAsync();
        var closed = incidents.Where(i => i.Status == IncidentStatus.Closed).ToList();
        Assert.Equal(4, incidents.Count(i => i.IsOpen));
        // 1 September (China) to yesterday, one to three a day.
        Assert.InRange(closed.Count, 80, 240);
        Assert.True(closed.Min(i => i.ReportedAtMs) >= new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds());
        var cleared = closed.Count(i => i.LanesClearAtMs - i.ReportedAtMs <= 20 * 60_000);
        Assert.InRange((double)cleared / closed.Count, 0.6, 0.97);
        Assert.All(closed, i => Assert.True(i.ReportedAtMs < i.DispatchedAtMs && i.DispatchedAtMs < i.OnSceneAtMs && i.OnSceneAtMs < i.LanesClearAtMs
            && i.LanesClearAtMs < i.ClosedAtMs));

        // A second run (another node, a restart) adds nothing.
        await SeedAsync(app, clock);
        await using var again = await factory.CreateDbContextAsync();
        Assert.Equal(incidents.Count, await again.Incidents.CountAsync());
    }

    private static async Task SeedAsync(TestApp app, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Linli:DemoCity"] = "demo" }).Build();
        using var seeder = ActivatorUtilities.CreateInstance<BoardDemoData>(app.Factory.Services, configuration, clock);
        await seeder.StartAsync(CancellationToken.None);
        await seeder.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
