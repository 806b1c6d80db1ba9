using System.Net;
using System.Text.RegularExpressions;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Inspections.Hazards.HazardKit;

namespace Linli.Tests.Inspections.Hazards;

/// <summary>The inspector's phone pages and the desk's pages, read and posted as a browser would.</summary>
[Trait("Category", "Database")]
public sealed partial class InspectPagesTests
{
    [Fact]
    public async Task The_round_lists_todays_stop_and_the_checklist_form_records_the_inspection_and_shows_its_hazard()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        var inspection = await InspectionAsync(app, customer, Today, "insp-a");

        var round = WebUtility.HtmlDecode(await inspector.GetStringAsync("/inspect"));
        Assert.Contains($"/inspect/{inspection}", round, StringComparison.Ordinal);
        Assert.Contains("老杭州面馆", round, StringComparison.Ordinal);

        var page = await inspector.GetStringAsync($"/inspect/{inspection}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("record"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("王老板"), "signerName" },
            { new StringContent(""), "outcome" },
        };
        foreach (var item in GasChecklist.Items)
        {
            form.Add(new StringContent(item.Code == GasChecklist.PipeBedroom ? "fail" : "ok"), $"answer.{item.Code}");
            form.Add(new StringContent(""), $"note.{item.Code}");
        }
        var response = await inspector.PostAsync($"/inspect/{inspection}", form);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
        Assert.Contains("id=\"haz-result\"", body, StringComparison.Ordinal);
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        Assert.Equal((GasChecklist.PipeBedroom, HazardGrades.Major), (hazard.ItemCode, hazard.Grade));
        Assert.Contains(hazard.Number, body, StringComparison.Ordinal);
        Assert.Contains($"/cases/{hazard.CaseId}", body, StringComparison.Ordinal);

        var desk = await DeskAsync(app);
        var notice = WebUtility.HtmlDecode(await desk.GetStringAsync($"/inspections/hazards/{hazard.Id}/notice"));
        Assert.Contains(hazard.NoticeNumber, notice, StringComparison.Ordinal);
        Assert.Contains("2026-04-01", notice, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await desk.GetStringAsync("/inspections/hazards"));
        Assert.Contains(hazard.Number, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_records_on_the_hazard_page_that_the_user_reports_it_rectified()
    {
        await using var app = await StartAsync(new FakeTimeProvider(Monday.ToUniversalTime()));
        var inspector = await InspectorAsync(app);
        var customer = await CustomerAsync(app);
        await RecordOkAsync(inspector, await InspectionAsync(app, customer, Today, "insp-a"), Answers(("valve", "fail")));
        var hazard = Assert.Single(await HazardsOfAsync(app, customer));
        var desk = await DeskAsync(app);

        var page = await Linli.Tests.Couriers.Pages.CourierPageKit.PostAsync(desk, $"/inspections/hazards/{hazard.Id}", "rectified", ("note", "阀门已更换"));

        Assert.Equal("", Linli.Tests.Couriers.Pages.CourierPageKit.Alert(page));
        Assert.Contains("待复查", page, StringComparison.Ordinal);
        var after = await HazardAsync(app, hazard.Id);
        Assert.Equal(HazardStatus.AwaitingReinspection, after.Status);
        Assert.NotNull(after.ReinspectionId);
        // The inspector finds the re-inspection among the unplanned stops of the day.
        Assert.Contains($"/inspect/{after.ReinspectionId}", await inspector.GetStringAsync("/inspect"), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
