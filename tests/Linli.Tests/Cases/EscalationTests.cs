using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.EscalateOverdueCases;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Cases;

[Trait("Category", "Database")]
public sealed class EscalationTests
{
    // Monday 2 March 2026, 09:00 in Beijing: an ordinary working morning.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static async Task<string> ReportAsync(TestApp app)
    {
        var response = await app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<List<(int Level, string Region)>> EscalationsAsync(LinliAppFactory factory, string caseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var id = Guid.Parse(caseId);
        return (await db.CaseEscalations.Where(e => e.CaseId == id).OrderBy(e => e.Level).ToListAsync())
            .Select(e => (e.Level, e.RegionCode)).ToList();
    }

    [Fact]
    public async Task An_overdue_stage_is_escalated_one_level_up_per_limit_passed_and_each_level_once()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await TestApp.StartAsync(clock: clock);
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        var id = await ReportAsync(app);
        var sweep = app.Factory.Services.GetRequiredService<EscalationSweep>();

        // The report waits to be accepted within 1 working hour: at 09:50 it is yellow, not overdue.
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        Assert.Empty(await EscalationsAsync(app.Factory, id));

        // 10:30: one limit passed → the community supervises.
        clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal([(1, "330105001001")], await EscalationsAsync(app.Factory, id));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        // 13:45: 3.25 working hours (the lunch break does not count) → street and district too.
        clock.Advance(TimeSpan.FromMinutes(195));
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal([(1, "330105001001"), (2, "330105001"), (3, "330105")], await EscalationsAsync(app.Factory, id));

        // Days later: the city, and never more than the four levels.
        clock.Advance(TimeSpan.FromDays(3));
        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);
        Assert.Equal([(1, "330105001001"), (2, "330105001"), (3, "330105"), (4, "330100")], await EscalationsAsync(app.Factory, id));
    }

    [Fact]
    public async Task Timer_colours_follow_the_share_of_the_limit_used()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await TestApp.StartAsync(clock: clock);
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        var id = await ReportAsync(app);
        var officer = await app.ClientForAsync("district-officer", "330105", username: "officer");

        async Task<string> TimerAsync() => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("timer").GetString()!;

        Assert.Equal("green", await TimerAsync());
        clock.Advance(TimeSpan.FromMinutes(49));
        Assert.Equal("yellow", await TimerAsync());
        clock.Advance(TimeSpan.FromMinutes(11));
        // An hour on, the first token has expired with the fake clock too: sign in again.
        officer = app.Factory.ClientWithToken(await app.Factory.TokenAsync("officer", "Pass-word-2026x"));
        Assert.Equal("red", await TimerAsync());
        var overdue = await officer.GetFromJsonAsync<JsonElement>("/api/v1/cases?overdue=true");
        Assert.Single(overdue.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Two_nodes_sweeping_the_same_database_record_each_escalation_exactly_once()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var nodeA = await TestApp.StartAsync(clock: clock);
        await nodeA.ImportAsync(RegionFile.SampleTree().ToString());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ReportAsync(nodeA));
        }
        await using var nodeB = new LinliAppFactory(nodeA.Database.ConnectionString, keysPath: nodeA.Factory.KeysPath, clock: clock);
        nodeB.CreateClient().Dispose();
        clock.Advance(TimeSpan.FromDays(2));
        var sweepA = nodeA.Factory.Services.GetRequiredService<EscalationSweep>();
        var sweepB = nodeB.Services.GetRequiredService<EscalationSweep>();

        // Both at once, then again after the lease would have expired.
        var results = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => i % 2 == 0 ? sweepA.SweepAsync(CancellationToken.None) : sweepB.SweepAsync(CancellationToken.None)));
        clock.Advance(TimeSpan.FromMinutes(5));
        var later = await Task.WhenAll(sweepA.SweepAsync(CancellationToken.None), sweepB.SweepAsync(CancellationToken.None));

        Assert.Equal(5 * 4, results.Sum() + later.Sum());
        foreach (var id in ids)
        {
            Assert.Equal([1, 2, 3, 4], (await EscalationsAsync(nodeA.Factory, id)).Select(e => e.Level));
        }
    }
}
