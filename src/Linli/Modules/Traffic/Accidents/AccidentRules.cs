using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Protection;
using Linli.Modules.Traffic.Accidents.Data;

namespace Linli.Modules.Traffic.Accidents;

/// <summary>The city's settings for quick handling, read per request so a changed setting applies at once.</summary>
internal sealed record AccidentSettings(int MaxLossYuan, int CodeMinutes, int CodeTries, double MaxOffsetMeters)
{
    public static AccidentSettings Of(IConfiguration configuration) => new(
        configuration.GetValue("Linli:Traffic:QuickHandlingMaxLoss", 20_000),
        Math.Clamp(configuration.GetValue("Linli:Traffic:ConfirmCodeMinutes", 10), 1, 60),
        Math.Clamp(configuration.GetValue("Linli:Traffic:ConfirmCodeTries", 5), 1, 20),
        configuration.GetValue("Linli:Traffic:MaxOffsetMeters", 150.0));
}

/// <summary>One failing qualifying condition, in both languages.</summary>
public sealed record FailedCondition(string Field, string Zh, string En);

/// <summary>
/// Quick handling (DOMAIN §6) is for property damage only: nobody hurt, the vehicles can be driven,
/// no road property damaged, and (where the city sets it) a small loss. Anything else is the police's.
/// </summary>
internal static partial class AccidentRules
{
    public static List<FailedCondition> Failing(AccidentAnswers a, int maxLossYuan)
    {
        var failing = new List<FailedCondition>();
        if (!a.NoInjuries) failing.Add(new("noInjuries", "有人受伤", "someone is hurt"));
        if (!a.VehiclesMovable) failing.Add(new("vehiclesMovable", "车辆无法移动", "a vehicle cannot be moved"));
        if (!a.PropertyOnly) failing.Add(new("propertyOnly", "不只是财产损失", "not property damage only"));
        if (!a.NoRoadPropertyDamage) failing.Add(new("noRoadPropertyDamage", "损坏了护栏、标志等路产", "road property (guardrail, signs…) is damaged"));
        if (a.EstimatedLossYuan is { } loss && maxLossYuan > 0 && loss > maxLossYuan)
        {
            failing.Add(new("estimatedLossYuan", $"估计损失超过 {maxLossYuan} 元", $"the estimated loss exceeds ¥{maxLossYuan}"));
        }
        return failing;
    }

    /// <summary>What to do now when it does not qualify: get safe, warn traffic, call for help.</summary>
    public static IReadOnlyList<string> EmergencyAdvice { get; } =
    [
        "立即开启危险报警闪光灯，人员撤离到护栏外或安全地带，不要站在车道上 · Hazard lights on; everyone gets behind the guardrail, off the carriageway",
        "在来车方向 150 米以外放置三角警告标志 · Put the warning triangle 150 m behind the vehicles",
        "拨打 122（交警）；有人受伤拨打 120 · Call 122 (traffic police); if anyone is hurt call 120",
        "不要移动伤员，等待救援，保持电话畅通 · Do not move the injured; wait for rescue and keep your phone on",
    ];

    /// <summary>What to do now when it qualifies: photos taken, so clear the road.</summary>
    public static IReadOnlyList<string> QuickAdvice { get; } =
    [
        "照片已保存：请立即将车辆移至应急车道外、服务区或最近出口 · Photos saved: move the vehicles off the carriageway now (service area or next exit)",
        "人员撤离到护栏外，在来车方向 150 米外放置三角警告标志 · Stay behind the guardrail; warning triangle 150 m behind",
        "让对方在自己的手机上输入确认码，双方的事故记录用于保险理赔 · Let the other driver enter the code on their phone; both records serve the insurers",
    ];

    public static string Phone(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new RequestValidationException(field, "is required (a mobile number, 11 digits)");
        if (!PersonalDataFormats.IsMobile(value)) throw new RequestValidationException(field, "is not a mainland mobile number (11 digits starting with 1)");
        return PersonalDataFormats.Normalise(PersonalDataKind.Phone, value);
    }

    /// <summary>浙A12345, 浙AD12345 (new energy): a province character, a letter, five or six letters/digits.</summary>
    public static string Plate(string? value, string field)
    {
        var plate = (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("·", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (plate.Length == 0) throw new RequestValidationException(field, "is required (e.g. 浙A12345)");
        if (!PlatePattern().IsMatch(plate)) throw new RequestValidationException(field, $"'{plate}' is not a plate number like 浙A12345");
        return plate;
    }

    public static string Name(string? value, string field)
    {
        var name = (value ?? "").Trim();
        if (name.Length == 0) throw new RequestValidationException(field, "is required (the insurers need the driver's name)");
        if (name.Length > 50) throw new RequestValidationException(field, "may be at most 50 characters");
        return name;
    }

    public static string? Insurer(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Length <= 100 ? value.Trim() : throw new RequestValidationException("insurer", "may be at most 100 characters");

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A keyed hash with the server's secret (the personal-data index key): a six-digit code has only 10^6
    /// values, so a plain SHA-256 of it would fall to anyone with a database dump. The report id keeps equal
    /// codes of two reports apart. Rows hashed the old way (plain SHA-256) need no migration: a code lives
    /// for minutes, so such a code simply reads as wrong and party A taps "new code".
    /// </summary>
    public static string CodeHash(PersonalDataProtector protector, Guid reportId, string code) =>
        protector.Keyed("accident-confirm-code", $"{reportId:N}:{code.Trim()}");

    [GeneratedRegex(@"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$")]
    private static partial Regex PlatePattern();
}
