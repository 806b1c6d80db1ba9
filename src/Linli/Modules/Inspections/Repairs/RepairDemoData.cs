using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs;

/// <summary>
/// The demo city's gas crews (four bases across the urban districts; inspector1 rides with the
/// first), six finished emergencies of the last days with realistic response times (two missed the
/// target) so the indicators have data, and one planned maintenance order for next week. Only when
/// Linli:DemoCity is demo or city and there are no crews yet; fixed ids keep a second node from
/// adding twins.
/// </summary>
internal sealed class RepairDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions, RepairSettings settings,
    PersonalDataProtector protector, TimeProvider clock, ILogger<RepairDemoData> logger) : DemoDataSeeder(configuration, regions, logger)
{
    private static readonly (string Name, string Members, double Lon, double Lat)[] Crews =
    [
        ("抢修一班（拱墅）", "inspector1", 120.1420, 30.3190),
        ("抢修二班（上城）", "", 120.1820, 30.2460),
        ("抢修三班（西湖）", "", 120.1050, 30.2800),
        ("抢修四班（滨江）", "", 120.2100, 30.2080),
    ];

    // Minutes after the call: dispatched, on site, made safe, finished.
    private static readonly (string Description, string Address, double Lon, double Lat, int Days, int Hour, int Dispatch, int OnSite, int Safe, int Finish)[] Done =
    [
        ("餐馆后厨燃气泄漏报警，闻到异味", "湖墅南路 88 号 老杭帮菜馆", 120.1480, 30.3010, 1, 11, 2, 18, 27, 95),
        ("酒店锅炉房调压箱漏气", "体育场路 210 号 西子宾馆", 120.1690, 30.2790, 2, 9, 1, 24, 35, 180),
        ("学校食堂软管脱落", "文三路 35 号 实验中学食堂", 120.1310, 30.2800, 3, 16, 3, 41, 50, 120),
        ("小区地下管道被施工挖断", "江南大道 1500 号 施工工地", 120.2050, 30.2120, 4, 14, 2, 22, 31, 240),
        ("商铺液化气钢瓶角阀漏气", "清河坊 6 号 小吃店", 120.1710, 30.2440, 5, 19, 1, 16, 20, 55),
        ("工厂食堂燃气表后管道漏气", "祥园路 99 号 工业园", 120.1210, 30.3400, 6, 10, 4, 52, 61, 150),
    ];

    protected override string What => "Repair demo crews and tickets";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.RepairCrews.AnyAsync(c => c.Utility == "GAS", ct)) return;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var crews = Crews.Select((c, i) => new RepairCrew(Fixed(1, i), "GAS", c.Name, c.Members, c.Lon, c.Lat, now)).ToList();
        db.RepairCrews.AddRange(crews);
        var today = Rounds.RoundsSupport.Today(clock);
        for (var i = 0; i < Done.Length; i++)
        {
            var d = Done[i];
            var reported = new DateTimeOffset(today.AddDays(-d.Days).ToDateTime(new TimeOnly(d.Hour, 7 * i % 60)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
            var region = Regions.LocateGridCode(d.Lon, d.Lat) ?? "";
            var urban = settings.IsUrban(region) || region.Length == 0;
            var number = $"QX-{DateTimeOffset.FromUnixTimeMilliseconds(reported).ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-0001";
            var t = new RepairTicket(Fixed(2, i), "GAS", number, RepairKinds.Emergency, i % 2 == 0 ? "hotline" : "leak-report", "dept-gas", reported);
            var phone = $"1390571{2000 + i * 13:D4}";
            t.Describe(null, d.Description, d.Address, d.Lon, d.Lat, region, urban, settings.TargetMinutes(urban), protector.Protect(phone),
                PersonalDataFormats.MaskPhone(phone), null, null, reported);
            var crew = crews.OrderBy(c => Rounds.Planning.GreatCircle.Km(c.Lon, c.Lat, d.Lon, d.Lat)).First();
            long At(int minutes) => reported + minutes * 60_000L;
            t.Dispatch(crew.Id, At(d.Dispatch));
            t.ArriveOnSite(At(d.OnSite));
            t.MakeSafe(At(d.Safe));
            t.Finish("关闭阀门、更换损坏管件，检漏合格后恢复供气", At(d.Finish));
            db.RepairTickets.Add(t);
            foreach (var (action, minutes) in new[] { ("report", 0), ("dispatch", d.Dispatch), ("arrive", d.OnSite), ("made-safe", d.Safe), ("finish", d.Finish) })
            {
                db.InspectionEvents.Add(new InspectionEvent(t.Id, "repair", action, action == "report" ? "dept-gas" : "demo-seed",
                    action == "dispatch" ? crew.Name : null, At(minutes)));
            }
        }
        var plannedDay = today.AddDays(5);
        var planned = new RepairTicket(Fixed(3, 0), "GAS", $"WX-{DateTimeOffset.FromUnixTimeMilliseconds(now).ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-0001",
            RepairKinds.Planned, "planned", "dept-gas", now);
        planned.Describe(null, "中压调压箱年度维护保养（更换过滤器、校验切断阀）", "莫干山路 1418 号 调压站", 120.1350, 30.3120,
            Regions.LocateGridCode(120.1350, 30.3120) ?? "", true, 0, null, null, null, plannedDay, now);
        planned.Book(crews[0].Id, now);
        db.RepairTickets.Add(planned);
        db.InspectionEvents.Add(new InspectionEvent(planned.Id, "repair", "report", "dept-gas", "planned", now));
        await db.SaveChangesAsync(ct);
    }

    private static Guid Fixed(int kind, int i) => new($"00000000-0000-0000-00d{kind}-{i + 1:D12}");
}
