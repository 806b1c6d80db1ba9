using Linli.Infrastructure.Localization;

namespace Linli.Modules.Traffic.Accidents.Pages;

/// <summary>The words of the drivers' pages; texts kept bilingual as "中文 · English" show in the page's language.</summary>
internal static class AccidentWords
{
    public static string Pick(string both)
    {
        var parts = both.Split(" · ", 2);
        return parts.Length == 2 ? Lang.T(parts[0], parts[1]) : both;
    }

    public static string Answer(bool? yes) => yes switch
    {
        true => Lang.T("是", "Yes"),
        false => Lang.T("否", "No"),
        null => Lang.T("未回答", "Not answered"),
    };

    public static string Photo(string kind) => kind switch
    {
        "front" => Lang.T("车头", "Front"),
        "rear" => Lang.T("车尾", "Rear"),
        _ => Lang.T("碰撞部位", "Point of contact"),
    };

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
