using Linli.Infrastructure.Localization;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.People.Contracts;
using Linli.Modules.People.Data;

namespace Linli.Modules.People.Pages;

/// <summary>The household book's words on the pages, in the page language.</summary>
internal static class PeopleText
{
    /// <summary>The demand list's urgencies, least pressing first (the codes of the list's rules).</summary>
    public static IReadOnlyList<(string Code, string Chinese, string English)> Urgencies { get; } =
    [
        ("low", "一般", "Low"),
        ("normal", "较急", "Normal"),
        ("high", "紧急", "High"),
        ("urgent", "特急", "Urgent"),
    ];

    public static string Word(IReadOnlyList<(string Code, string Chinese, string English)> words, string? code)
    {
        var (chinese, english) = PeopleWords.Name(words, code);
        return Lang.T(chinese, english);
    }

    public static string Tag(string code) => Lang.T(CareTags.ChineseName(code), CareTags.EnglishName(code));

    public static string Category(string code) => NeedCategories.Find(code) is { } c ? Lang.T(c.Chinese, c.English) : code;

    public static string DemandStatus(string status) => status switch
    {
        "open" => Lang.T("待对接", "Open"),
        "matched" => Lang.T("已匹配", "Matched"),
        "in-project" => Lang.T("项目中", "In a project"),
        "fulfilled" => Lang.T("已满足", "Fulfilled"),
        "closed" => Lang.T("已销号", "Closed"),
        _ => status,
    };

    public static string Time(DateTimeOffset? time) => time is { } t ? t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Day(DateTimeOffset? time) => time is { } t ? t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Field(string field) => field switch
    {
        "kind" => Lang.T("走访方式", "Kind"),
        "seen" => Lang.T("看到的情况", "What was seen"),
        "asked" => Lang.T("询问的情况", "What was asked"),
        "followUp" => Lang.T("后续跟进", "Follow-up"),
        "at" => Lang.T("走访时间", "When"),
        _ when field.StartsWith("needs[", StringComparison.Ordinal) => Lang.T("需求 ", "Need ") + field,
        _ => field,
    };
}
