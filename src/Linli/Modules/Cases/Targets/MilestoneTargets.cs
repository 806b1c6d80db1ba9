using System.Text.Json;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Contracts;

namespace Linli.Modules.Cases.Targets;

/// <summary>
/// A category's milestone targets as stored (JSON on the category: a handful per category, read with it,
/// never queried on their own): checked, written and read back as the API's DTOs or the contract's minutes.
/// </summary>
public static class MilestoneTargets
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Who may set a target: a short name such as 1315 or operator.</summary>
    public const int MaxSetByLength = 16;

    public static void Check(IReadOnlyList<TargetDto>? targets, string path, Dictionary<string, string[]> errors)
    {
        if (targets is null)
        {
            return;
        }
        if (targets.Count > 20)
        {
            errors[path] = ["at most 20 targets"];
            return;
        }
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var at = $"{path}[{i}]";
            if (t is null)
            {
                errors[at] = ["a target is required"];
                continue;
            }
            if (!Milestones.All.Contains(t.Milestone ?? ""))
            {
                errors[$"{at}.milestone"] = [$"must be one of {string.Join(", ", Milestones.All)}"];
            }
            if (!TimeLimit.TryParseUnit(t.Limit?.Unit, out var unit) || unit is not (LimitUnit.NaturalMinutes or LimitUnit.NaturalHours))
            {
                errors[$"{at}.limit.unit"] = ["targets run around the clock: natural-minutes or natural-hours"];
            }
            if (t.Limit is null || t.Limit.Value is <= 0 or > 10_000 || double.IsNaN(t.Limit.Value))
            {
                errors[$"{at}.limit.value"] = ["a positive number is required"];
            }
            var setBy = t.SetBy?.Trim() ?? "";
            if (setBy.Length is 0 or > MaxSetByLength)
            {
                errors[$"{at}.setBy"] = [$"who sets the target (e.g. 1315, operator), at most {MaxSetByLength} characters"];
            }
            else if (!seen.Add((t.Milestone ?? "", setBy)))
            {
                errors[$"{at}.setBy"] = [$"{setBy} already sets a target for {t.Milestone}"];
            }
        }
    }

    public static string Serialize(IReadOnlyList<TargetDto> targets) =>
        JsonSerializer.Serialize(targets.Select(t => new Stored(t.Milestone!, t.Limit!.Value, t.Limit.Unit!.ToLowerInvariant(), t.SetBy!.Trim())).ToList(), Json);

    public static IReadOnlyList<TargetDto> Dtos(string? json) =>
        Read(json).Select(s => new TargetDto(s.Milestone, new LimitDto(s.Value, s.Unit), s.SetBy)).ToList();

    /// <summary>The targets in the contract's terms: minutes from the report.</summary>
    public static IReadOnlyList<MilestoneTarget> Of(string? json) =>
        Read(json).Select(s => new MilestoneTarget(s.Milestone, s.Unit == "natural-hours" ? s.Value * 60 : s.Value, s.SetBy)).ToList();

    public static IReadOnlyList<MilestoneTarget> Of(MinorCategory category) => Of(category.TargetsJson);

    /// <summary>How a target reads to people: "1315 首车到场 15 分钟".</summary>
    public static string Describe(MilestoneTarget target) =>
        $"{target.SetBy} {ChineseName(target.Milestone)} {target.Minutes:0.#} 分钟";

    public static string ChineseName(string milestone) => milestone switch
    {
        Milestones.Dispatched => "派警/派车",
        Milestones.CalledBack => "回访报警人",
        Milestones.OnScene => "首车到场",
        Milestones.LanesClear => "车道恢复通行",
        Milestones.Closed => "结案",
        _ => milestone,
    };

    public static string EnglishName(string milestone) => milestone switch
    {
        Milestones.Dispatched => "dispatched",
        Milestones.CalledBack => "caller called back",
        Milestones.OnScene => "first crew on scene",
        Milestones.LanesClear => "lanes clear",
        Milestones.Closed => "closed",
        _ => milestone,
    };

    private static List<Stored> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Stored>>(json, Json) ?? [];

    private sealed record Stored(string Milestone, double Value, string Unit, string SetBy);
}
