using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Registry.Pages;

/// <summary>The words the registry's pages share.</summary>
internal static class RegistryWords
{
    public static string Type(string type) => Lang.T(CustomerTypes.Chinese(type), type);

    public static string Supply(string supply) => supply switch
    {
        SupplyKinds.Pipeline => Lang.T("管道燃气", "Pipeline"),
        SupplyKinds.Lpg => Lang.T("液化石油气", "LPG"),
        _ => supply,
    };

    public static string Risk(string risk) => risk switch
    {
        RiskClasses.High => Lang.T("高", "High"),
        RiskClasses.Medium => Lang.T("中", "Medium"),
        RiskClasses.Low => Lang.T("低", "Low"),
        _ => risk,
    };

    public static string Status(string status) => status switch
    {
        "due" => Lang.T("待安排", "Due"),
        "planned" => Lang.T("已排班", "Planned"),
        "done" => Lang.T("已完成", "Done"),
        "cancelled" => Lang.T("已取消", "Cancelled"),
        _ => status,
    };

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.SelectMany(kv => kv.Value.Select(reason => $"{kv.Key}: {reason}")).ToList(),
        DomainException d => [$"{d.Title}: {d.Message}"],
        _ => [e.Message],
    };

    public static double? Number(string? text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
