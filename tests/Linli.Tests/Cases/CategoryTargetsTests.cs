using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Linli.Tests.Cases;

/// <summary>Milestone targets on categories: shipped for expressway incidents, shown and changed through the category API, checked.</summary>
[Trait("Category", "Database")]
public sealed class CategoryTargetsTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static List<string> Targets(JsonElement category) => category.GetProperty("targets").EnumerateArray()
        .Select(t => $"{t.GetProperty("milestone").GetString()} {t.GetProperty("limit").GetProperty("value").GetDouble()} {t.GetProperty("limit").GetProperty("unit").GetString()} {t.GetProperty("setBy").GetString()}")
        .ToList();

    [Fact]
    public async Task Expressway_incident_categories_ship_the_1315_and_operator_targets_and_others_have_none()
    {
        var minor = await _app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/categories/2201");
        Assert.Equal(new[]
        {
            "dispatched 1 natural-minutes 1315", "called-back 3 natural-minutes 1315", "on-scene 15 natural-minutes 1315",
            "on-scene 10 natural-minutes operator", "lanes-clear 20 natural-minutes operator",
        }, Targets(minor));
        var injuries = await _app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/categories/2204");
        Assert.Equal(new[] { "dispatched 1 natural-minutes 1315", "called-back 3 natural-minutes 1315", "on-scene 15 natural-minutes 1315" }, Targets(injuries));
        Assert.Empty(Targets(await _app.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/categories/1101")));
    }

    [Fact]
    public async Task An_admin_sets_targets_on_any_category_and_bad_ones_are_refused_field_by_field()
    {
        var category = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories/1101");
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(category.GetRawText())!;
        body["targets"] = new[] { new { milestone = "dispatched", limit = new { value = 2, unit = "natural-hours" }, setBy = "city" } };
        var put = await _app.Client.PutAsJsonAsync("/api/v1/categories/1101", body);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal(new[] { "dispatched 2 natural-hours city" }, Targets(await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories/1101")));

        body["targets"] = new object[]
        {
            new { milestone = "teleported", limit = new { value = 1, unit = "natural-minutes" }, setBy = "1315" },
            new { milestone = "on-scene", limit = new { value = 2, unit = "working-days" }, setBy = "1315" },
            new { milestone = "on-scene", limit = new { value = -5, unit = "natural-minutes" }, setBy = "" },
        };
        var refused = await _app.Client.PutAsJsonAsync("/api/v1/categories/1101", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "category.targets[0].milestone", "category.targets[1].limit.unit", "category.targets[2].limit.value", "category.targets[2].setBy" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        // Nothing changed.
        Assert.Equal(new[] { "dispatched 2 natural-hours city" }, Targets(await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories/1101")));
    }

    [Fact]
    public async Task A_database_seeded_before_targets_gets_the_shipped_ones_at_start_but_an_admins_choice_of_none_stands()
    {
        var category = await _app.Client.GetFromJsonAsync<JsonElement>("/api/v1/categories/2203");
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(category.GetRawText())!;
        body["targets"] = Array.Empty<object>();
        Assert.True((await _app.Client.PutAsJsonAsync("/api/v1/categories/2203", body)).IsSuccessStatusCode);
        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            await db.MinorCategories.Where(m => m.Code == "2201").ExecuteUpdateAsync(s => s.SetProperty(m => m.TargetsJson, (string?)null));
        }

        var seeding = _app.Factory.Services.GetServices<IHostedService>().OfType<ReferenceData>().Single();
        await seeding.StartAsync(CancellationToken.None);

        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            var stored = await db.MinorCategories.AsNoTracking().Where(m => m.Code == "2201" || m.Code == "2203").ToDictionaryAsync(m => m.Code, m => m.TargetsJson);
            Assert.Contains("lanes-clear", stored["2201"], StringComparison.Ordinal);
            Assert.Equal("[]", stored["2203"]);
        }
    }
}
