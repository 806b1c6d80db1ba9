using System.Net;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Inspections.Indicators.IndicatorSeed;
using static Linli.Tests.Infrastructure.RegionFile;

namespace Linli.Tests.Inspections.Indicators;

/// <summary>
/// One app for the indicator tests, seeded once with a known month (March 2026) in two districts
/// of the gas utility and one user of another utility; "now" is Friday 20 March 2026, 10:00 in China.
/// </summary>
public sealed class IndicatorsFixture : IAsyncLifetime
{
    public const string Gongshu = "330105";
    public const string Xihu = "330106";
    private const string GongshuWest = "330105001001001";
    private const string GongshuEast = "330105001001002";
    private const string XihuGrid = "330106001001001";

    public static readonly DateTimeOffset Now = new(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new(Now.ToUniversalTime());
    public TestApp App { get; private set; } = null!;
    public HttpClient GasDesk { get; private set; } = null!;
    public HttpClient XihuOfficer { get; private set; } = null!;
    public HttpClient WaterDesk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(clock: Clock);
        Assert.Equal(HttpStatusCode.OK, (await App.ImportAsync(SampleTree().ToString())).StatusCode);
        var xihu = new RegionFile()
            .Add(Xihu, "西湖区", "district", null, Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001", "北山街道", "street", Xihu, Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001001", "北山社区", "community", "330106001", Box(120.20, 30.30, 120.30, 30.40))
            .Add(XihuGrid, "北山网格", "grid", "330106001001", Box(120.20, 30.30, 120.30, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await App.ImportAsync(xihu.ToString())).StatusCode);
        GasDesk = await App.ClientForAsync(Roles.DepartmentHandler, department: "GAS", username: "gas-desk");
        XihuOfficer = await App.ClientForAsync(Roles.DistrictOfficer, Xihu, username: "xihu-officer");
        WaterDesk = await App.ClientForAsync(Roles.DepartmentHandler, department: "SW", username: "water-desk");
        await SeedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task SeedAsync()
    {
        await using var db = await App.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var seed = new IndicatorSeed(db);
        var a = seed.Customer("GAS", GongshuWest, nextDueOn: Day(4, 10));
        var b = seed.Customer("GAS", GongshuEast, nextDueOn: Day(3, 19)); // overdue by its next due day
        var c = seed.Customer("GAS", XihuGrid, nextDueOn: Day(4, 18));   // overdue by an open inspection due 18 March
        seed.Customer("GAS", XihuGrid, nextDueOn: Day(3, 1), active: false); // left supply: never overdue
        var e = seed.Customer("GAS", GongshuWest);                        // overdue by an open inspection due in February
        var water = seed.Customer("SW", GongshuWest, nextDueOn: Day(3, 1));

        // Plan: five periodic inspections fall due in March (cancelled, re-inspections and other months left out).
        seed.Inspection(a, Day(3, 10), "insp-a", Ms(3, 10, 23, 30));   // done on its day, late in the evening: on time
        seed.Inspection(b, Day(3, 5), "insp-a", Ms(3, 6, 9));          // done a day late
        seed.Inspection(c, Day(3, 15), "insp-b", Ms(3, 1, 0, 30));     // done early (first half hour of March in China)
        seed.Inspection(c, Day(3, 18), "insp-b");                      // planned, not done, past due
        seed.Inspection(b, Day(3, 25));                                // due later, nobody assigned
        seed.Inspection(a, Day(3, 12), "insp-a", cancelled: true);
        seed.Inspection(a, Day(2, 20), "insp-a", Ms(2, 20));
        seed.Inspection(a, Day(3, 11), "insp-a", Ms(3, 11), kind: InspectionKinds.Reinspection);
        seed.Inspection(e, Day(2, 28));
        seed.Inspection(water, Day(3, 10), "water-insp", Ms(3, 10));

        // Hazards: five found in March (China time), five with a deadline in March.
        seed.Hazard(a, HazardGrades.General, "insp-a", Ms(3, 10), Day(3, 15), closedOn: Day(3, 14));
        seed.Hazard(b, HazardGrades.Major, "insp-a", Ms(3, 6), Day(3, 12), closedOn: Day(3, 13));
        seed.Hazard(c, HazardGrades.Major, "insp-b", Ms(3, 1, 0, 30), Day(3, 16));
        seed.Hazard(c, HazardGrades.General, "insp-b", Ms(3, 18), Day(3, 25));
        seed.Hazard(a, HazardGrades.General, "insp-a", Ms(2, 27), Day(3, 5), closedOn: Day(3, 4));
        seed.Hazard(a, HazardGrades.General, "insp-a", Ms(3, 19), Day(4, 19));
        seed.Hazard(a, HazardGrades.Major, "insp-a", Ms(2, 28, 23, 59), Day(4, 30)); // 28 February in China, though 1 March is near
        seed.Hazard(water, HazardGrades.General, "water-insp", Ms(3, 10), Day(3, 12));

        // Emergencies: Gongshu on site after 10, 20, 30, 40, 50 minutes, one waiting an hour, one reported ten minutes ago;
        // Xihu after 5, 15, 25, 35 minutes, made safe ten minutes after arriving. Target 30 minutes.
        var north = seed.Crew("GAS", "北线抢修班");
        var south = seed.Crew("GAS", "南线抢修班");
        foreach (var (minutes, day) in new[] { (10, 2), (20, 3), (30, 4), (40, 5), (50, 6) })
        {
            seed.Emergency("GAS", GongshuWest, Ms(3, day, 14), minutes, crew: north);
        }
        seed.Emergency("GAS", GongshuEast, Ms(3, 20, 9), null);
        seed.Emergency("GAS", GongshuEast, Ms(3, 20, 9, 50), null);
        foreach (var (minutes, day) in new[] { (5, 7), (15, 8), (25, 9), (35, 10) })
        {
            seed.Emergency("GAS", XihuGrid, Ms(3, day, 14), minutes, minutes + 10, crew: south);
        }
        seed.Emergency("GAS", XihuGrid, Ms(3, 11, 14), 90, cancelled: true);
        seed.Emergency("GAS", XihuGrid, Ms(3, 12, 14), 90, kind: RepairKinds.Planned);
        seed.Emergency("GAS", XihuGrid, Ms(2, 27, 14), 90);
        seed.Emergency("SW", GongshuWest, Ms(3, 12, 14), 90);
        await db.SaveChangesAsync();
    }
}
