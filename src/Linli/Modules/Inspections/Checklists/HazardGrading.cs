using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Checklists;

/// <summary>One answer on the checklist: ok, fail or na (not applicable), with the inspector's note.</summary>
public sealed record ChecklistAnswer(string Result, string? Note = null);

public static class AnswerResults
{
    public const string Ok = "ok";
    public const string Fail = "fail";
    public const string NotApplicable = "na";
    public static IReadOnlyList<string> All { get; } = [Ok, Fail, NotApplicable];
}

/// <summary>A failed item as a hazard to record: its grade after the rules, and the basis the notice quotes.</summary>
public sealed record Finding(ChecklistItem Item, string Grade, string? Note, string BasisZh, string BasisEn);

/// <summary>
/// Grades a checklist's failed items (pure: no database, no clock). A major item is major; a
/// major-unless-notified item (the 2023 criteria) is major unless the user already holds an open
/// written rectification notice for that item, then general — the notice is running and the
/// deadline it set is what is enforced; a general item is general.
/// </summary>
public static class HazardGrading
{
    public static IReadOnlyList<Finding> Grade(IReadOnlyList<ChecklistItem> items, IReadOnlyDictionary<string, ChecklistAnswer> answers,
        IReadOnlySet<string> notifiedItems)
    {
        var findings = new List<Finding>();
        foreach (var item in items)
        {
            if (!answers.TryGetValue(item.Code, out var answer) || answer.Result != AnswerResults.Fail)
            {
                continue;
            }
            findings.Add(item.Grade switch
            {
                HazardGrades.Major => new Finding(item, HazardGrades.Major, answer.Note,
                    "重大隐患（直接判定）", "Major hazard (always)"),
                HazardGrades.MajorUnlessNotified when notifiedItems.Contains(item.Code) => new Finding(item, HazardGrades.General, answer.Note,
                    "一般隐患：已书面通知整改，按原通知期限整改", "General hazard: already notified in writing; the notice's deadline applies"),
                HazardGrades.MajorUnlessNotified => new Finding(item, HazardGrades.Major, answer.Note,
                    "重大隐患：《城镇燃气经营安全重大隐患判定标准》（2023），未经书面通知整改",
                    "Major hazard under the 2023 criteria for gas safety (not yet notified in writing)"),
                _ => new Finding(item, HazardGrades.General, answer.Note, "一般隐患", "General hazard"),
            });
        }
        return findings;
    }

    /// <summary>The item of the system's finding for a user with no periodic inspection: major in every case (2023 criteria).</summary>
    public static ChecklistItem NoPeriodicInspectionItem { get; } = new(GasChecklist.NoPeriodicInspection,
        "未按规定定期安检", "No periodic inspection as required", HazardGrades.Major, GasChecklist.NoPeriodicInspectionCategory, 15);

    public static Finding NoPeriodicInspection(DateOnly dueOn) => new(NoPeriodicInspectionItem, HazardGrades.Major,
        $"应于 {dueOn:yyyy-MM-dd} 前完成定期安检 / due by {dueOn:yyyy-MM-dd}",
        "重大隐患：未建立并落实定期安检制度（2023 判定标准）", "Major hazard: no periodic inspection regime (2023 criteria)");

    /// <summary>
    /// Checks answers against the template: every item answered with ok, fail or na, no unknown
    /// item, notes of at most 500 characters. Field errors keyed answers.{code}; empty when all is well.
    /// </summary>
    public static Dictionary<string, string[]> Check(IReadOnlyList<ChecklistItem> items, IReadOnlyDictionary<string, ChecklistAnswer> answers)
    {
        var errors = new Dictionary<string, string[]>();
        var known = items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in answers.Keys.Where(k => !known.Contains(k)))
        {
            errors[$"answers.{code}"] = ["is not an item of this checklist"];
        }
        foreach (var item in items)
        {
            if (!answers.TryGetValue(item.Code, out var answer) || string.IsNullOrWhiteSpace(answer.Result))
            {
                errors[$"answers.{item.Code}"] = ["is required: ok, fail or na"];
            }
            else if (!AnswerResults.All.Contains(answer.Result))
            {
                errors[$"answers.{item.Code}"] = [$"must be ok, fail or na, not '{answer.Result}'"];
            }
            else if (answer.Note?.Length > 500)
            {
                errors[$"answers.{item.Code}"] = ["a note has at most 500 characters"];
            }
        }
        return errors;
    }
}
