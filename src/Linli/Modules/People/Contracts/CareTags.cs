namespace Linli.Modules.People.Contracts;

/// <summary>
/// Why a household or person needs particular care. Sensitive: recorded only with consent, shown
/// only to staff who hold <c>people:read</c> in the region.
/// </summary>
public static class CareTags
{
    public const string ElderlyAlone = "elderly-alone";
    public const string Elderly = "elderly";
    public const string Disabled = "disabled";
    public const string ChildUnder14 = "child-under-14";
    public const string LowIncome = "low-income";
    public const string SeriouslyIll = "seriously-ill";
    public const string Veteran = "veteran";
    public const string LeftBehindChild = "left-behind-child";

    public static IReadOnlyList<(string Code, string Chinese, string English)> All { get; } =
    [
        (ElderlyAlone, "独居老人", "Elderly living alone"),
        (Elderly, "高龄老人", "Aged 80 or over"),
        (Disabled, "残疾人", "Disabled"),
        (ChildUnder14, "14岁以下儿童", "Child under 14"),
        (LowIncome, "低保/低收入", "Low income"),
        (SeriouslyIll, "重病患者", "Seriously ill"),
        (Veteran, "退役军人", "Veteran"),
        (LeftBehindChild, "留守儿童", "Left-behind child"),
    ];

    public static bool IsKnown(string code) => All.Any(t => t.Code == code);

    public static string ChineseName(string code) => All.FirstOrDefault(t => t.Code == code).Chinese ?? code;

    public static string EnglishName(string code) => All.FirstOrDefault(t => t.Code == code).English ?? code;
}
