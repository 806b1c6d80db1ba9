using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry.Customers;
using Linli.Modules.Inspections.Registry.Plans;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry;

/// <summary>
/// The demo city's gas users: about sixty restaurants, hotels, canteens, factories, shops and clinics
/// spread over the grids, a few on LPG (one in a basement), inspected so that some fall due this week
/// and none is more than two days overdue (an overdue inspection is a major finding; the demo should
/// not open dozens of cases). Only when Linli:DemoCity is demo or city and gas has no users yet;
/// fixed ids keep a second node from adding twins.
/// </summary>
internal sealed class RegistryDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions, PersonalDataProtector protector,
    TimeProvider clock, ILogger<RegistryDemoData> logger) : DemoDataSeeder(configuration, regions, logger)
{
    public const int Count = 60;

    private static readonly (string Type, string Risk, string[] Names, string[] Appliances)[] Kinds =
    [
        (CustomerTypes.Catering, RiskClasses.High, ["知味小笼", "湖畔人家杭帮菜", "老街面馆", "外婆味道土菜馆", "新丰小吃", "江南渔村", "川味坊", "百味烧烤", "运河边私房菜", "状元馆面庄", "阿毛馄饨", "聚福楼酒家", "一品鲜火锅", "桂花酒楼", "小巷粥铺", "味庄大排档", "西溪农家菜", "家和饺子馆", "胜利河美食城", "大兜路酒肆", "拱宸桥片儿川", "老杭州葱包桧", "东坡肉馆", "鲜得来排骨年糕", "湘里人家", "潮汕牛肉火锅", "金沙港茶餐厅", "桥西小厨", "塘栖枇杷宴", "半山农家乐"], ["中餐炒灶", "中餐炒灶", "蒸箱"]),
        (CustomerTypes.Hotel, RiskClasses.High, ["湖墅宾馆", "运河商务酒店", "西湖假日客栈", "武林大酒店", "城北快捷酒店", "小河公寓酒店", "运河亚朵酒店"], ["燃气锅炉", "中餐炒灶", "中餐炒灶", "蒸箱"]),
        (CustomerTypes.SchoolCanteen, RiskClasses.High, ["拱宸桥小学食堂", "大关中学食堂", "湖墅幼儿园厨房", "米市巷小学食堂", "卖鱼桥小学食堂", "长征中学食堂"], ["大锅灶", "大锅灶", "蒸饭柜"]),
        (CustomerTypes.Canteen, RiskClasses.Medium, ["区政务中心职工食堂", "杭钢二厂职工食堂", "运河集团员工餐厅", "市一医院职工食堂", "区税务局职工食堂"], ["大锅灶", "蒸饭柜"]),
        (CustomerTypes.Factory, RiskClasses.Medium, ["杭州恒丰食品厂", "城北印染车间", "华丰纸业烘干车间", "兴达五金热处理车间", "杭丝联面包烘焙工坊"], ["工业燃烧器"]),
        (CustomerTypes.Retail, RiskClasses.Low, ["联华超市熟食区", "好又多面包房", "老字号糕团店"], ["烤箱"]),
        (CustomerTypes.Medical, RiskClasses.Medium, ["湖墅社区卫生服务中心", "康宁诊所"], ["燃气热水器"]),
        (CustomerTypes.Office, RiskClasses.Low, ["运河大厦", "武林科技园食堂"], ["燃气热水器"]),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "沈", "钱"];
    private static readonly string[] Given = ["建国", "秀英", "伟", "海峰", "丽华", "志强", "晓明", "美玲", "国庆", "春梅", "文斌", "雪芳", "金水", "慧敏"];
    private static readonly string[] Roads = ["湖墅南路", "莫干山路", "大关路", "小河路", "上塘路", "丽水路", "登云路", "米市巷", "舟山东路", "霞湾巷"];

    protected override string What => "Gas demo users";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.UtilityCustomers.AnyAsync(c => c.Utility == RegistryDefaults.Gas, ct))
        {
            return;
        }
        // The central districts (codes up to 330108) first and only, so that one day's rounds stay within
        // a city's reach; the district officer of 330105 sees a good share of them.
        var all = RegionsAt("grid").Take(5000).Select(g => g.Code).ToList();
        var central = all.Where(g => g.Length >= 6 && string.CompareOrdinal(g[..6], "330108") <= 0).ToList();
        var grids = central.Count > 0 ? central : all;
        if (grids.Count == 0)
        {
            return;
        }
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var today = RegistryDefaults.Today(clock);
        var random = new Random(20261129);
        var names = Kinds.SelectMany(k => k.Names.Select(n => (Kind: k, Name: n))).ToList();
        for (var i = 0; i < Math.Min(Count, names.Count); i++)
        {
            var (kind, name) = names[i];
            var grid = grids[i * grids.Count / Count % grids.Count];
            if (Regions.PointIn(grid) is not { } point)
            {
                continue;
            }
            var lpg = i % 12 == 5;
            var basement = i == 5;
            var interval = kind.Type == CustomerTypes.Catering ? 1 : 6;
            // Next due from two days ago up to the whole interval ahead; every fifth never inspected (due within a month).
            DateOnly? last = i % 5 == 4 ? null : today.AddMonths(-interval).AddDays(i % 7 == 0 ? -(i % 3) : random.Next(0, interval * 28));
            var hoseAged = i % 9 == 2;
            var equipment = new CustomerEquipment(
                [new Meter($"M{2019 + i % 6}-{10000 + i * 37}", lpg ? null : "IC卡膜式表", today.AddYears(-(1 + i % 6)))],
                kind.Appliances.Select(a => new Appliance(a, today.AddYears(-(1 + i % 5)), hoseAged ? "橡胶软管" : "不锈钢波纹管",
                    today.AddYears(hoseAged ? -4 : -(i % 3)))).ToList());
            var first17 = $"9133010{5 - i % 3}{Code8(random)}";
            var input = new CustomerInput($"GS{330105000100 + i}", name, first17 + PersonalDataFormats.CreditCodeCheck(first17), kind.Type,
                lpg ? SupplyKinds.Lpg : SupplyKinds.Pipeline, basement ? RiskClasses.High : kind.Risk,
                $"{(basement ? "地下一层，" : "")}{Roads[i % Roads.Length]}{12 + i * 7}号", point.Lon, point.Lat, null,
                Surnames[i % Surnames.Length] + Given[(i * 5) % Given.Length], $"139{57100000 + i * 7919 % 1000000:D8}", equipment, last);
            var (x, errors) = CustomerRules.Check(input, Regions, today);
            if (x is null)
            {
                Log.LogWarning("Demo gas user {Name} skipped: {Errors}", name, string.Join("; ", errors.Select(e => $"{e.Field} {e.Reason}")));
                continue;
            }
            var customer = new UtilityCustomer(new Guid($"0a5c0000-0000-4000-8000-{i:D12}"), RegistryDefaults.Gas, x.Number, "demo", nowMs);
            CustomerRules.Apply(customer, x, protector, nowMs);
            db.UtilityCustomers.Add(customer);
            db.InspectionEvents.Add(new InspectionEvent(customer.Id, "customer", "registered", "demo", "demo data", nowMs));
        }
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DueSweep>().RefreshAsync(db, RegistryDefaults.Gas, null, ct);
    }

    private static string Code8(Random random)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return "MA" + new string(Enumerable.Range(0, 7).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
