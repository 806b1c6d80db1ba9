using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Lists.Core.ListsFixture;

namespace Linli.Tests.Lists.Core;

/// <summary>Issue #8 items 1, 2, 9: the lists on the map, and the coverage per community with exact waiting times.</summary>
[Trait("Category", "Database")]
public sealed class MapAndCoverageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private const string Password = "Pass-word-2026x";

    [Fact]
    public async Task The_maps_get_feature_collections_of_points_without_personal_data()
    {
        await using var app = await StartAsync();
        await RecordDemandAsync(app.Client);
        await RecordDemandAsync(app.Client, Demand(OtherGrid, "legal-aid"));
        await PostAsync(app.Client, "/api/v1/resources", ResourceBy("volunteer", "李志强"));
        var westWorker = await app.ClientForAsync(Roles.GridWorker, WestGrid);

        var response = await westWorker.GetAsync("/api/v1/demands/geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var demands = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", demands.GetProperty("type").GetString());
        var feature = Assert.Single(demands.GetProperty("features").EnumerateArray());
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.InRange(coordinates[0], 120.10, 120.125);
        Assert.InRange(coordinates[1], 30.30, 30.35);
        Assert.Equal("elderly-meals", feature.GetProperty("properties").GetProperty("category").GetString());
        var text = demands.GetRawText();
        foreach (var secret in new[] { "王", "138", "requester", "description", "careTags", "elderly-alone", "独居" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        Assert.Equal(2, (await app.GetJsonAsync("/api/v1/demands/geojson")).GetProperty("features").GetArrayLength());
        Assert.Equal(0, (await app.GetJsonAsync("/api/v1/demands/geojson?bbox=121,31,122,32")).GetProperty("features").GetArrayLength());
        Assert.Equal(["bbox"], await FieldsOf(await app.Client.GetAsync("/api/v1/demands/geojson?bbox=1,2,3")));

        var resources = await app.GetJsonAsync("/api/v1/resources/geojson");
        var offer = Assert.Single(resources.GetProperty("features").EnumerateArray()).GetProperty("properties");
        Assert.Equal("李*强", offer.GetProperty("providerName").GetString());
        Assert.Equal(1500, offer.GetProperty("radiusMeters").GetInt32());
        Assert.DoesNotContain("139", resources.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_counts_needs_met_and_waiting_times_per_community_and_per_grid_from_the_history()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await StartAsync(clock);
        await app.ClientForAsync(Roles.StreetOfficer, Street, username: "street-cov");
        var staff = await SignInAsync(app);
        var a = await RecordDemandAsync(staff, Demand(WestGrid, "elderly-meals"));
        var b = await RecordDemandAsync(staff, Demand(WestGrid, "elderly-health"));
        await RecordDemandAsync(staff, Demand(EastGrid, "children-tutoring"));
        var d = await RecordDemandAsync(staff, Demand(EastGrid, "elderly-meals"));
        var e = await RecordDemandAsync(staff, Demand(OtherGrid, "legal-aid"));

        // Bearer tokens live an hour on the same clock: sign in again after each jump.
        clock.Advance(TimeSpan.FromDays(1));
        staff = await SignInAsync(app);
        await PostAsync(staff, $"/api/v1/demands/{d}/close", new { evidence = "老人已搬去子女家，不再需要" }, HttpStatusCode.OK);
        await MatchAsync(app, e);
        clock.Advance(TimeSpan.FromDays(1));
        await MatchAsync(app, a);
        clock.Advance(TimeSpan.FromDays(1));
        staff = await SignInAsync(app);
        await PostAsync(staff, $"/api/v1/demands/{e}/close", new { evidence = "律师已上门，纠纷调解完毕" }, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromDays(1));
        await MatchAsync(app, b);
        clock.Advance(TimeSpan.FromDays(1));
        staff = await SignInAsync(app);
        await PostAsync(staff, $"/api/v1/demands/{a}/fulfil", new { note = "已送餐" }, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromDays(5));
        staff = await SignInAsync(app);

        var street = await GetAsync(staff, $"/api/v1/lists/coverage?region={Street}");
        Assert.Equal("community", street.GetProperty("rowLevel").GetString());
        AssertFigures(street.GetProperty("total"), recorded: 5, open: 1, inProgress: 1, met: 2, closedUnmet: 1, share: 0.4, served: 3, median: 2, p90: 4, oldest: 10);
        var rows = street.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal([Community, OtherCommunity, "330105001003"], rows.Keys);
        AssertFigures(rows[Community].GetProperty("figures"), recorded: 4, open: 1, inProgress: 1, met: 1, closedUnmet: 1, share: 0.25, served: 2, median: 3, p90: 4, oldest: 10);
        AssertFigures(rows[OtherCommunity].GetProperty("figures"), recorded: 1, open: 0, inProgress: 0, met: 1, closedUnmet: 0, share: 1, served: 1, median: 1, p90: 1, oldest: null);
        Assert.Equal(0, rows["330105001003"].GetProperty("figures").GetProperty("recorded").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows["330105001003"].GetProperty("figures").GetProperty("shareMet").ValueKind);
        var groups = street.GetProperty("byGroup").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("figures"));
        Assert.Equal(["elderly", "children", "legal"], groups.Keys);
        AssertFigures(groups["elderly"], recorded: 3, open: 0, inProgress: 1, met: 1, closedUnmet: 1, share: 0.3333, served: 2, median: 3, p90: 4, oldest: null);

        var community = await GetAsync(staff, $"/api/v1/lists/coverage?region={Community}");
        Assert.Equal("grid", community.GetProperty("rowLevel").GetString());
        var grids = community.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("figures"));
        AssertFigures(grids[WestGrid], recorded: 2, open: 0, inProgress: 1, met: 1, closedUnmet: 0, share: 0.5, served: 2, median: 3, p90: 4, oldest: null);
        AssertFigures(grids[EastGrid], recorded: 2, open: 1, inProgress: 0, met: 0, closedUnmet: 1, share: 0, served: 0, median: null, p90: null, oldest: 10);
    }

    [Fact]
    public async Task Coverage_stays_within_the_readers_scope()
    {
        await using var app = await StartAsync();
        var community = await app.ClientForAsync(Roles.CommunityStaff, Community);
        var resident = await app.ClientForAsync(Roles.Resident);

        Assert.Equal(Community, (await GetAsync(community, "/api/v1/lists/coverage")).GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await community.GetAsync($"/api/v1/lists/coverage?region={Street}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/v1/lists/coverage")).StatusCode);
        Assert.Equal(["region"], await FieldsOf(await community.GetAsync("/api/v1/lists/coverage?region=abc")));
    }

    private static void AssertFigures(JsonElement f, int recorded, int open, int inProgress, int met, int closedUnmet, double? share, int served,
        double? median, double? p90, double? oldest)
    {
        Assert.Equal(recorded, f.GetProperty("recorded").GetInt32());
        Assert.Equal(open, f.GetProperty("open").GetInt32());
        Assert.Equal(inProgress, f.GetProperty("inProgress").GetInt32());
        Assert.Equal(met, f.GetProperty("met").GetInt32());
        Assert.Equal(closedUnmet, f.GetProperty("closedUnmet").GetInt32());
        Assert.Equal(share, Number(f.GetProperty("shareMet")));
        Assert.Equal(served, f.GetProperty("served").GetInt32());
        Assert.Equal(median, Number(f.GetProperty("medianWaitDays")));
        Assert.Equal(p90, Number(f.GetProperty("p90WaitDays")));
        Assert.Equal(oldest, Number(f.GetProperty("oldestOpenDays")));
    }

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    private static async Task<HttpClient> SignInAsync(TestApp app) => app.Factory.ClientWithToken(await app.Factory.TokenAsync("street-cov", Password));

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, object?> ResourceBy(string kind, string name)
    {
        var body = Resource();
        body["providerKind"] = kind;
        body["providerName"] = name;
        return body;
    }
}
