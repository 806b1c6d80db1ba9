using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Inspections.Hazards;

/// <summary>
/// Builds the hazards tests' world: the sample district (so cases can be routed), a gas user and its
/// inspections written straight to the database (the registry's API lives on another branch), and
/// the inspection recorded the way the phone sends it.
/// </summary>
internal static class HazardKit
{
    // Monday 2 March 2026, 09:00 in Beijing.
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Today = new(2026, 3, 2);
    public const string Phone = "13912345678";

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null)
    {
        var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static Task<HttpClient> InspectorAsync(TestApp app, string username = "insp-a", string utility = "GAS") =>
        app.ClientForAsync(Roles.Inspector, null, department: utility, username: username);

    public static Task<HttpClient> DeskAsync(TestApp app) => app.ClientForAsync(Roles.DepartmentHandler, null, department: "GAS", username: "desk-gas");

    public static async Task<T> WithDbAsync<T>(TestApp app, Func<LinliDb, IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LinliDb>(), scope.ServiceProvider);
    }

    public static Task<Guid> CustomerAsync(TestApp app, string name = "老杭州面馆", string number = "GAS-0001", double lon = 120.11, double lat = 30.32) =>
        WithDbAsync(app, async (db, services) =>
        {
            var protector = services.GetRequiredService<PersonalDataProtector>();
            var now = Monday.ToUnixTimeMilliseconds();
            var customer = new UtilityCustomer(Guid.NewGuid(), "GAS", number, "test", now);
            customer.Set(name, "91330105MA2B3C4D5E", CustomerTypes.Catering, "拱墅区康桥路 1 号", lon, lat, "330105001001001", SupplyKinds.Lpg,
                RiskClasses.High, "{}", now);
            customer.SetContact(protector.Protect("王老板")!, "王**", protector.Protect(Phone)!, "139****5678", now);
            db.UtilityCustomers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    /// <summary>A periodic inspection; <paramref name="holdsSlot"/> false makes a second open one for the same user, which the registry never does.</summary>
    public static Task<Guid> InspectionAsync(TestApp app, Guid customer, DateOnly dueOn, string? inspector = null, DateOnly? plannedOn = null,
        bool holdsSlot = true) =>
        WithDbAsync(app, async (db, _) =>
        {
            var now = Monday.ToUnixTimeMilliseconds();
            // As the registry's due sweep opens it: holding the user's one open periodic slot.
            var inspection = holdsSlot
                ? Inspection.Periodic(Guid.NewGuid(), "GAS", customer, dueOn, GasChecklist.Code, now)
                : new Inspection(Guid.NewGuid(), "GAS", customer, InspectionKinds.Periodic, dueOn, GasChecklist.Code, null, now);
            if (inspector is not null) inspection.Plan(inspector, plannedOn ?? dueOn, 1, now);
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync();
            return inspection.Id;
        });

    /// <summary>Every item of the gas checklist ok, except those given.</summary>
    public static Dictionary<string, object> Answers(params (string Code, string Result)[] except)
    {
        var answers = GasChecklist.Items.ToDictionary(i => i.Code, i => (object)new { result = "ok" });
        foreach (var (code, result) in except)
        {
            answers[code] = new { result, note = $"现场：{code}" };
        }
        return answers;
    }

    public static async Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid inspection, object answers, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(answers)), "answers" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return await client.PostAsync($"/api/v1/inspections/{inspection}/record", form);
    }

    public static async Task<JsonElement> RecordOkAsync(HttpClient client, Guid inspection, object answers, params (string Name, string Value)[] fields)
    {
        var response = await RecordAsync(client, inspection, answers, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<Hazard> HazardAsync(TestApp app, Guid id) =>
        WithDbAsync(app, (db, _) => db.Hazards.AsNoTracking().FirstAsync(h => h.Id == id));

    public static Task<List<Hazard>> HazardsOfAsync(TestApp app, Guid customer) =>
        WithDbAsync(app, (db, _) => db.Hazards.AsNoTracking().Where(h => h.CustomerId == customer).OrderBy(h => h.Number).ToListAsync());

    public static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> PostJsonAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
