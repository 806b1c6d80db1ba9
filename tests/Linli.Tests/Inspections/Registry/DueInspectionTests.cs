using System.Net.Http.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry;
using Linli.Modules.Inspections.Registry.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;


namespace Linli.Tests.Inspections.Registry;

[Trait("Category", "Database")]
public sealed class DueInspectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static Task<List<Inspection>> OpenAsync(Infrastructure.TestApp app, Guid customer) => RegistryKit.DbAsync(app, db => db.Inspections
        .Where(i => i.CustomerId == customer && (i.Status == InspectionStatus.Due || i.Status == InspectionStatus.Planned)).ToListAsync());

    [Fact]
    public async Task A_new_catering_user_falls_due_within_a_month_and_the_sweep_opens_one_periodic_inspection_once_it_is_within_the_horizon()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await RegistryKit.StartAsync(clock);
        var desk = await RegistryKit.DeskAsync(app);
        var id = Guid.Parse(await RegistryKit.CreateAsync(desk, RegistryKit.Customer(1)));
        var customer = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync(c => c.Id == id));
        Assert.Equal(new DateOnly(2026, 12, 2), customer.NextDueOn);
        Assert.Empty(await OpenAsync(app, id));

        var sweep = app.Factory.Services.GetRequiredService<DueSweep>();
        clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, (await sweep.SweepAsync(default)).Opened);
        Assert.Equal(0, (await sweep.SweepAsync(default)).Opened);
        var open = Assert.Single(await OpenAsync(app, id));
        Assert.Equal(InspectionKinds.Periodic, open.Kind);
        Assert.Equal("gas-commercial", open.TemplateCode);
        Assert.Equal(new DateOnly(2026, 12, 2), open.DueOn);

        // The hazards side completes it and asks for a recompute; the sweep plans the next month.
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync())
        {
            var inspection = await db.Inspections.SingleAsync(i => i.Id == open.Id);
            var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            inspection.Complete("insp-a", InspectionOutcomes.Pass, 1, "{}", "[]", null, null, null, null, null, nowMs);
            var c = await db.UtilityCustomers.SingleAsync(x => x.Id == id);
            c.SetSchedule(new DateOnly(2026, 11, 22), null, nowMs);
            await db.SaveChangesAsync();
        }
        await sweep.SweepAsync(default);
        customer = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync(c => c.Id == id));
        Assert.Equal(new DateOnly(2026, 12, 22), customer.NextDueOn);
        Assert.Empty(await OpenAsync(app, id));
        clock.Advance(TimeSpan.FromDays(20));
        await sweep.SweepAsync(default);
        Assert.Equal(new DateOnly(2026, 12, 22), Assert.Single(await OpenAsync(app, id)).DueOn);
    }

    [Fact]
    public async Task A_user_last_inspected_long_ago_has_an_open_inspection_at_once_and_deactivating_it_cancels_that()
    {
        await using var app = await RegistryKit.StartAsync(new FakeTimeProvider(Start));
        var desk = await RegistryKit.DeskAsync(app);
        var id = Guid.Parse(await RegistryKit.CreateAsync(desk, RegistryKit.Customer(2, type: "hotel", lastInspectedOn: "2026-05-10")));
        Assert.Equal(new DateOnly(2026, 11, 10), Assert.Single(await OpenAsync(app, id)).DueOn);

        var response = await desk.PostAsync($"/api/v1/inspections/customers/{id}/deactivate", System.Net.Http.Json.JsonContent.Create(new { reason = "停业" }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Empty(await OpenAsync(app, id));
        var cancelled = await RegistryKit.DbAsync(app, db => db.Inspections.SingleAsync(i => i.CustomerId == id));
        Assert.Equal(InspectionStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.OpenPeriodicFor);
        var history = await RegistryKit.DbAsync(app, db => db.InspectionEvents.Where(e => e.SubjectId == id).Select(e => e.Action).ToListAsync());
        Assert.Contains("deactivated", history);
    }

    [Fact]
    public async Task Two_refreshes_racing_on_two_contexts_open_only_one_periodic_inspection_per_user()
    {
        await using var app = await RegistryKit.StartAsync(new FakeTimeProvider(Start));
        var desk = await RegistryKit.DeskAsync(app);
        var ids = new List<Guid>();
        for (var n = 10; n < 15; n++)
        {
            ids.Add(Guid.Parse(await RegistryKit.CreateAsync(desk, RegistryKit.Customer(n, type: "factory", lastInspectedOn: "2026-05-10"))));
        }
        // Forget the inspections the create opened, then let two "nodes" refresh at once, without the lease.
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.InspectionEvents.Where(e => e.SubjectKind == "inspection").ExecuteDeleteAsync();
            await db.Inspections.ExecuteDeleteAsync();
        }
        var today = new DateOnly(2026, 11, 2);
        var nowMs = Start.ToUnixTimeMilliseconds();
        async Task<DueRefresh> Node()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await DueInspections.RefreshAsync(db, "GAS", null, today, nowMs, 14, default);
        }
        var results = await Task.WhenAll(Node(), Node(), Node());
        Assert.Equal(5, results.Sum(r => r.Opened));
        foreach (var id in ids)
        {
            Assert.Single(await OpenAsync(app, id));
        }
    }

    [Fact]
    public async Task Changing_the_rules_recomputes_every_users_next_due_date()
    {
        await using var app = await RegistryKit.StartAsync(new FakeTimeProvider(Start));
        var desk = await RegistryKit.DeskAsync(app);
        var id = Guid.Parse(await RegistryKit.CreateAsync(desk, RegistryKit.Customer(3, type: "hotel", lastInspectedOn: "2026-10-01")));
        Assert.Equal(new DateOnly(2027, 4, 1), (await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync(c => c.Id == id))).NextDueOn);

        var put = await desk.PutAsJsonAsync("/api/v1/inspections/frequency-rules", new
        {
            rules = new object[]
            {
                new { intervalMonths = 6 },
                new { customerType = "hotel", riskClass = "high", intervalMonths = 2 },
            },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal(new DateOnly(2026, 12, 1), (await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync(c => c.Id == id))).NextDueOn);
    }
}
