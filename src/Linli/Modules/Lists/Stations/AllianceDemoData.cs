using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Merchants;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Stations;

/// <summary>
/// A few alliance merchants with offers and two service stations in the demo city, once its
/// regions exist (Geography seeds them first; this waits for the region index). Only when
/// Linli:DemoCity is demo or city and the alliance tables are empty; fixed ids make a second
/// node's attempt fail on the primary key instead of adding twins.
/// </summary>
internal sealed class AllianceDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions,
    PersonalDataProtector protector, TimeProvider clock, ILogger<AllianceDemoData> logger) : DemoDataSeeder(configuration, regions, logger)
{
    /// <summary>Demo merchants have no owner account; staff see them in the queue and on the map.</summary>
    public const string DemoOwner = "demo-seed";

    protected override string What => "Alliance demo data (merchants, stations)";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.Merchants.AnyAsync(ct) || await db.Stations.AnyAsync(ct))
        {
            return;
        }
        var communities = RegionsAt("community").Take(2).ToList();
        if (communities.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        string[] names = ["张记面馆", "邻家便利店", "康乐理发店"];
        string[] codes = ["91330105MA2C000026", "91330105MA2D00003U", "91330105MA2E00004H"];
        (string Category, string Title, int Capacity, string Window, string Conditions, string Note)[] offers =
        [
            ("courier-services", "骑手爱心餐 8 折", 70, "daily 11:00-14:00", "discount", "出示骑手或快递工牌"),
            ("courier-services", "小哥免费饮水充电", 200, "daily 08:00-22:00", "free", "进店即可"),
            ("repairs-haircut", "老人理发积分兑换", 20, "Tue,Thu 09:00-11:00", "points", "60 岁以上，20 积分一次"),
        ];
        for (var i = 0; i < names.Length; i++)
        {
            var grid = Regions.ChildrenOf(communities[i % communities.Count].Code).FirstOrDefault()?.Code ?? communities[i % communities.Count].Code;
            var point = Regions.PointIn(grid);
            var merchant = new Merchant(Fixed(1, i), DemoOwner, names[i], codes[i], $"{Regions.PathTo(grid).LastOrDefault()?.Name} 沿街商铺",
                grid, point?.Lon, point?.Lat, protector.Protect("0571-8888000" + i), [offers[i].Category], ms);
            merchant.Approve("demo-seed", ms);
            db.Merchants.Add(merchant);
            var offer = new MerchantOffer(Fixed(2, i), merchant.Id, ms);
            var windows = new[] { WeeklyWindow.Parse(offers[i].Window) };
            offer.Set(offers[i].Category, offers[i].Title, offers[i].Capacity, WeeklyWindows.Store(windows), 1500, offers[i].Conditions, offers[i].Note, ms);
            db.MerchantOffers.Add(offer);
            db.Resources.Add(new Resource(offer.Id, MerchantService.ProviderKind, merchant.Name, merchant.Id.ToString(), offer.Category, offer.Title,
                offer.CapacityPerWeek, windows, point?.Lon, point?.Lat, 1500, [], offer.Conditions, offer.ConditionNote, merchant.ContactProtected,
                grid, DemoOwner, now));
        }
        string[] stationNames = ["红色邻里服务站（一）", "红色邻里服务站（二）"];
        for (var i = 0; i < communities.Count; i++)
        {
            var code = communities[i].Code;
            var point = Regions.PointIn(code);
            var opening = new[] { WeeklyWindow.Parse("Mon-Sat 09:00-17:00") };
            var station = new Station(Fixed(3, i), DemoOwner, ms);
            station.Set($"{communities[i].Name}{stationNames[i]}", code, $"{communities[i].Name}党群服务中心", point?.Lon, point?.Lat, opening);
            db.Stations.Add(station);
            db.Resources.Add(new Resource(station.Id, StationDesk.ProviderKind, station.Name, station.Id.ToString(), "courier-services", station.Name,
                100, opening, point?.Lon, point?.Lat, 1000, [], "free", null, null, code, DemoOwner, now));
            (string Name, string Category, int Minutes, int Places)[] services =
                [("理发", "repairs-haircut", 30, 2), ("量血压", "elderly-health", 15, 3), ("法律咨询", "legal-aid", 60, 1)];
            for (var j = 0; j < services.Length; j++)
            {
                var service = new StationService(Fixed(4, (i * 10) + j), station.Id);
                service.Set(services[j].Name, services[j].Category, services[j].Minutes, services[j].Places);
                db.StationServices.Add(service);
                db.Resources.Add(new Resource(service.Id, StationDesk.ProviderKind, station.Name, station.Id.ToString(), service.Category,
                    $"{station.Name}: {service.Name}", SlotCalendar.PlacesPerWeek(opening, service.SlotMinutes, service.CapacityPerSlot), opening,
                    point?.Lon, point?.Lat, 1000, [], "free", null, null, code, DemoOwner, now));
            }
        }
        WorkerServicesDemoData.Add(db, Regions, communities[0], ms, now, DemoOwner);
        await db.SaveChangesAsync(ct);
        Log.LogInformation("Alliance demo data: {Merchants} merchants, {Stations} stations", names.Length, communities.Count);
    }

    private static Guid Fixed(int kind, int index) => new($"a11a0000-0000-0000-{kind:D4}-{index:D12}");
}
