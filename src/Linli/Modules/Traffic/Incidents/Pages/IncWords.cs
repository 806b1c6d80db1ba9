using System.Globalization;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Cases.Contracts;

namespace Linli.Modules.Traffic.Incidents.Pages;

/// <summary>Words, times and colours of the incident pages.</summary>
internal static class IncWords
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.SelectMany(kv => kv.Value.Select(reason => $"{kv.Key}: {reason}")).ToList(),
        DomainException d => [$"{d.Title}: {d.Message}"],
        _ => [e.Message],
    };

    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(ChinaTime).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string DayTime(DateTimeOffset at) => at.ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static string Status(string status) => status switch
    {
        "reported" => Lang.T("待派", "Reported"),
        "dispatched" => Lang.T("已派", "Dispatched"),
        "on-scene" => Lang.T("已到场", "On scene"),
        "lanes-clear" => Lang.T("车道已恢复", "Lanes clear"),
        "closed" => Lang.T("已结束", "Closed"),
        "cancelled" => Lang.T("已取消", "Cancelled"),
        _ => status,
    };

    public static string Milestone(string milestone) => milestone switch
    {
        Milestones.Dispatched => Lang.T("派车", "Dispatch"),
        Milestones.CalledBack => Lang.T("回拨", "Call back"),
        Milestones.OnScene => Lang.T("到场", "On scene"),
        Milestones.LanesClear => Lang.T("恢复通行", "Lanes clear"),
        Milestones.Closed => Lang.T("结束", "Closed"),
        _ => milestone,
    };

    public static string SetBy(string setBy) => setBy == "operator" ? Lang.T("公司", "operator") : setBy;

    /// <summary>green while running, yellow in the last third, red when missed; grey when met or moot.</summary>
    public static string Colour(string state) => state switch
    {
        "running" => "inc-green",
        "due-soon" => "inc-yellow",
        "missed" => "inc-red",
        "met" => "inc-met",
        _ => "inc-moot",
    };

    public static string State(string state) => state switch
    {
        "running" => Lang.T("计时中", "running"),
        "due-soon" => Lang.T("将超时", "due soon"),
        "missed" => Lang.T("超时", "missed"),
        "met" => Lang.T("达标", "met"),
        _ => Lang.T("不适用", "n/a"),
    };

    public static string Category(string code) => code switch
    {
        "2201" => Lang.T("轻微事故", "Minor collision"),
        "2202" => Lang.T("抛洒物", "Debris"),
        "2203" => Lang.T("故障车", "Breakdown"),
        "2204" => Lang.T("伤人/无法移动事故", "Injuries / immovable"),
        _ => code,
    };

    public static string Kind(string kind) => kind switch
    {
        "patrol" => Lang.T("路政巡查", "Patrol"),
        "clearance" => Lang.T("清障", "Clearance"),
        "police" => Lang.T("交警", "Police"),
        "rescue" => Lang.T("救援", "Rescue"),
        _ => kind,
    };

    public static string Direction(string direction) => direction == "up" ? Lang.T("上行", "up") : Lang.T("下行", "down");

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static double? Number(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : throw new RequestValidationException(field, "a number");
}
