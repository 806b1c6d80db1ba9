using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.People.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.People;

/// <summary>Issue #8 item 0: the household book's pages, the directory other modules use, and the demo city's households.</summary>
[Trait("Category", "Database")]
public sealed partial class PeoplePagesAndDemoTests
{
    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryToken();

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Demo accounts are made in the background once the regions are loaded.</summary>
    private static async Task<string> DemoTokenAsync(TestApp app, string username)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            var response = await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = LinliAppFactory.DemoPassword });
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            }
            Assert.True(Environment.TickCount64 < deadline, $"{username}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_book_the_household_page_and_the_visit_form_render_masked_names_for_a_grid_worker_and_refuse_her_outside_her_grid()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(HouseholdBookTests.PeopleRegions().ToString())).StatusCode);
        var worker = await app.ClientForAsync("grid-worker", "330105001001001");
        var inside = (await HouseholdBookTests.CreateAsync(app.Client, HouseholdBookTests.NewHousehold())).GetProperty("id").GetString();
        var outside = (await HouseholdBookTests.CreateAsync(app.Client, HouseholdBookTests.NewHousehold(HouseholdBookTests.OtherBuilding))).GetProperty("id").GetString();
        var visit = await worker.PostAsJsonAsync($"/api/v1/households/{inside}/visits", new
        {
            seen = "老人在家", asked = "想要送餐",
            needs = new[] { new { category = "elderly-meals", description = "午餐送餐上门", quantity = 5, urgency = "normal" } },
        });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);

        var (status, book) = await PageAsync(worker, "/households?region=330105001001001");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("刘*燕", book);
        Assert.Contains("2单元501", book);
        Assert.Contains("低保/低收入", book);
        Assert.DoesNotContain("刘海燕", book);
        Assert.Contains("住户台账", book); // the nav item and the title

        var (pageStatus, page) = await PageAsync(worker, $"/households/{inside}");
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("王*国", page);
        Assert.Contains("330105********001X", page);
        Assert.Contains("午餐送餐上门", page); // the need, with its status from the demand list
        Assert.Contains("待对接", page);
        Assert.Contains("老人在家", page);
        Assert.DoesNotContain("刘海燕", page);
        Assert.DoesNotContain("王建国", page);

        var (formStatus, form) = await PageAsync(worker, $"/households/{inside}/visit");
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.Contains("name=\"need0.category\"", form);

        Assert.Equal(HttpStatusCode.Forbidden, (await PageAsync(worker, $"/households/{outside}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PageAsync(worker, "/households?region=330105001001002")).Status);

        // The region browser links its household count to the book.
        var (_, region) = await PageAsync(worker, "/regions/330105001001001");
        Assert.Contains("/households?region=330105001001001", region);
    }

    [Fact]
    public async Task The_visit_form_records_a_visit_with_its_need_and_keeps_what_was_typed_when_a_need_is_wrong()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(HouseholdBookTests.PeopleRegions().ToString())).StatusCode);
        var signedIn = await app.ClientForAsync("grid-worker", "330105001001001");
        // The form answers with a redirect to the household page; a bearer token does not follow redirects, so they are taken by hand.
        using var worker = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        worker.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        var id = (await HouseholdBookTests.CreateAsync(app.Client, HouseholdBookTests.NewHousehold())).GetProperty("id").GetString();
        var path = $"/households/{id}/visit";

        async Task<HttpResponseMessage> PostAsync(string windows)
        {
            var form = await worker.GetStringAsync(path);
            return await worker.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "visit",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value),
                ["kind"] = "door",
                ["seen"] = "屋里很冷，暖气坏了",
                ["asked"] = "希望有人上门修理",
                ["need0.category"] = "repairs-home",
                ["need0.description"] = "暖气片维修",
                ["need0.quantity"] = "1",
                ["need0.urgency"] = "high",
                ["need0.windows"] = windows,
            }));
        }

        var refused = await PostAsync("someday");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("needs[0].timeWindows", html);
        Assert.Contains("屋里很冷，暖气坏了", html);
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Visits.CountAsync());
            Assert.Equal(0, await db.Demands.CountAsync());
        }

        var saved = await PostAsync("周二,周四 09:00-11:00");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/households/{id}?visited=true", saved.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await worker.GetStringAsync(saved.Headers.Location));
        Assert.Contains("走访已记录", page);
        Assert.Contains("暖气片维修", page);
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync())
        {
            var demand = await db.Demands.AsNoTracking().SingleAsync();
            Assert.Equal("repairs-home", demand.Category);
            Assert.Equal((await db.Visits.AsNoTracking().SingleAsync()).Id, demand.VisitId);
        }
    }

    [Fact]
    public async Task The_household_directory_names_households_by_id_with_the_head_masked()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(HouseholdBookTests.PeopleRegions().ToString())).StatusCode);
        var id = (await HouseholdBookTests.CreateAsync(app.Client, HouseholdBookTests.NewHousehold())).GetProperty("id").GetGuid();

        var found = await app.Factory.Services.GetRequiredService<IHouseholdDirectory>().FindAsync([id, Guid.NewGuid()]);
        var household = Assert.Single(found.Values);
        Assert.Equal("刘*燕", household.HeadMasked);
        Assert.Equal(HouseholdBookTests.Building, household.BuildingCode);
        Assert.Equal("2单元501", household.Address);
    }

    [Fact]
    public async Task The_demo_city_gets_a_plausible_household_book_with_the_demo_grid_workers_grid_filled()
    {
        await using var app = await TestApp.StartAsync("demo");
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).ToListAsync();
        Assert.InRange(households.Count, 2_000, 4_000);
        var alone = households.Count(h => h.Members.Any(m => m.CareTagList.Contains(CareTags.ElderlyAlone)));
        Assert.InRange(alone / (double)households.Count, 0.08, 0.17);
        Assert.InRange(households.Count(h => h.HasPartyMember) / (double)households.Count, 0.06, 0.14);
        Assert.Contains(households, h => h.Members.Any(m => m.CareTagList.Contains(CareTags.ChildUnder14)));
        Assert.Contains(households, h => h.Members.Any(m => m.CareTagList.Contains(CareTags.Disabled)));
        Assert.Contains(households, h => h.CareTagList.Contains(CareTags.LowIncome));
        Assert.All(households.Where(h => h.CareTags.Length > 0), h => Assert.NotNull(h.CareTagsConsentAt));
        Assert.True(await db.Visits.CountAsync() > 100);
        Assert.Equal(households.Count, households.Select(h => (h.BuildingCode, h.Address)).Distinct().Count());

        // grid1 of the demo accounts works the first grid of the first community of 拱墅区: her book is not empty.
        using var grid1 = app.Factory.ClientWithToken(await DemoTokenAsync(app, "grid1"));
        var list = await grid1.GetFromJsonAsync<JsonElement>("/api/v1/households");
        Assert.InRange(list.GetProperty("total").GetInt32(), 100, 1_000);
        var first = list.GetProperty("items")[0];
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}\*+\p{IsCJKUnifiedIdeographs}?$", first.GetProperty("headName").GetString());
    }
}
