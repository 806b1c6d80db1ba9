using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Cases;

/// <summary>Every action in every stage: the allowed ones are walked by the loop tests; here every other one must be a 409.</summary>
[Trait("Category", "Database")]
public sealed class StateMachineTests : IAsyncLifetime
{
    private static readonly string[] Actions =
    [
        "accept", "file", "decline", "void", "dispatch", "return", "request-extension", "grant-extension", "refuse-extension",
        "defer", "feedback", "verify", "close", "evaluate", "ledger", "self-handle",
    ];

    /// <summary>Each stage, the actions that lead there from a new report, and what it allows.</summary>
    private static readonly (string Stage, string[] Path, string[] Allowed)[] Stages =
    [
        ("reported", [], ["accept", "decline", "void", "self-handle"]),
        ("accepted", ["accept"], ["file", "decline", "void", "self-handle"]),
        ("filed", ["accept", "file"], ["void", "dispatch", "ledger"]),
        ("dispatched", ["accept", "file", "dispatch"], ["return", "request-extension", "defer", "ledger", "feedback"]),
        ("deferred", ["accept", "file", "dispatch", "defer"], ["dispatch", "ledger"]),
        ("fed-back", ["accept", "file", "dispatch", "feedback"], ["verify"]),
        ("verified", ["accept", "file", "dispatch", "feedback", "verify"], ["close"]),
        ("closed", ["accept", "file", "dispatch", "feedback", "verify", "close"], ["evaluate"]),
        ("evaluated", ["accept", "file", "dispatch", "feedback", "verify", "close", "evaluate"], []),
        ("declined", ["decline"], []),
        ("voided", ["void"], []),
        ("ledger", ["accept", "file", "ledger"], ["dispatch"]),
    ];

    private static readonly object Everything = new { unit = "HW", reason = "理由", note = "说明", passed = true, rating = 4, comment = "好", hours = 2 };

    private TestApp _app = null!;
    private HttpClient _gridWorker = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.ImportAsync(RegionFile.SampleTree().ToString());
        _gridWorker = await _app.ClientForAsync("grid-worker", "330105001001001");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> ActAsync(string id, string token, string action)
    {
        var client = action switch { "self-handle" => _gridWorker, "evaluate" => _app.Anonymous, _ => _app.Client };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/actions/{action}") { Content = JsonContent.Create(Everything) };
        request.Headers.Add("X-Follow-Token", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Every_action_a_stage_does_not_allow_is_a_409_that_names_the_stage()
    {
        var wrong = new List<string>();
        foreach (var (stage, path, allowed) in Stages)
        {
            var created = await (await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report())).Content.ReadFromJsonAsync<JsonElement>();
            var id = created.GetProperty("id").GetString()!;
            var token = created.GetProperty("followToken").GetString()!;
            foreach (var step in path)
            {
                var moved = await ActAsync(id, token, step);
                Assert.True(moved.IsSuccessStatusCode, $"{step} on the way to {stage}: {await moved.Content.ReadAsStringAsync()}");
            }
            Assert.Equal(stage, (await _app.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("stage").GetString());
            foreach (var action in Actions.Except(allowed))
            {
                var response = await ActAsync(id, token, action);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Conflict)
                {
                    wrong.Add($"{action} in {stage}: {(int)response.StatusCode} {body}");
                }
            }
            Assert.Equal(stage, (await _app.GetJsonAsync($"/api/v1/cases/{id}")).GetProperty("stage").GetString());
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
