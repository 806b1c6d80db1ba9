using Linli.Infrastructure.Protection;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Inspections.Registry;

[Trait("Category", "Database")]
public sealed class RegistryDemoDataTests
{
    [Fact]
    public async Task The_demo_city_has_sixty_gas_users_over_many_grids_some_due_this_week_and_none_long_overdue()
    {
        await using var app = await TestApp.StartAsync("demo", RegistryKit.Settings);
        List<UtilityCustomer> users = [];
        for (var i = 0; i < 240 && users.Count < RegistryDemoData.Count; i++)
        {
            users = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.Where(c => c.Utility == "GAS").ToListAsync());
            if (users.Count < RegistryDemoData.Count || await RegistryKit.DbAsync(app, db => db.Inspections.AnyAsync()) == false)
            {
                await Task.Delay(500);
            }
        }
        Assert.Equal(RegistryDemoData.Count, users.Count);
        var today = RegistryDefaults.Today(TimeProvider.System);
        Assert.All(users, u => Assert.True(PersonalDataFormats.IsCreditCode(u.CreditCode), u.CreditCode));
        Assert.All(users, u => Assert.True(u.NextDueOn >= today.AddDays(-2), $"{u.Name} due {u.NextDueOn}"));
        Assert.Contains(users, u => u.NextDueOn <= today.AddDays(7));
        Assert.Contains(users, u => u.Supply == SupplyKinds.Lpg && u.Address.Contains("地下", StringComparison.Ordinal));
        Assert.True(users.Select(u => u.RegionCode).Distinct().Count() >= 10);
        Assert.True(users.Select(u => u.Type).Distinct().Count() >= 6);
        var open = await RegistryKit.DbAsync(app, db => db.Inspections.CountAsync(i => i.Status == InspectionStatus.Due));
        Assert.True(open > 0 && open < RegistryDemoData.Count, $"{open} open");
    }
}
