using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Inspections.Hazards.HazardKit;

namespace Linli.Tests.Inspections.Hazards;

/// <summary>What recording refuses, who may record and read, and the templates' rules.</summary>
[Trait("Category", "Database")]
public sealed class RecordInspectionTests
{
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_visit_where_nobody_was_met_leaves_the_inspection_owed_as_a_new_one_holding_the_users_slot()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var customer = await CustomerAsync(app);
        var first = await InspectionAsync(app, customer, Today, "insp-a");
        var inspector = await InspectorAsync(app);

        var answer = await RecordOkAsync(inspector, first, new Dictionary<string, object>(), ("outcome", "absent"), ("note", "店门紧锁"));
        Assert.Equal("absent", answer.GetProperty("outcome").GetString());

        var inspections = await WithDbAsync(app, (db, _) => db.Inspections.AsNoTracking().Where(i => i.CustomerId == customer).ToListAsync());
        Assert.Equal(2, inspections.Count);
        var done = inspections.Single(i => i.Id == first);
        var owed = inspections.Single(i => i.Id != first);
        Assert.Equal((InspectionStatus.Done, (Guid?)null), (done.Status, done.OpenPeriodicFor));
        Assert.Equal((InspectionStatus.Due, InspectionKinds.Periodic, Today, (Guid?)customer), (owed.Status, owed.Kind, owed.DueOn, owed.OpenPeriodicFor));
        // Nobody was met: the schedule is not reset and no hazard is found.
        var user = await WithDbAsync(app, (db, _) => db.UtilityCustomers.AsNoTracking().FirstAsync(c => c.Id == customer));
        Assert.Null(user.LastInspectedOn);
        Assert.Empty(await HazardsOfAsync(app, customer));
    }

    [Fact]
    public async Task Answers_are_checked_against_the_template_and_nothing_is_recorded_when_one_is_wrong()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");
        var answers = Answers();
        answers.Remove(GasChecklist.PipeBedroom);
        answers["valve"] = new { result = "broken" };
        answers["unicorn"] = new { result = "ok" };

        var errors = await ErrorsAsync(await RecordAsync(inspector, inspection, answers));
        Assert.Equal(["answers.pipe-bedroom", "answers.unicorn", "answers.valve"], errors.Keys.Order(StringComparer.Ordinal).ToList());

        Assert.Contains("outcome", (await ErrorsAsync(await RecordAsync(inspector, inspection, Answers(("valve", "fail")), ("outcome", "pass")))).Keys);
        Assert.Contains("signature", (await ErrorsAsync(await RecordAsync(inspector, inspection, Answers(), ("signature", "data:image/png;base64,AAAA"),
            ("signerName", "王")))).Keys);
        Assert.Contains("signerName", (await ErrorsAsync(await RecordAsync(inspector, inspection, Answers(),
            ("signature", "data:image/png;base64," + Convert.ToBase64String(TinyPng))))).Keys);
        var stored = await WithDbAsync(app, (db, _) => db.Inspections.AsNoTracking().FirstAsync(i => i.Id == inspection));
        Assert.Equal(InspectionStatus.Planned, stored.Status);
        Assert.Empty(await HazardsOfAsync(app, customer));
    }

    [Fact]
    public async Task The_signature_is_stored_and_served_to_the_utilitys_staff()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");

        var result = await RecordOkAsync(inspector, inspection, Answers(), ("signerName", "王老板"),
            ("signature", "data:image/png;base64," + Convert.ToBase64String(TinyPng)), ("lon", "120.1101"), ("lat", "30.3202"));

        Assert.Equal("pass", result.GetProperty("outcome").GetString());
        var signature = await (await DeskAsync(app)).GetAsync(result.GetProperty("signatureUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, signature.StatusCode);
        Assert.Equal(TinyPng, await signature.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Another_utilitys_inspector_cannot_see_or_record_and_a_district_officer_reads_only_their_district()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var gas = await InspectorAsync(app);
        var water = await InspectorAsync(app, "insp-water", "SW");
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");

        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(water, inspection, Answers())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/v1/inspections/{inspection}")).StatusCode);
        Assert.Empty((await JsonAsync(water, "/api/v1/inspections")).EnumerateArray());
        await RecordOkAsync(gas, inspection, Answers((GasChecklist.PipeBedroom, "fail")));

        var west = new Linli.Tests.Infrastructure.RegionFile()
            .Add("330106", "西湖区", "district", null, Linli.Tests.Infrastructure.RegionFile.Box(120.20, 30.30, 120.30, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(west.ToString())).StatusCode);
        var inside = await app.ClientForAsync(Roles.DistrictOfficer, "330105", username: "district-in");
        var outside = await app.ClientForAsync(Roles.DistrictOfficer, "330106", username: "district-out");
        Assert.Single((await JsonAsync(inside, "/api/v1/inspections/hazards")).EnumerateArray());
        Assert.Empty((await JsonAsync(outside, "/api/v1/inspections/hazards")).EnumerateArray());
        Assert.Empty((await JsonAsync(water, "/api/v1/inspections/hazards")).EnumerateArray());
        // Reading is not deciding: the district cannot record the user's rectification.
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        Assert.Equal(HttpStatusCode.Forbidden, (await inside.PostAsJsonAsync($"/api/v1/inspections/hazards/{hazard.Id}/rectified", new { })).StatusCode);
    }

    [Fact]
    public async Task The_gas_template_is_seeded_and_a_replacement_is_validated_and_raises_the_revision()
    {
        await using var app = await StartAsync();
        var desk = await DeskAsync(app);
        var inspector = await InspectorAsync(app);

        var seeded = await JsonAsync(inspector, $"/api/v1/inspections/templates/{GasChecklist.Code}");
        Assert.Equal(1, seeded.GetProperty("revision").GetInt32());
        Assert.Equal(GasChecklist.Items.Count, seeded.GetProperty("items").GetArrayLength());

        var bad = new
        {
            name = "坏模板",
            items = new object[]
            {
                new { code = "a", textZh = "甲", textEn = "A", grade = "major", caseCategory = "9999", rectifyDays = 3 },
                new { code = "a", textZh = "乙", textEn = "B", grade = "serious", caseCategory = (string?)null, rectifyDays = 0 },
            },
        };
        var refused = await desk.PutAsJsonAsync("/api/v1/inspections/templates/" + GasChecklist.Code, bad);
        var errors = await ErrorsAsync(refused);
        Assert.Equal(["items[0].caseCategory", "items[1].code", "items[1].grade", "items[1].rectifyDays"], errors.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PutAsJsonAsync("/api/v1/inspections/templates/" + GasChecklist.Code, bad)).StatusCode);

        var items = GasChecklist.Items.Append(new ChecklistItem("fire-extinguisher", "配备灭火器", "An extinguisher at hand", HazardGrades.General, null, 7));
        var replaced = await desk.PutAsJsonAsync("/api/v1/inspections/templates/" + GasChecklist.Code, new { name = "非居民用户安检（2026）", items });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await JsonAsync(desk, $"/api/v1/inspections/templates/{GasChecklist.Code}");
        Assert.Equal((2, GasChecklist.Items.Count + 1), (after.GetProperty("revision").GetInt32(), after.GetProperty("items").GetArrayLength()));
    }

    /// <summary>A 1×1 transparent PNG, as the signature pad would send a tiny signature.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
