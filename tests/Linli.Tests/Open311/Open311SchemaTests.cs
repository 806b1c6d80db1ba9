using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Json.Schema;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Open311;

/// <summary>
/// Issue #7: every JSON answer holds to the GeoReport v2 schemas' rules (Open311/Schemas): types,
/// required fields, enumerations, date-times with a zone, URIs. A client that validates what it
/// receives accepts all of it.
/// </summary>
[Trait("Category", "Database")]
public sealed class Open311SchemaTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Open311Client _client = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        _client = new Open311Client(_app);
        await _client.CreateKeyAsync();
        var attributes = await _app.Client.PutAsJsonAsync("/api/v1/open311/services/1101/attributes", new object[]
        {
            new { code = "SIZE", datatype = "singlevaluelist", required = true, variable = true, order = 1, description = "有多少垃圾？",
                values = new[] { new { key = "small", name = "少量" }, new { key = "large", name = "大量" } } },
            new { code = "KINDS", datatype = "multivaluelist", required = false, variable = true, order = 2, description = "什么垃圾？",
                values = new[] { new { key = "glass", name = "玻璃" }, new { key = "paper", name = "纸" } } },
            new { code = "SINCE", datatype = "datetime", required = false, variable = true, order = 3, description = "什么时候开始的？" },
            new { code = "NOTE", datatype = "text", required = false, variable = false, order = 4, description = "请尽量拍照。" },
        });
        Assert.True(attributes.IsSuccessStatusCode, await attributes.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_json_answer_of_a_client_session_holds_to_the_schemas()
    {
        Valid("discovery", (await _client.GetAsync("discovery.json")).Json);
        Valid("services", (await _client.GetAsync("services.json")).Json);
        Valid("services", (await _client.GetAsync("services.json", "en")).Json);
        Valid("service-definition", (await _client.GetAsync("services/1101.json")).Json);
        Valid("service-definition", (await _client.GetAsync("services/1102.json")).Json);

        var posted = await _client.PostAsync("json", Open311Client.Report());
        Assert.True(posted.Status == HttpStatusCode.Created, posted.Body);
        Valid("post-request", posted.Json);
        var id = posted.Json[0].GetProperty("service_request_id").GetString()!;
        var repeated = await _client.PostAsync("json", Open311Client.Report());
        Valid("post-request", repeated.Json);

        var token = posted.Response.Headers.GetValues("Open311-Token").Single();
        Valid("token", (await _client.GetAsync($"tokens/{token}.json")).Json);
        Valid("requests", (await _client.GetAsync($"requests/{id}.json")).Json);
        Valid("requests", (await _client.GetAsync("requests.json")).Json);

        var update = await _client.PostUpdateAsync("json", Open311Client.Update(id, "fms-update-1"));
        Assert.True(update.Status is HttpStatusCode.OK or HttpStatusCode.Created, update.Body);
        var today = _app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var updates = await _client.GetAsync(
            $"servicerequestupdates.json?start_date={Uri.EscapeDataString(today.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz"))}&end_date={Uri.EscapeDataString(today.AddDays(1).ToString("yyyy-MM-ddTHH:mm:sszzz"))}");
        Assert.True(updates.Json.GetArrayLength() >= 2, updates.Body);
        Valid("updates", updates.Json);
    }

    [Fact]
    public async Task Every_json_refusal_holds_to_the_error_schema()
    {
        var noKey = await _client.PostAsync("json", Open311Client.Report(), withKey: false);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.Status);
        Valid("errors", noKey.Json);
        var comma = await _client.PostAsync("json", Open311Client.Report(lat: "30,3105"));
        Assert.Equal(HttpStatusCode.BadRequest, comma.Status);
        Valid("errors", comma.Json);
        var unknown = await _client.GetAsync("services/9999.json");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Valid("errors", unknown.Json);
        var missing = Open311Client.Report();
        missing.Remove("attribute[SIZE]");
        var withoutRequired = await _client.PostAsync("json", missing);
        Assert.Equal(HttpStatusCode.BadRequest, withoutRequired.Status);
        Valid("errors", withoutRequired.Json);
    }

    private static void Valid(string schemaName, JsonElement answer)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Open311", "Schemas", $"{schemaName}.schema.json");
        var schema = JsonSchema.FromText(File.ReadAllText(path), baseUri: new Uri($"https://linli.example/open311/{schemaName}-{Guid.NewGuid():N}"));
        var result = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var problems = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).ToList();
        Assert.True(result.IsValid, $"{schemaName}: {string.Join("; ", problems)}\n{answer}");
    }
}
