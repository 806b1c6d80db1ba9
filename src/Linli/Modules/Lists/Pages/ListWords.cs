using Linli.Infrastructure.Localization;
using Linli.Modules.Lists.Categories;

namespace Linli.Modules.Lists.Pages;

/// <summary>How the list pages name codes, in the page's language (the vocabulary keeps both).</summary>
public static class ListWords
{
    private static string Name(IEnumerable<Term> terms, string? code) =>
        terms.FirstOrDefault(t => t.Code == code) is { } t ? Lang.T(t.Chinese, t.English) : code ?? "";

    public static string Category(string? code) =>
        ListVocabulary.View.Categories.FirstOrDefault(c => c.Code == code) is { } c ? Lang.T(c.Chinese, c.English) : code ?? "";

    public static string Group(string? code) => Name(ListVocabulary.Groups, code);

    public static string CareTag(string? code) => Name(ListVocabulary.View.CareTags, code);

    public static string Channel(string? code) => Name(ListVocabulary.View.Channels, code);

    public static string Urgency(string? code) => Name(ListVocabulary.View.Urgencies, code);

    public static string ProviderKind(string? code) => Name(ListVocabulary.View.ProviderKinds, code);

    public static string Conditions(string? code) => Name(ListVocabulary.View.Conditions, code);

    public static string Status(string? status) => status switch
    {
        "open" => Lang.T("待对接", "Open"),
        "matched" => Lang.T("已匹配", "Matched"),
        "in-project" => Lang.T("项目中", "In a project"),
        "fulfilled" => Lang.T("已满足", "Fulfilled"),
        "closed" => Lang.T("已销号", "Closed off"),
        "active" => Lang.T("可用", "Active"),
        "paused" => Lang.T("暂停", "Paused"),
        "withdrawn" => Lang.T("已撤回", "Withdrawn"),
        _ => status ?? "",
    };

    /// <summary>The history line for a step.</summary>
    public static string Action(string action) => action switch
    {
        "recorded" => Lang.T("登记", "Recorded"),
        "matched" => Lang.T("匹配", "Matched"),
        "in-project" => Lang.T("纳入项目", "Joined a project"),
        "fulfilled" => Lang.T("已满足", "Fulfilled"),
        "closed" => Lang.T("销号", "Closed off"),
        "reopened" => Lang.T("重新待对接", "Reopened"),
        "paused" => Lang.T("暂停", "Paused"),
        "resumed" => Lang.T("恢复", "Resumed"),
        "withdrawn" => Lang.T("撤回", "Withdrawn"),
        "capacity" => Lang.T("调整容量", "Capacity changed"),
        "close" => Lang.T("销号", "Close off"),
        "fulfil" => Lang.T("标记已满足", "Mark fulfilled"),
        "reopen" => Lang.T("退回待对接", "Reopen"),
        "pause" => Lang.T("暂停", "Pause"),
        "resume" => Lang.T("恢复", "Resume"),
        "withdraw" => Lang.T("撤回", "Withdraw"),
        _ => action,
    };

    public static string Time(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is { } s ? $"{s * 100:0.0}%" : "—";

    public static string Days(double? days) => days is { } d ? Lang.T($"{d:0.#} 天", $"{d:0.#} d") : "—";

    public static string Shorten(string text, int length = 40) => text.Length <= length ? text : text[..length] + "…";
}
