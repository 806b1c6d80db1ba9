using System.Globalization;

namespace Linli.Infrastructure.Localization;

/// <summary>
/// The two languages of the pages: Simplified Chinese by default, English one click away (the
/// <c>linli.lang</c> cookie, set by <c>/lang/{code}</c>). Pages keep both wordings side by side,
/// <c>@Lang.T("上报", "Report")</c>, so a translation never drifts away from the text it translates.
/// </summary>
public static class Lang
{
    public const string CookieName = "linli.lang";

    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The wording for the current page language.</summary>
    public static string T(string chinese, string english) => IsEnglish ? english : chinese;

    /// <summary>The <c>lang</c> attribute of the page.</summary>
    public static string Code => IsEnglish ? "en" : "zh-CN";
}
