using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Traffic.Incidents;

/// <summary>The timing targets of an expressway incident's case and their escalation, on a fake clock.</summary>
[Trait("Category", "Database")]
public sealed class IncidentTargetsTests
{
    [Fact]
    public async Task A_late_dispatch_and_a_late_first_crew_escalate_once_each_while_the_met_targets_do_not()
    {
        var (app, clock) = await IncKit.StartAsync();
        await using var _ = app;
        var desk = await IncKit.DeskAsync(app);
        var patrol = await IncKit.CrewAsync(desk, "巡查一组", "patrol", 100_500);
        var incident = await IncKit.ReportAsync(desk);
        var id = incident.GetProperty("id").GetGuid();
        var caseId = incident.GetProperty("caseId").GetGuid();
        var sweep = app.Factory.Services.GetRequiredService<TargetSweep>();

        clock.Advance(TimeSpan.FromMinutes(2));
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/dispatch", new { crewIds = new[] { patrol } });
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/call-back", new { });
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(10)); // 12 minutes after the report
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/on-scene", new { });
        // Two nodes sweeping at once still record the operator's on-scene target once.
        var both = await Task.WhenAll(sweep.SweepAsync(CancellationToken.None), sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(1, both.Sum());

        clock.Advance(TimeSpan.FromMinutes(7)); // 19 minutes
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/lanes-clear", new { });
        clock.Advance(TimeSpan.FromMinutes(2));
        await IncKit.PostAsync(desk, $"/api/v1/traffic/incidents/{id}/close", new { });
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        var misses = await IncKit.WithDbAsync(app, db => db.CaseTargetMisses.AsNoTracking().Where(m => m.CaseId == caseId)
            .OrderBy(m => m.DueAtMs).Select(m => m.Milestone + "/" + m.SetBy).ToListAsync());
        Assert.Equal(new[] { "dispatched/1315", "on-scene/operator" }, misses);
        var texts = await IncKit.WithDbAsync(app, db => db.CaseNotifications.AsNoTracking()
            .Where(n => n.CaseId == caseId && n.Kind == "target-missed").Select(n => n.Text).ToListAsync());
        Assert.Equal(2, texts.Count);
        Assert.Contains(texts, t => t.EndsWith("1315 派警/派车 1 分钟 超时", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith("operator 首车到场 10 分钟 超时", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Single(texts, t)); // each named once

        var times = (await app.Factory.Services.GetRequiredService<ICaseMilestones>().TimesAsync([caseId], CancellationToken.None)).Single();
        Assert.Equal(Milestones.All.Order(), times.ReachedAtMs.Keys.Order());
        Assert.Equal(12 * 60_000, times.ReachedAtMs[Milestones.OnScene] - times.ReportedAtMs);
        Assert.Equal(new[] { "dispatched/1315", "on-scene/operator" }, times.Missed.Select(t => $"{t.Milestone}/{t.SetBy}").Order());

        var view = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/traffic/incidents/{id}");
        var states = view.GetProperty("incident").GetProperty("targets").EnumerateArray()
            .ToDictionary(t => $"{t.GetProperty("milestone").GetString()}/{t.GetProperty("setBy").GetString()}", t => t.GetProperty("state").GetString());
        Assert.Equal("missed", states["dispatched/1315"]);
        Assert.Equal("met", states["called-back/1315"]);
        Assert.Equal("met", states["on-scene/1315"]);
        Assert.Equal("missed", states["on-scene/operator"]);
        Assert.Equal("met", states["lanes-clear/operator"]);
    }

    [Fact]
    public async Task A_milestone_counts_the_first_time_it_is_reached_and_a_missed_target_reached_later_stays_missed()
    {
        var (app, clock) = await IncKit.StartAsync();
        await using var _ = app;
        var desk = await IncKit.DeskAsync(app);
        var caseId = (await IncKit.ReportAsync(desk)).GetProperty("caseId").GetGuid();
        var milestones = app.Factory.Services.GetRequiredService<ICaseMilestones>();
        var start = IncKit.Start.ToUnixTimeMilliseconds();

        await milestones.ReachAsync(caseId, Milestones.CalledBack, start + 5 * 60_000, "desk", CancellationToken.None);
        await milestones.ReachAsync(caseId, Milestones.CalledBack, start + 60_000, "desk", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));

        var times = (await milestones.TimesAsync([caseId], CancellationToken.None)).Single();
        Assert.Equal(start + 5 * 60_000, times.ReachedAtMs[Milestones.CalledBack]);
        Assert.Contains(times.Missed, t => t is { Milestone: Milestones.CalledBack, SetBy: "1315" });
        Assert.Contains(times.Missed, t => t is { Milestone: Milestones.Dispatched, SetBy: "1315" }); // never dispatched, 6 minutes on
        Assert.DoesNotContain(times.Missed, t => t.Milestone == Milestones.OnScene); // 10 and 15 minutes are still running
        Assert.Equal(1, await IncKit.WithDbAsync(app, db => db.CaseMilestones.CountAsync(m => m.CaseId == caseId)));
    }

    [Fact]
    public async Task A_category_without_targets_costs_the_sweep_nothing_and_its_cases_record_no_milestones()
    {
        var (app, clock) = await IncKit.StartAsync();
        await using var _ = app;
        var milestones = app.Factory.Services.GetRequiredService<ICaseMilestones>();
        Assert.Empty(await milestones.TargetsAsync("0101", CancellationToken.None));
        Assert.Equal(5, (await milestones.TargetsAsync("2201", CancellationToken.None)).Count);
        Assert.Equal(3, (await milestones.TargetsAsync("2204", CancellationToken.None)).Count);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await app.Factory.Services.GetRequiredService<TargetSweep>().SweepAsync(CancellationToken.None));
    }
}
