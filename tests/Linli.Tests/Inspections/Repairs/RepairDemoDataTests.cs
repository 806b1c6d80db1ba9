using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Inspections.Repairs;

public sealed class RepairDemoDataTests
{
    [Fact]
    public async Task The_demo_city_gets_four_gas_crews_finished_emergencies_with_times_and_one_planned_order()
    {
        await using var app = await TestApp.StartAsync(demoCity: "demo");
        var deadline = Environment.TickCount64 + 90_000;
        JsonElement crews;
        while (true)
        {
            crews = await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/repairs/crews?utility=GAS");
            if (crews.GetArrayLength() > 0 || Environment.TickCount64 > deadline) break;
            await Task.Delay(250);
        }
        Assert.Equal(4, crews.GetArrayLength());
        Assert.All(crews.EnumerateArray(), c => Assert.True(c.GetProperty("available").GetBoolean()));
        var tickets = (await app.Client.GetFromJsonAsync<JsonElement>("/api/v1/repairs")).EnumerateArray().ToList();
        var emergencies = tickets.Where(t => t.GetProperty("kind").GetString() == "emergency").ToList();
        Assert.Equal(6, emergencies.Count);
        Assert.All(emergencies, t => Assert.Equal("Finished", t.GetProperty("status").GetString()));
        Assert.All(emergencies, t => Assert.InRange(t.GetProperty("minutesToSite").GetDouble(), 10, 60));
        // Some met the target and some missed it, so the indicators have both.
        Assert.Contains(emergencies, t => t.GetProperty("targetMet").GetBoolean());
        Assert.Contains(emergencies, t => !t.GetProperty("targetMet").GetBoolean());
        Assert.Single(tickets, t => t.GetProperty("kind").GetString() == "planned");
    }
}
