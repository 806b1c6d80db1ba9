using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;

namespace Linli.Tests.Inspections.Hazards;

public sealed class HazardGradingTests
{
    private static readonly HashSet<string> NoNotices = [];

    private static Dictionary<string, ChecklistAnswer> AllOk(params string[] failed) =>
        GasChecklist.Items.ToDictionary(i => i.Code, i => new ChecklistAnswer(failed.Contains(i.Code) ? AnswerResults.Fail : AnswerResults.Ok));

    [Theory]
    [InlineData(GasChecklist.LpgBasement, "2101")]
    [InlineData(GasChecklist.PipeBathroom, "2102")]
    [InlineData(GasChecklist.PipeBedroom, "2102")]
    [InlineData(GasChecklist.BannedAppliance, "2103")]
    [InlineData(GasChecklist.BannedHose, "2103")]
    public void Each_2023_criterion_is_a_major_hazard_when_the_user_was_not_notified_in_writing(string item, string category)
    {
        var finding = Assert.Single(HazardGrading.Grade(GasChecklist.Items, AllOk(item), NoNotices));

        Assert.Equal(item, finding.Item.Code);
        Assert.Equal(HazardGrades.Major, finding.Grade);
        Assert.Equal(category, finding.Item.CaseCategory);
        Assert.Contains("2023", finding.BasisZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GasChecklist.LpgBasement)]
    [InlineData(GasChecklist.PipeBathroom)]
    [InlineData(GasChecklist.PipeBedroom)]
    [InlineData(GasChecklist.BannedAppliance)]
    [InlineData(GasChecklist.BannedHose)]
    public void A_2023_criterion_is_general_when_the_user_already_holds_a_written_notice_for_it(string item)
    {
        var finding = Assert.Single(HazardGrading.Grade(GasChecklist.Items, AllOk(item), new HashSet<string> { item }));

        Assert.Equal(HazardGrades.General, finding.Grade);
    }

    [Fact]
    public void A_notice_for_another_item_does_not_soften_a_criterion()
    {
        var finding = Assert.Single(HazardGrading.Grade(GasChecklist.Items, AllOk(GasChecklist.LpgBasement), new HashSet<string> { GasChecklist.PipeBathroom }));

        Assert.Equal(HazardGrades.Major, finding.Grade);
    }

    [Fact]
    public void A_leak_is_major_even_with_a_notice_held()
    {
        var finding = Assert.Single(HazardGrading.Grade(GasChecklist.Items, AllOk(GasChecklist.LeakTest), new HashSet<string> { GasChecklist.LeakTest }));

        Assert.Equal(HazardGrades.Major, finding.Grade);
        Assert.Equal("1503", finding.Item.CaseCategory);
    }

    [Theory]
    [InlineData("alarm-present")]
    [InlineData("alarm-working")]
    [InlineData(GasChecklist.HoseAge)]
    [InlineData("valve")]
    [InlineData("ventilation")]
    [InlineData("meter")]
    public void Ordinary_items_are_general_hazards(string item)
    {
        var finding = Assert.Single(HazardGrading.Grade(GasChecklist.Items, AllOk(item), NoNotices));

        Assert.Equal(HazardGrades.General, finding.Grade);
    }

    [Fact]
    public void Items_answered_ok_or_not_applicable_are_no_findings()
    {
        var answers = AllOk();
        answers[GasChecklist.LpgBasement] = new ChecklistAnswer(AnswerResults.NotApplicable);

        Assert.Empty(HazardGrading.Grade(GasChecklist.Items, answers, NoNotices));
    }

    [Fact]
    public void Several_failures_are_graded_each_by_its_own_rule_with_the_inspectors_note()
    {
        var answers = AllOk(GasChecklist.PipeBedroom, "ventilation");
        answers["ventilation"] = new ChecklistAnswer(AnswerResults.Fail, "后厨无排风");

        var findings = HazardGrading.Grade(GasChecklist.Items, answers, NoNotices);

        Assert.Equal([(GasChecklist.PipeBedroom, HazardGrades.Major), ("ventilation", HazardGrades.General)],
            findings.Select(f => (f.Item.Code, f.Grade)).OrderBy(x => x.Code, StringComparer.Ordinal).ToList());
        Assert.Equal("后厨无排风", findings.Single(f => f.Item.Code == "ventilation").Note);
    }

    [Fact]
    public void No_periodic_inspection_is_a_major_finding_in_category_2105()
    {
        var finding = HazardGrading.NoPeriodicInspection(new DateOnly(2026, 2, 1));

        Assert.Equal(HazardGrades.Major, finding.Grade);
        Assert.Equal(GasChecklist.NoPeriodicInspection, finding.Item.Code);
        Assert.Equal("2105", finding.Item.CaseCategory);
    }

    [Fact]
    public void Answers_must_cover_every_item_with_a_known_result_and_no_unknown_item()
    {
        var answers = AllOk();
        answers.Remove(GasChecklist.PipeBathroom);
        answers["valve"] = new ChecklistAnswer("maybe");
        answers["unicorn"] = new ChecklistAnswer(AnswerResults.Ok);

        var errors = HazardGrading.Check(GasChecklist.Items, answers);

        Assert.Equal(["answers.pipe-bathroom", "answers.unicorn", "answers.valve"], errors.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Empty(HazardGrading.Check(GasChecklist.Items, AllOk(GasChecklist.LeakTest)));
    }
}
