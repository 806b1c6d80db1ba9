namespace Linli.Modules.Couriers.Contracts;

/// <summary>A delivery or ride platform a rider works for, with the one-byte code the offline token carries.</summary>
public sealed record Platform(string Code, byte TokenCode, string NameZh, string NameEn);

/// <summary>
/// The platforms Linli knows. The token code is part of the signed pass token, so a code once
/// given is never reused for another platform; new platforms take the next free number.
/// </summary>
public static class Platforms
{
    public static readonly IReadOnlyList<Platform> All =
    [
        new("meituan", 1, "美团", "Meituan"),
        new("eleme", 2, "饿了么", "Ele.me"),
        new("sf", 3, "顺丰", "SF Express"),
        new("zto", 4, "中通", "ZTO Express"),
        new("yto", 5, "圆通", "YTO Express"),
        new("sto", 6, "申通", "STO Express"),
        new("yunda", 7, "韵达", "Yunda"),
        new("jd", 8, "京东", "JD Logistics"),
        new("ems", 9, "中国邮政", "China Post / EMS"),
        new("didi", 10, "滴滴", "DiDi"),
        new("huolala", 11, "货拉拉", "Lalamove"),
        new("dada", 12, "达达", "Dada"),
        new("shansong", 13, "闪送", "Shansong"),
        new("other", 255, "其他", "Other"),
    ];

    private static readonly Dictionary<string, Platform> ByCode = All.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<byte, Platform> ByTokenCode = All.ToDictionary(p => p.TokenCode);

    /// <summary>By code (meituan) or Chinese name (美团).</summary>
    public static Platform? Find(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName)) return null;
        var key = codeOrName.Trim();
        return ByCode.GetValueOrDefault(key) ?? All.FirstOrDefault(p => p.NameZh == key);
    }

    public static Platform? FromTokenCode(byte code) => ByTokenCode.GetValueOrDefault(code);

    public static string CodesForHelp => string.Join(", ", All.Select(p => p.Code));
}
