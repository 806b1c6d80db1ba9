using System.Net;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using static Linli.Tests.Infrastructure.RegionFile;

namespace Linli.Tests.Traffic.Board;

/// <summary>
/// One app for the board tests: G60 both ways run by GS through district 330105, G92 run by another
/// operator (NB) through 330106; closed incidents in October and November 2026 with known times, two
/// open ones; a GS patrol and a JJ police crew on G60. "Now" is Friday 20 November 2026, 10:00 in China.
/// </summary>
public sealed class BoardFixture : IAsyncLifetime
{
    public const string Gongshu = "330105";
    public const string Xihu = "330106";
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly Guid OpenRunning = new("00000000-0000-0000-0b0b-000000000001");
    public static readonly Guid OpenMissed = new("00000000-0000-0000-0b0b-000000000002");
    public static readonly Guid GsPatrol = new("00000000-0000-0000-0b0c-000000000001");
    public static readonly Guid JjPolice = new("00000000-0000-0000-0b0c-000000000002");

    public FakeTimeProvider Clock { get; } = new(Now.ToUniversalTime());
    public TestApp App { get; private set; } = null!;
    public HttpClient GsDesk { get; private set; } = null!;
    public HttpClient JjDesk { get; private set; } = null!;
    public HttpClient GasInspector { get; private set; } = null!;
    public HttpClient GongshuOfficer { get; private set; } = null!;
    public HttpClient XihuOfficer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(clock: Clock);
        Assert.Equal(HttpStatusCode.OK, (await App.ImportAsync(SampleTree().ToString())).StatusCode);
        var xihu = new RegionFile()
            .Add(Xihu, "西湖区", "district", null, Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001", "北山街道", "street", Xihu, Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001001", "北山社区", "community", "330106001", Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001001001", "北山网格", "grid", "330106001001", Box(120.20, 30.30, 120.30, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await App.ImportAsync(xihu.ToString())).StatusCode);
        GsDesk = await App.ClientForAsync(Roles.DepartmentHandler, department: "GS", username: "gs-desk");
        JjDesk = await App.ClientForAsync(Roles.DepartmentHandler, department: "JJ", username: "jj-desk");
        GasInspector = await App.ClientForAsync(Roles.Inspector, department: "GAS", username: "gas-inspector");
        GongshuOfficer = await App.ClientForAsync(Roles.DistrictOfficer, Gongshu, username: "gongshu-officer");
        XihuOfficer = await App.ClientForAsync(Roles.DistrictOfficer, Xihu, username: "xihu-officer");
        await SeedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Unix ms of a China wall-clock time in 2026.</summary>
    public static long Ms(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();

    private async Task SeedAsync()
    {
        await using var db = await App.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var now = Now.ToUnixTimeMilliseconds();
        Road(db, 1, "G60", "沪昆高速", "up", "GS", Gongshu, (120.11, 30.31), (120.19, 30.33), now);
        Road(db, 2, "G60", "沪昆高速", "down", "GS", Gongshu, (120.19, 30.33), (120.11, 30.31), now);
        Road(db, 3, "G92", "杭州湾环线", "up", "NB", Xihu, (120.11, 30.34), (120.19, 30.345), now);

        // October on G60 up, minutes after the report: dispatched, called back, on scene, lanes clear.
        // The last one is reported at 23:30 on 31 October in China (15:30 UTC): still October.
        Closed(db, 10, "G60", Gongshu, Ms(10, 3, 9), 0.5, 2, 5, 10);
        Closed(db, 11, "G60", Gongshu, Ms(10, 12, 14), 1, 3, 9, 20);
        Closed(db, 12, "G60", Gongshu, Ms(10, 20, 18), 2, 4, 12, 30);
        Closed(db, 13, "G60", Gongshu, Ms(10, 31, 23, 30), 0.8, null, 16, 40);
        // Ten minutes later in UTC terms it is 1 November in China: November.
        Closed(db, 14, "G60", Gongshu, Ms(11, 1, 0, 10), 0.5, 2, 7, 15);
        // Cancelled: never counted.
        var cancelled = Incident(15, "G60", "up", Gongshu, Ms(10, 5, 9));
        cancelled.Historic(IncidentStatus.Cancelled, null, null, null, null, null, Ms(10, 5, 9, 5));
        db.Incidents.Add(cancelled);
        // Another operator's route.
        Closed(db, 16, "G92", Xihu, Ms(10, 8, 11), 0.5, 2, 6, 12, "NB");

        // Open: reported 12 minutes ago, every target so far met; reported 5 minutes ago, nobody sent yet.
        var running = new Incident(OpenRunning, "SG-20261120-0001", "2201", IncidentSources.Driver, "G60", "up", 104_000, 120.12, 30.312, "GS",
            Gongshu, "追尾", "driver", now - 12 * 60_000);
        running.Describe(1, true, false, null);
        running.Historic(IncidentStatus.OnScene, GsPatrol.ToString(), now - 11 * 60_000 - 30_000, now - 10 * 60_000, now - 4 * 60_000, null, null);
        db.Incidents.Add(running);
        var missed = new Incident(OpenMissed, "SG-20261120-0002", "2202", IncidentSources.Hotline, "G60", "down", 110_000, 120.15, 30.32, "GS",
            Gongshu, "抛洒物", "gs-desk", now - 5 * 60_000);
        missed.Describe(2, false, false, null);
        db.Incidents.Add(missed);

        var patrol = new RoadCrew(GsPatrol, "GS", "路政巡查一组", CrewKinds.Patrol, "roadcrew1", "G60", 104_000, 120.12, 30.312);
        patrol.Take(OpenRunning);
        db.RoadCrews.Add(patrol);
        db.RoadCrews.Add(new RoadCrew(JjPolice, "JJ", "高速交警一中队", CrewKinds.Police, "", "G60", 120_000, 120.17, 30.325));
        await db.SaveChangesAsync();
    }

    private static void Road(LinliDb db, int n, string code, string name, string direction, string op, string district,
        (double Lon, double Lat) a, (double Lon, double Lat) b, long now)
    {
        var line = new LineString([new Coordinate(a.Lon, a.Lat), new Coordinate(b.Lon, b.Lat)]) { SRID = 4326 };
        var length = Wgs84.DistanceMeters(a.Lon, a.Lat, b.Lon, b.Lat);
        var (first, last) = direction == "up" ? (100_000L, 100_000 + (long)length) : (100_000 + (long)length, 100_000L);
        var road = new Expressway(new Guid($"00000000-0000-0000-0b0d-{n:D12}"), code, name, direction, op, line,
            $$"""[{"along":0,"stake":{{first}}},{"along":{{(long)length}},"stake":{{last}}}]""", length, now);
        road.CrossDistricts([district]);
        db.Expressways.Add(road);
    }

    private static Incident Incident(int n, string route, string direction, string district, long reported, string op = "GS") =>
        new(new Guid($"00000000-0000-0000-0b0e-{n:D12}"), $"SG-T-{n:D4}", "2201", IncidentSources.Hotline, route, direction, 105_000, 120.13, 30.315,
            op, district, "测试", "test", reported);

    private static void Closed(LinliDb db, int n, string route, string district, long reported, double dispatched, double? calledBack,
        double onScene, double clear, string op = "GS")
    {
        long At(double minutes) => reported + (long)(minutes * 60_000);
        var incident = Incident(n, route, "up", district, reported, op);
        incident.Historic(IncidentStatus.Closed, null, At(dispatched), calledBack is { } c ? At(c) : null, At(onScene), At(clear), At(clear + 30));
        db.Incidents.Add(incident);
    }
}
