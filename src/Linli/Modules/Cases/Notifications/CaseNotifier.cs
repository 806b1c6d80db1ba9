using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Data;
using Microsoft.AspNetCore.SignalR;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Cases.Notifications;

/// <summary>Writes a case's notification to the inbox (in the caller's transaction) and, once committed, pushes it live.</summary>
public sealed class CaseNotifier(IHubContext<CaseHub> hub)
{
    public static CaseNotification For(Case c, string kind, string text, long nowMs) =>
        new(c.Id, c.Number, kind, text, c.GridCode, c.AssignedUnit, c.ReporterUserId, nowMs);

    public static string Describe(Case c, string action) => action switch
    {
        "report" => $"新上报 {c.Number}：{Shorten(c.Description)}",
        "dispatch" => $"{c.Number} 已派遣至 {c.AssignedUnit}",
        "return" => $"{c.Number} 被退回，待重新派遣",
        "feedback" => $"{c.Number} 已处置反馈，待核查",
        "verify" when c.Stage == CaseStage.Dispatched => $"{c.Number} 核查未通过，返工",
        "request-extension" => $"{c.Number} 申请延期",
        "close" or "self-handle" => $"{c.Number} 已结案",
        "attach-report" => $"{c.Number} 又有人上报（共 {c.ReportCount} 次）",
        "merge" => $"{c.Number} 已并入其他案件",
        "absorb" => $"{c.Number} 合并了另一案件的上报（共 {c.ReportCount} 次）",
        "split" => $"{c.Number} 拆出一条误并的上报",
        "split-from" => $"新案件 {c.Number}（从其他案件拆分）",
        "public-note" => $"{c.Number} 收到上报人的新留言",
        _ => $"{c.Number}：{action} → {CaseNames.Stage(c.Stage)}",
    };

    public static void Add(LinliDb db, Case c, string action, long nowMs) =>
        db.CaseNotifications.Add(For(c, action, Describe(c, action), nowMs));

    /// <summary>Everyone whose scope covers the grid (by each ancestor's prefix), the unit, the reporter.</summary>
    public async Task PushAsync(Case c, string kind, string text)
    {
        var groups = new List<string> { "region:*", $"case:{c.Id}" };
        var ancestors = new[] { c.DistrictCode[..4] + "00", c.DistrictCode, c.StreetCode, c.CommunityCode, c.GridCode }.OfType<string>();
        groups.AddRange(ancestors.Select(code => $"region:{RegionScope.Prefix(code)}"));
        if (c.AssignedUnit is not null) groups.Add($"unit:{c.AssignedUnit}");
        if (c.ReporterUserId is not null) groups.Add($"user:{c.ReporterUserId}");
        await hub.Clients.Groups(groups.Distinct().ToList()).SendAsync(CaseHub.Message,
            new { caseId = c.Id, number = c.Number, stage = CaseNames.Stage(c.Stage), kind, text, version = c.Version });
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
