using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Stations;

/// <summary>
/// What the demo city offers riders (issue #9 item 5): battery-swap cabinets, discounted canteens,
/// rest stops and a riders' home whose courses are booked in slots. Added in the alliance demo
/// data's own SaveChanges (a station of our own seeded apart could make that seeder skip), spread
/// over the grids of the first street so a rider anywhere in it finds some within a few kilometres.
/// </summary>
internal static class WorkerServicesDemoData
{
    private const string Unit = "unit";

    private static readonly (string Category, string Provider, string Title, string Window, string Conditions, string Note, int Capacity)[] Offers =
    [
        (NeedCategories.BatterySwap, "e换电", "e换电 换电柜（48V/60V）", "daily 00:00-24:00", "discount", "以换代充：骑手月卡 99 元不限次，单次 4 元", 400),
        (NeedCategories.BatterySwap, "铁塔换电", "铁塔换电柜", "daily 00:00-24:00", "discount", "以换代充：扫码换电，不进楼道不充电", 300),
        (NeedCategories.BatterySwap, "智租换电", "智租换电站", "daily 06:00-24:00", "discount", "新骑手首月 5 折", 300),
        (NeedCategories.BatterySwap, "e换电", "e换电 换电柜（社区店）", "daily 00:00-24:00", "discount", "以换代充：骑手月卡 99 元不限次", 250),
        (NeedCategories.RiderMeals, "街道机关食堂", "骑手爱心午餐 12 元两荤一素", "daily 11:00-14:00", "discount", "出示骑手工牌或小哥码", 350),
        (NeedCategories.RiderMeals, "邻里食堂", "骑手晚餐 8 折", "daily 17:00-21:00", "discount", "出示小哥码", 200),
        (NeedCategories.RiderMeals, "社区老年食堂", "错峰骑手餐 10 元", "Mon-Fri 13:30-15:00", "discount", "错峰就餐，先到先得", 100),
        (NeedCategories.RiderRest, "中国石化易捷", "骑手驿站：热水、充电、微波炉", "daily 00:00-24:00", "free", "进店即可，手机充电免费", 500),
        (NeedCategories.RiderRest, "总工会", "户外劳动者爱心驿站", "daily 08:00-20:00", "free", "饮水、休息、应急药箱、卫生间", 300),
        (NeedCategories.RiderRest, "邮政网点", "小哥加油站", "Mon-Sat 09:00-18:00", "free", "饮水、歇脚、雨具借用", 150),
    ];

    private static readonly (string Name, int Minutes, int Places)[] Courses =
    [
        ("急救培训（心肺复苏与 AED）", 120, 20),
        ("手机摄影课：随手拍拍清楚", 120, 15),
        ("道路交通安全课", 120, 30),
    ];

    public static void Add(LinliDb db, IRegionLookup regions, RegionRef community, long nowMs, DateTimeOffset now, string owner)
    {
        var points = Points(regions, community).ToList();
        if (points.Count == 0)
        {
            return;
        }
        for (var i = 0; i < Offers.Length; i++)
        {
            var o = Offers[i];
            var (code, lon, lat) = points[(i * 3 + 1) % points.Count];
            // A little off the grid's own point, so two offers in one grid do not sit on one pin.
            (lon, lat) = (lon + (((i % 3) - 1) * 0.0009), lat + (((i % 2) * 2 - 1) * 0.0006));
            db.Resources.Add(new Resource(Fixed(5, i), Unit, o.Provider, null, o.Category, o.Title, o.Capacity, [WeeklyWindow.Parse(o.Window)],
                lon, lat, 500, [], o.Conditions, o.Note, null, code, owner, now));
        }
        var (homeCode, homeLon, homeLat) = points[0];
        var opening = new[] { WeeklyWindow.Parse("daily 14:00-16:00"), WeeklyWindow.Parse("daily 20:00-22:00") };
        var station = new Station(Fixed(6, 0), owner, nowMs);
        station.Set($"{community.Name}骑手之家（新就业群体服务站）", homeCode, $"{community.Name}党群服务中心一楼", homeLon, homeLat, opening);
        db.Stations.Add(station);
        db.Resources.Add(new Resource(station.Id, StationDesk.ProviderKind, station.Name, station.Id.ToString(), NeedCategories.RiderRest,
            $"{station.Name}：饮水、充电、歇脚", 200, opening, homeLon, homeLat, 1000, [], "free", "课程请在服务站页面预约", null, homeCode, owner, now));
        for (var j = 0; j < Courses.Length; j++)
        {
            var service = new StationService(Fixed(7, j), station.Id);
            service.Set(Courses[j].Name, NeedCategories.RiderCourses, Courses[j].Minutes, Courses[j].Places);
            db.StationServices.Add(service);
            db.Resources.Add(new Resource(service.Id, StationDesk.ProviderKind, station.Name, station.Id.ToString(), service.Category,
                $"{station.Name}: {service.Name}", SlotCalendar.PlacesPerWeek(opening, service.SlotMinutes, service.CapacityPerSlot), opening,
                homeLon, homeLat, 1000, [], "free", $"{service.SlotMinutes}-minute slots, book at /stations/{station.Id}", null, homeCode, owner, now));
        }
    }

    /// <summary>A point in each grid of the community's street (the community's own grids first), at most 24.</summary>
    private static IEnumerable<(string Code, double Lon, double Lat)> Points(IRegionLookup regions, RegionRef community)
    {
        var street = regions.PathTo(community.Code).LastOrDefault(r => r.Level == "street");
        var communities = street is null ? [community] : regions.ChildrenOf(street.Code).OrderBy(c => c.Code == community.Code ? 0 : 1).ToList();
        var count = 0;
        foreach (var c in communities)
        {
            var grids = regions.ChildrenOf(c.Code).Where(g => g.Level == "grid").ToList();
            foreach (var code in grids.Count == 0 ? [c.Code] : grids.Select(g => g.Code))
            {
                if (count >= 24)
                {
                    yield break;
                }
                if (regions.PointIn(code) is { } p)
                {
                    count++;
                    yield return (code, p.Lon, p.Lat);
                }
            }
        }
    }

    private static Guid Fixed(int kind, int index) => new($"a11a0000-0000-0000-{kind:D4}-{index:D12}");
}
