using Linli.Infrastructure.Persistence;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Gate;

/// <summary>Turns a stored passage into what the gate page shows, and words for refusal reasons.</summary>
internal static class GatePassages
{
    /// <summary>The number riders' complaints go to, shown on every gate card (Linli:Couriers:ComplaintPhone).</summary>
    public const string DefaultComplaintPhone = "12345";

    public static async Task<GatePassage> BuildAsync(LinliDb db, Passage passage, string siteCode, string complaintPhone, CancellationToken ct)
    {
        Courier? courier = passage.CourierId is { } courierId
            ? await db.Couriers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courierId, ct)
            : null;
        string? number = passage.PassId is { } passId
            ? await db.CourierPasses.AsNoTracking().Where(p => p.Id == passId).Select(p => p.Number).FirstOrDefaultAsync(ct)
            : null;
        return Build(passage, siteCode, courier, number, complaintPhone);
    }

    public static GatePassage Build(Passage passage, string siteCode, Courier? courier, string? passNumber, string complaintPhone)
    {
        var platform = courier is null ? null : Platforms.Find(courier.Platform);
        return new GatePassage(passage.Id, siteCode, passage.Allowed, passage.Reason, passage.Reason is null ? null : ReasonText(passage.Reason),
            passage.Method switch { PassageMethod.SiteScan => "site-scan", PassageMethod.TokenOnline => "token-online", _ => "token-offline" },
            DateTimeOffset.FromUnixTimeMilliseconds(passage.AtMs), courier?.Id, passNumber, courier?.NameMasked, courier?.Platform,
            platform?.NameZh, courier?.Team, courier?.PhotoPath is null ? null : $"/api/v1/couriers/{courier.Id}/photo", complaintPhone);
    }

    /// <summary>The reason codes a check can give, in the guard's words.</summary>
    public static string ReasonText(string reason) => reason switch
    {
        "malformed" => "码无法识别（格式错误或不完整）",
        "unknown-key" => "签名密钥未知",
        "retired-key" => "签名密钥已停用",
        "bad-signature" => "签名无效（可能伪造）",
        "expired" => "码已过期，请刷新",
        "not-yet-valid" => "码尚未生效（请核对设备时间）",
        "revoked" => "通行码已吊销",
        "suspended" => "骑手已被暂停通行",
        "not-approved" => "骑手未通过审核",
        "no-pass" => "骑手没有有效通行码",
        "platform-not-allowed" => "本场所不允许该平台进入",
        "site-closed" => "不在本场所允许进入的时段",
        "site-unknown" => "场所码无效或已停用",
        "replayed" => "此码已在本门岗使用过（疑似截图重放）",
        _ => reason,
    };
}
