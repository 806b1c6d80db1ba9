using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Registration;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers;

/// <summary>
/// The demo city's riders and gates: courier1 approved with a pass, three applications waiting for
/// review (one that fails the on-time rule), and two sites of the first community guarded by gate1.
/// Only when Linli:DemoCity is demo or city and there are no couriers yet; fixed ids keep a second
/// node from adding twins.
/// </summary>
internal sealed class CourierDemoData(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions, IAccountDirectory accounts,
    PersonalDataProtector protector, Infrastructure.Files.IFileStore files, TimeProvider clock, ILogger<CourierDemoData> logger) : DemoDataSeeder(configuration, regions, logger)
{
    protected override string What => "Courier demo data";

    protected override async Task SeedAsync(CancellationToken ct)
    {
        // Demo accounts are made by Access once the regions exist; give it a minute.
        string? courier = null, gate = null;
        for (var i = 0; i < 240 && (courier is null || gate is null); i++)
        {
            courier ??= await accounts.ResolveAsync("courier1", ct);
            gate ??= await accounts.ResolveAsync("gate1", ct);
            if (courier is null || gate is null) await Task.Delay(250, ct);
        }
        await SeedAsync(courier, gate, ct);
    }

    private async Task SeedAsync(string? courierUser, string? gateUser, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.Couriers.AnyAsync(ct) || await db.Sites.AnyAsync(ct))
        {
            return;
        }
        var district = Regions.ChildrenOf(null).SelectMany(top => top.Level == "city" ? Regions.ChildrenOf(top.Code) : [top])
            .FirstOrDefault(d => d.Code == "330105") ?? Regions.ChildrenOf(null).FirstOrDefault();
        var street = district is null ? null : Regions.ChildrenOf(district.Code).FirstOrDefault();
        var community = street is null ? null : Regions.ChildrenOf(street.Code).FirstOrDefault();
        if (street is null || community is null)
        {
            return;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var today = CourierViews.Today(clock);
        (string? User, string Name, string Platform, string Team, decimal Rate, int Months)[] riders =
        [
            (courierUser, "马超", "meituan", "美团拱墅湖墅站", 98.6m, 14),
            (null, "李文斌", "eleme", "饿了么米市巷站", 97.2m, 3),
            (null, "陈国栋", "sf", "顺丰拱墅营业部", 99.1m, 26),
            (null, "赵小龙", "meituan", "美团拱墅湖墅站", 91.5m, 5),
        ];
        for (var i = 0; i < riders.Length; i++)
        {
            var r = riders[i];
            var courier = new Courier(Fixed(1, i), r.User ?? $"demo-applicant-{i}", now - (riders.Length - i) * 3_600_000L);
            var phone = $"1365710{1000 + i * 37:D4}";
            var first17 = $"33010519{92 + i}0{(i % 9) + 1}1{i + 1}{i * 7 % 10}{i + 3}{i}";
            var id = first17 + PersonalDataFormats.ResidentIdCheck(first17);
            courier.SetIdentity(protector.Protect(r.Name)!, PersonalDataFormats.MaskName(r.Name), protector.Protect(phone)!,
                protector.Index(PersonalDataKind.Phone, phone)!, PersonalDataFormats.MaskPhone(phone), protector.Protect(id)!, protector.Index(PersonalDataKind.IdNumber, id)!);
            courier.SetWork(r.Platform, r.Platform == "sf" ? "顺丰速运（杭州）有限公司" : "杭州拱墅区众包配送服务有限公司", r.Team, "electric-bike",
                $"杭州A{1234 + i}", street.Code, today.AddMonths(-r.Months), r.Rate, 0, 0, true);
            db.Couriers.Add(courier);
            db.CourierEvents.Add(new CourierEvent(courier.Id, courier.UserId, "apply", null, courier.CreatedAtMs));
            if (r.User is not null)
            {
                var photo = $"couriers/{courier.Id:N}/photo-demo.png";
                using (var stream = new MemoryStream(DemoPortrait.Png(i)))
                {
                    await files.SaveAsync(photo, stream, ct);
                }
                courier.SetPhoto(photo);
                courier.Approve("demo-seed", now);
                var pass = PassIssuer.Issue(db, courier, now);
                db.CourierEvents.Add(new CourierEvent(courier.Id, "demo-seed", "approve", $"pass {pass.Number}", now));
            }
        }
        var guards = gateUser is null ? Array.Empty<string>() : [gateUser];
        var grid = Regions.ChildrenOf(community.Code).FirstOrDefault()?.Code ?? community.Code;
        var compound = new Site(Fixed(2, 0), "HS8K2M4Q", "demo-seed", now);
        var point = Regions.PointIn(grid);
        compound.Set($"{community.Name}花园", "compound", grid, $"{street.Name}{community.Name}花园北门", point?.Lon, point?.Lat, [], null, null, guards, now);
        var tower = new Site(Fixed(2, 1), "XY7D3P9T", "demo-seed", now);
        var towerPoint = Regions.PointIn(community.Code);
        tower.Set($"{community.Name}科创大厦", "building", community.Code, $"{street.Name}科创大厦一楼大堂", towerPoint?.Lon, towerPoint?.Lat,
            ["meituan", "eleme", "sf"], 7 * 60, 22 * 60, guards, now);
        db.Sites.AddRange(compound, tower);
        await db.SaveChangesAsync(ct);
    }

    private static Guid Fixed(int kind, int i) => new($"00000000-0000-0000-00c{kind}-{i + 1:D12}");
}
