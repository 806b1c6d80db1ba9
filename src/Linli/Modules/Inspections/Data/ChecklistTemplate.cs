namespace Linli.Modules.Inspections.Data;

/// <summary>
/// A checklist an inspector fills on site, per utility and kind of visit. Its items and the rule
/// that grades each failed item are a JSON document (<see cref="ChecklistItem"/>), versioned so an
/// inspection keeps the template it was recorded against.
/// </summary>
public sealed class ChecklistTemplate
{
    private ChecklistTemplate()
    {
        Utility = Code = Name = ItemsJson = UpdatedBy = "";
    }

    public ChecklistTemplate(string utility, string code, string name, string itemsJson, string updatedBy, long nowMs)
    {
        Utility = utility;
        Code = code;
        Name = name;
        ItemsJson = itemsJson;
        UpdatedBy = updatedBy;
        UpdatedAtMs = nowMs;
        Revision = 1;
    }

    public string Utility { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string ItemsJson { get; private set; }
    public int Revision { get; private set; }
    public string UpdatedBy { get; private set; }
    public long UpdatedAtMs { get; private set; }

    public void Replace(string name, string itemsJson, string updatedBy, long nowMs)
    {
        Name = name;
        ItemsJson = itemsJson;
        UpdatedBy = updatedBy;
        UpdatedAtMs = nowMs;
        Revision++;
    }
}

/// <summary>
/// One question of a checklist. <paramref name="Grade"/> says what a failed answer is: general,
/// major, or major-unless-notified (the 2023 criteria make LPG in a basement, pipes in a bathroom or
/// bedroom, banned appliances or hoses a major hazard unless the user was already told in writing to
/// rectify). <paramref name="CaseCategory"/> is the Cases category a major finding opens a case in.
/// </summary>
public sealed record ChecklistItem(string Code, string TextZh, string TextEn, string Grade, string? CaseCategory, int RectifyDays,
    bool PhotoRequired = false);

public static class HazardGrades
{
    public const string General = "general";
    public const string Major = "major";

    /// <summary>Item rule: major, unless the user holds an open written notice for the same item.</summary>
    public const string MajorUnlessNotified = "major-unless-notified";
}
