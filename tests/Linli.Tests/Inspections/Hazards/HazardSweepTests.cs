using Linli.Modules.Cases.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Hazards.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Inspections.Hazards.HazardKit;

namespace Linli.Tests.Inspections.Hazards;

/// <summary>The hazards' clock, driven by hand with a fake time: escalation, re-inspection at the deadline, overdue inspections.</summary>
[Trait("Category", "Database")]
public sealed class HazardSweepTests
{
    private static Task<HazardSweepResult> SweepAsync(Linli.Tests.Infrastructure.TestApp app) =>
        app.Factory.Services.GetRequiredService<HazardSweep>().SweepAsync(CancellationToken.None);

    private static Task<List<string?>> EscalationNotesAsync(Linli.Tests.Infrastructure.TestApp app, Guid hazard) =>
        WithDbAsync(app, (db, _) => db.InspectionEvents.AsNoTracking().Where(e => e.SubjectId == hazard && e.Action == "escalated")
            .OrderBy(e => e.Id).Select(e => e.Note).ToListAsync());

    [Fact]
    public async Task Overdue_rectification_escalates_the_day_after_the_deadline_then_at_three_and_seven_days_each_level_once()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await StartAsync(clock);
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        // Ventilation: a general hazard with 15 days to rectify → deadline 17 March.
        await RecordOkAsync(inspector, await InspectionAsync(app, customer, Today, "insp-a"), Answers(("ventilation", "fail")));
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        Assert.Equal(new DateOnly(2026, 3, 17), hazard.Deadline);

        async Task<int> LevelOnAsync(DateOnly day)
        {
            clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
            await SweepAsync(app);
            return (await HazardAsync(app, hazard.Id)).EscalationLevel;
        }

        Assert.Equal(0, await LevelOnAsync(new DateOnly(2026, 3, 17)));
        Assert.Equal(1, await LevelOnAsync(new DateOnly(2026, 3, 18)));
        Assert.Equal(0, (await SweepAsync(app)).Escalations);
        Assert.Equal(1, await LevelOnAsync(new DateOnly(2026, 3, 19)));
        Assert.Equal(2, await LevelOnAsync(new DateOnly(2026, 3, 20)));
        Assert.Equal(2, await LevelOnAsync(new DateOnly(2026, 3, 23)));
        Assert.Equal(3, await LevelOnAsync(new DateOnly(2026, 3, 24)));
        Assert.Equal(3, await LevelOnAsync(new DateOnly(2026, 4, 30)));

        Assert.Equal(3, (await EscalationNotesAsync(app, hazard.Id)).Count);
        // The notice SMS, then one per level.
        Assert.Equal(4, app.Factory.Sms.Messages.Count(m => m.Phone == Phone));
        Assert.Contains("第 3 级", app.Factory.Sms.Messages.Last(m => m.Phone == Phone).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_reached_without_a_reported_rectification_gets_a_re_inspection_from_the_sweep()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await StartAsync(clock);
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        await RecordOkAsync(inspector, await InspectionAsync(app, customer, Today, "insp-a"), Answers((GasChecklist.LpgBasement, "fail")));
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, (await SweepAsync(app)).Reinspections);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await SweepAsync(app)).Reinspections);
        Assert.Equal(0, (await SweepAsync(app)).Reinspections);

        var after = await HazardAsync(app, hazard.Id);
        Assert.Equal(HazardStatus.AwaitingReinspection, after.Status);
        var reinspection = await WithDbAsync(app, (db, _) => db.Inspections.AsNoTracking().FirstAsync(i => i.Id == after.ReinspectionId));
        Assert.Equal((InspectionKinds.Reinspection, new DateOnly(2026, 3, 5)), (reinspection.Kind, reinspection.DueOn));
    }

    [Fact]
    public async Task An_overdue_inspection_becomes_one_major_no_periodic_inspection_finding_with_a_case_that_closes_when_the_inspection_is_done()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await StartAsync(clock);
        var customer = await CustomerAsync(app);
        var other = await CustomerAsync(app, "准时酒楼", "GAS-0002", 120.13, 30.32);
        var overdue = await InspectionAsync(app, customer, Today.AddDays(-3), "insp-a", Today.AddDays(-3));
        // Even two overdue inspections of one user make one finding.
        await InspectionAsync(app, customer, Today.AddDays(-1), holdsSlot: false);
        await InspectionAsync(app, other, Today);

        var first = await SweepAsync(app);
        var second = await SweepAsync(app);

        Assert.Equal((1, 0), (first.OverdueFindings, second.OverdueFindings));
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        Assert.Empty(await HazardsOfAsync(app, other));
        Assert.Equal((GasChecklist.NoPeriodicInspection, HazardGrades.Major, (Guid?)null), (hazard.ItemCode, hazard.Grade, hazard.InspectionId));
        var @case = Assert.Single(await WithDbAsync(app, (_, services) =>
            services.GetRequiredService<ICaseDirectory>().FindAsync(new CaseFilter(Ids: [hazard.CaseId!.Value]), default)));
        Assert.Equal("2105", @case.CategoryCode);

        // The periodic inspection done (late) ends the finding.
        var inspector = await InspectorAsync(app);
        await RecordOkAsync(inspector, overdue, Answers());
        var closed = await HazardAsync(app, hazard.Id);
        Assert.Equal((HazardStatus.Closed, (Guid?)overdue), (closed.Status, closed.ClosedByInspectionId));
    }
}
