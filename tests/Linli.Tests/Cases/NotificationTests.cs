using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Linli.Tests.Cases;

[Trait("Category", "Database")]
public sealed class NotificationTests
{
    [Fact]
    public async Task The_people_of_a_case_get_it_live_and_in_their_inbox_and_others_do_not()
    {
        await using var app = await TestApp.StartAsync();
        await app.ImportAsync(RegionFile.SampleTree().ToString());
        using var community = await app.ClientForAsync("community-staff", "330105001001", username: "community-a");
        using var elsewhere = await app.ClientForAsync("community-staff", "330105001002", username: "community-b");
        using var sanitation = await app.ClientForAsync("department-handler", department: "HW", username: "hw-handler");
        var token = community.DefaultRequestHeaders.Authorization!.Parameter!;

        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Factory.Server.BaseAddress, "/hubs/cases"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On<JsonElement>("caseChanged", message =>
        {
            if (message.GetProperty("kind").GetString() == "dispatch")
            {
                received.TrySetResult(message);
            }
        });
        await connection.StartAsync();

        var created = await app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report());
        var c = (await created.Content.ReadFromJsonAsync<JsonElement>());
        var id = c.GetProperty("id").GetString();
        foreach (var (action, body) in new[] { ("accept", (object)new { }), ("file", new { }), ("dispatch", new { unit = "HW" }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await community.PostAsJsonAsync($"/api/v1/cases/{id}/actions/{action}", body)).StatusCode);
        }

        var live = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(c.GetProperty("number").GetString(), live.GetProperty("number").GetString());
        Assert.Equal("dispatched", live.GetProperty("stage").GetString());
        var mine = await community.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.Equal(4, mine.GetArrayLength());
        var unit = await sanitation.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
        Assert.Contains(unit.EnumerateArray(), n => n.GetProperty("kind").GetString() == "dispatch");
        Assert.Empty((await elsewhere.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray());

        var first = unit[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await sanitation.PostAsync($"/api/v1/inbox/{first}/read", null)).StatusCode);
        var after = await sanitation.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
        Assert.DoesNotContain(after.EnumerateArray(), n => n.GetProperty("id").GetInt64() == first);
    }
}
