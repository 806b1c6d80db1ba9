using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Matching;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Lists.Matching;

/// <summary>
/// One app for the whole class: the endpoint keeps no state and touches no database, so the
/// requests cannot see each other, and starting an app per bad input would cost minutes.
/// </summary>
public sealed class SolverAppFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        // Region staff accounts need a region to cover.
        Assert.Equal(HttpStatusCode.OK, (await App.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SolveEndpointTests(SolverAppFixture fixture) : IClassFixture<SolverAppFixture>
{
    private const string Url = "/api/v1/matching/solve";

    private const string Known = """
        {"demands": [{"id": "A", "quantity": 3}, {"id": "B", "quantity": 4}, {"id": "C", "quantity": 4}],
         "resources": [{"id": "P", "capacity": 5}, {"id": "Q", "capacity": 4}, {"id": "R", "capacity": 2}],
         "edges": [{"demand": "A", "resource": "P", "score": 8}, {"demand": "A", "resource": "Q", "score": 2},
                   {"demand": "B", "resource": "P", "score": 7}, {"demand": "B", "resource": "R", "score": 5},
                   {"demand": "C", "resource": "Q", "score": 6}, {"demand": "C", "resource": "R", "score": 1}]}
        """;

    [Fact]
    public async Task A_known_instance_is_answered_with_its_optimal_objective_and_assignments()
    {
        var response = await PostAsync(fixture.App.Client, Known);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(72, body.GetProperty("objective").GetDouble(), 9);
        var assignments = body.GetProperty("assignments").EnumerateArray()
            .Select(a => (a.GetProperty("demand").GetString(), a.GetProperty("resource").GetString(), a.GetProperty("quantity").GetInt32()))
            .ToArray();
        Assert.Equal([("A", "P", 3), ("B", "P", 2), ("B", "R", 2), ("C", "Q", 4)], assignments);
        Assert.True(body.GetProperty("elapsedMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task A_random_instance_over_http_reaches_the_linear_programming_optimum()
    {
        var random = new Random(29);
        var demands = Enumerable.Range(0, 300).Select(i => new SolverDemand($"需求-{i}", random.Next(1, 11))).ToArray();
        var resources = Enumerable.Range(0, 90).Select(i => new SolverResource($"资源-{i}", random.Next(5, 51))).ToArray();
        var edges = demands.SelectMany(d => resources.OrderBy(_ => random.Next()).Take(random.Next(5, 20))
            .Select(r => new SolverEdge(d.Id, r.Id, (random.NextDouble() * 120) - 20))).ToArray();

        var response = await fixture.App.Client.PostAsJsonAsync(Url, new { demands, resources, edges });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var result = new SolverResult(body.GetProperty("objective").GetDouble(),
            body.GetProperty("assignments").Deserialize<SolverAssignment[]>(JsonSerializerOptions.Web)!);
        SolverReference.AssertFeasible(demands, resources, edges, result);
        var best = SolverReference.LinearProgram(demands, resources, edges);
        Assert.True(Math.Abs(best - result.Objective) < 1e-6 * best, $"endpoint {result.Objective}, LP {best}");
    }

    [Fact]
    public async Task Region_staff_may_solve_and_a_resident_may_not()
    {
        var gridWorker = await fixture.App.ClientForAsync(Roles.GridWorker, "330105001001001");
        var resident = await fixture.App.ClientForAsync(Roles.Resident);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gridWorker, Known)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(resident, Known)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(fixture.App.Anonymous, Known)).StatusCode);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { Body(edges: """[{"demand": "d1", "resource": "r9", "score": 1}]"""), "edges[0].resource", "no resource with id 'r9'" },
        { Body(edges: """[{"demand": "d1", "resource": "r1", "score": 1}, {"demand": "d7", "resource": "r1", "score": 1}]"""), "edges[1].demand", "no demand with id 'd7'" },
        { Body(demands: """[{"id": "d1", "quantity": 1}, {"id": "d1", "quantity": 2}]"""), "demands[1].id", "repeats the id 'd1' of demands[0]" },
        { Body(resources: """[{"id": "r1", "capacity": 1}, {"id": "r2", "capacity": 1}, {"id": "r1", "capacity": 1}]"""), "resources[2].id", "repeats the id 'r1' of resources[0]" },
        { Body(demands: """[{"id": "d1", "quantity": -1}]"""), "demands[0].quantity", "must be a whole number from 0 to 2147483647" },
        { Body(demands: """[{"id": "d1", "quantity": 2.5}]"""), "demands[0].quantity", "not 2.5" },
        { Body(demands: """[{"id": "d1", "quantity": 2.0000000000000001}]"""), "demands[0].quantity", "must be a whole number" },
        { Body(demands: """[{"id": "d1", "quantity": 3000000000}]"""), "demands[0].quantity", "must be a whole number" },
        { Body(resources: """[{"id": "r1", "capacity": 0.5}]"""), "resources[0].capacity", "must be a whole number" },
        { Body(demands: """[{"id": "d1", "quantity": "5"}]"""), "demands[0].quantity", "must be a whole number" },
        { Body(demands: """[{"id": "d1"}]"""), "demands[0].quantity", "is required" },
        { Body(resources: """[{"capacity": 1}]"""), "resources[0].id", "is required" },
        { Body(demands: """[{"id": 17, "quantity": 1}]"""), "demands[0].id", "must be a string" },
        { Body(demands: """[{"id": "", "quantity": 1}]"""), "demands[0].id", "must be a string of 1 to 200 characters" },
        { Body(demands: "[null]"), "demands[0]", "must be an object" },
        { Body(edges: """[{"demand": "d1", "resource": "r1"}]"""), "edges[0].score", "is required" },
        { Body(edges: """[{"demand": "d1", "resource": "r1", "score": "NaN"}]"""), "edges[0].score", "must be a finite number" },
        { Body(edges: """[{"demand": "d1", "resource": "r1", "score": 1e400}]"""), "edges[0].score", "must be a finite number" },
        { Body(edges: """[{"demand": "d1", "resource": "r1", "score": 2e12}]"""), "edges[0].score", "must be a finite number between" },
        { Body(edges: """[{"demand": "d1", "resource": "r1", "score": 1}, {"demand": "d2", "resource": "r1", "score": 1}, {"demand": "d1", "resource": "r1", "score": 2}]"""),
            "edges[2]", "repeats the demand–resource pair of edges[0]" },
        { Body(edges: "[null]"), "edges[0]", "must be an object" },
        { Body(edges: "7"), "edges", "must be an array of objects" },
        { """{"demands": [], "resources": []}""", "edges", "is required" },
        { """{"demands": [{"id": "d1", "quantity": 1}], "resources": [""", "resources[0]", "malformed JSON" },
        { "", "body", "malformed JSON" },
        { "null", "body", "send a JSON object" },
        { "[1, 2]", "body", "must be a JSON object with demands, resources and edges" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_request_is_refused_with_the_field_that_is_wrong(string json, string field, string reason)
    {
        var response = await PostAsync(fixture.App.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
        Assert.Contains(reason, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_demands_than_the_limit_are_refused_naming_the_limit()
    {
        var demands = string.Join(',', Enumerable.Range(0, 100_001).Select(i => $$"""{"id":"d{{i}}","quantity":1}"""));

        var response = await PostAsync(fixture.App.Client, $$"""{"demands":[{{demands}}],"resources":[],"edges":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("at most 100,000 demands per request, not 100,001", errors.GetProperty("demands")[0].GetString());
    }

    private static string Body(string? demands = null, string? resources = null, string? edges = null) =>
        $$"""
        {"demands": {{demands ?? """[{"id": "d1", "quantity": 1}, {"id": "d2", "quantity": 1}]"""}},
         "resources": {{resources ?? """[{"id": "r1", "capacity": 1}]"""}},
         "edges": {{edges ?? """[{"demand": "d1", "resource": "r1", "score": 1}]"""}}}
        """;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
}
