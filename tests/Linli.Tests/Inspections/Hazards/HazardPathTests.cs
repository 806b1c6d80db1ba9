using System.Net;
using System.Net.Http.Json;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Inspections.Hazards.HazardKit;

namespace Linli.Tests.Inspections.Hazards;

/// <summary>An inspection with a major finding → hazard, notice and case → the user reports it fixed → re-inspection → closed.</summary>
[Trait("Category", "Database")]
public sealed class HazardPathTests
{
    [Fact]
    public async Task A_major_finding_opens_a_case_in_its_category_and_texts_the_user_the_notice_and_deadline()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");

        var result = await RecordOkAsync(inspector, inspection, Answers((GasChecklist.LpgBasement, "fail")), ("signerName", "王老板"));

        Assert.Equal("hazards", result.GetProperty("outcome").GetString());
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        Assert.Equal((HazardGrades.Major, GasChecklist.LpgBasement, Today.AddDays(3)), (hazard.Grade, hazard.ItemCode, hazard.Deadline));
        Assert.StartsWith("YH-20260302-", hazard.Number, StringComparison.Ordinal);
        Assert.StartsWith("ZG-20260302-", hazard.NoticeNumber, StringComparison.Ordinal);
        Assert.NotNull(hazard.CaseId);
        var found = await WithDbAsync(app, (_, services) => services.GetRequiredService<ICaseDirectory>().FindAsync(new CaseFilter(Ids: [hazard.CaseId!.Value]), default));
        var @case = Assert.Single(found);
        Assert.Equal(("2101", hazard.CaseNumber), (@case.CategoryCode, @case.Number));
        Assert.Contains("老杭州面馆", @case.Description, StringComparison.Ordinal);
        var sms = Assert.Single(app.Factory.Sms.Messages, m => m.Phone == Phone);
        Assert.Contains(hazard.Number, sms.Text, StringComparison.Ordinal);
        Assert.Contains(hazard.NoticeNumber, sms.Text, StringComparison.Ordinal);
        Assert.Contains("2026-03-05", sms.Text, StringComparison.Ordinal);
        // The answer carries its grade and hazard; the periodic inspection resets the schedule for the registry to recompute.
        var answer = result.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("itemCode").GetString() == GasChecklist.LpgBasement);
        Assert.Equal(("major", hazard.Id.ToString()), (answer.GetProperty("grade").GetString(), answer.GetProperty("hazardId").GetString()));
        var user = await WithDbAsync(app, (db, _) => db.UtilityCustomers.AsNoTracking().FirstAsync(c => c.Id == customer));
        Assert.Equal((Today, (DateOnly?)null), (user.LastInspectedOn, user.NextDueOn));
        // The district officer of the case's district sees it in the inbox: the case's grid puts it there.
        var district = await app.ClientForAsync("district-officer", "330105", username: "district-a");
        var inbox = await JsonAsync(district, "/api/v1/inbox");
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("caseNumber").GetString() == hazard.CaseNumber);
    }

    [Fact]
    public async Task A_hazard_closes_only_when_a_re_inspection_passes_and_a_failed_one_keeps_it_open()
    {
        var clock = new FakeTimeProvider(Monday.ToUniversalTime());
        await using var app = await StartAsync(clock);
        var inspector = await InspectorAsync(app);
        var desk = await DeskAsync(app);
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");
        await RecordOkAsync(inspector, inspection, Answers((GasChecklist.PipeBathroom, "fail")));
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));

        // The user says it is fixed: a re-inspection of that hazard falls due today.
        var detail = await PostJsonAsync(desk, $"/api/v1/inspections/hazards/{hazard.Id}/rectified", new { note = "管道已改走公共走廊" });
        Assert.Equal("awaiting-reinspection", detail.GetProperty("hazard").GetProperty("status").GetString());
        var reinspection = (await HazardAsync(app, hazard.Id)).ReinspectionId!.Value;
        var planned = await WithDbAsync(app, (db, _) => db.Inspections.AsNoTracking().FirstAsync(i => i.Id == reinspection));
        Assert.Equal((InspectionKinds.Reinspection, (Guid?)hazard.Id, Today), (planned.Kind, planned.HazardId, planned.DueOn));

        // Still there: the hazard stays open and waits for another re-inspection.
        var failed = await RecordOkAsync(inspector, reinspection, new Dictionary<string, object> { [GasChecklist.PipeBathroom] = new { result = "fail", note = "未改" } });
        Assert.Equal("hazards", failed.GetProperty("outcome").GetString());
        var reopened = await HazardAsync(app, hazard.Id);
        Assert.Equal((HazardStatus.Open, (Guid?)null, (long?)null), (reopened.Status, reopened.ReinspectionId, reopened.ClosedAtMs));
        Assert.Single(await HazardsOfAsync(app, customer));

        // Fixed for real: the second re-inspection passes and closes it, on time, with a note on its case.
        await PostJsonAsync(desk, $"/api/v1/inspections/hazards/{hazard.Id}/rectified", new { });
        var second = (await HazardAsync(app, hazard.Id)).ReinspectionId!.Value;
        var passed = await RecordOkAsync(inspector, second, new Dictionary<string, object> { [GasChecklist.PipeBathroom] = "ok" });
        Assert.Equal("pass", passed.GetProperty("outcome").GetString());
        var closed = await HazardAsync(app, hazard.Id);
        Assert.Equal((HazardStatus.Closed, (Guid?)second, (bool?)true), (closed.Status, closed.ClosedByInspectionId, closed.RectifiedOnTime));
        var notes = await WithDbAsync(app, (db, _) => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == closed.CaseId && e.Action == "public-note")
            .Select(e => e.Note).ToListAsync());
        Assert.Contains(notes, n => n!.Contains(hazard.Number, StringComparison.Ordinal) && n.Contains("销号", StringComparison.Ordinal));
        var history = await JsonAsync(desk, $"/api/v1/inspections/hazards/{hazard.Id}");
        Assert.Equal(["found", "case-opened", "reinspection-scheduled", "reinspection-failed", "reinspection-scheduled", "closed"],
            history.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList());
        // A closed hazard cannot be reported rectified again.
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/inspections/hazards/{hazard.Id}/rectified", new { })).StatusCode);
    }

    [Fact]
    public async Task The_same_finding_at_a_user_with_an_open_notice_is_noted_on_that_hazard_and_graded_general()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        await RecordOkAsync(inspector, await InspectionAsync(app, customer, Today, "insp-a"), Answers((GasChecklist.BannedHose, "fail")));

        var again = await RecordOkAsync(inspector, await InspectionAsync(app, customer, Today, "insp-a"), Answers((GasChecklist.BannedHose, "fail")));

        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        var answer = again.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("itemCode").GetString() == GasChecklist.BannedHose);
        Assert.Equal(("general", hazard.Id.ToString()), (answer.GetProperty("grade").GetString(), answer.GetProperty("hazardId").GetString()));
        var actions = await WithDbAsync(app, (db, _) => db.InspectionEvents.Where(e => e.SubjectId == hazard.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("found-again", actions);
    }

    [Fact]
    public async Task A_second_submit_of_the_same_inspection_answers_the_first_result_and_adds_nothing()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");

        var first = await RecordOkAsync(inspector, inspection, Answers(("ventilation", "fail")));
        var second = await RecordOkAsync(inspector, inspection, Answers(("ventilation", "fail"), (GasChecklist.LeakTest, "fail")));

        Assert.Equal(first.GetProperty("hazards").GetRawText(), second.GetProperty("hazards").GetRawText());
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        Assert.Equal((HazardGrades.General, (Guid?)null), (hazard.Grade, hazard.CaseId));
        Assert.Single(app.Factory.Sms.Messages, m => m.Phone == Phone);
    }
}
