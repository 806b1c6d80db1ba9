using System.Globalization;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Matching.Engine;

/// <summary>
/// Why a proposal was made, in both languages: "1.2 km; Tue/Thu 11:00-12:00 overlap; 3 of 10 meals
/// left" / "1.2 公里；周二、周四 11:00-12:00 重合；剩余 3/10 份". The capacity left is what the
/// resource had when the run started, before this run's proposals.
/// </summary>
public static class Explanation
{
    public static (string Zh, string En) Of(double? distanceMeters, IReadOnlyList<WeeklyWindow> shared, int remaining, int capacity, string category)
    {
        var (unitZh, unitEn) = QuantityUnits.Of(category);
        var distance = distanceMeters is { } d
            ? (Zh: Distance(d, "米", "公里"), En: Distance(d, "m", "km"))
            : (Zh: "在服务区域内", En: "within the service area");
        var windows = shared.Count == 0
            ? (Zh: "时间不限", En: "any time")
            : (Zh: string.Join("、", shared.Select(w => w.ToChinese())) + " 重合", En: string.Join(", ", shared.Select(w => w.ToString())) + " overlap");
        return ($"{distance.Zh}；{windows.Zh}；剩余 {remaining}/{capacity} {unitZh}",
            $"{distance.En}; {windows.En}; {remaining} of {capacity} {unitEn} left");
    }

    private static string Distance(double meters, string m, string km) => meters < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(meters / 10) * 10:0} {m}")
        : string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.0} {km}");
}

/// <summary>What a quantity counts, per category: meals, visits, hours…</summary>
public static class QuantityUnits
{
    private static readonly Dictionary<string, (string Zh, string En)> Units = new()
    {
        ["elderly-meals"] = ("份", "meals"),
        ["elderly-companionship"] = ("次", "visits"),
        ["elderly-health"] = ("次", "checks"),
        ["elderly-home-adaptation"] = ("户", "homes"),
        ["elderly-cleaning"] = ("小时", "hours"),
        ["children-after-school"] = ("个名额", "places"),
        ["children-tutoring"] = ("小时", "hours"),
        ["repairs-home"] = ("次", "repairs"),
        ["repairs-haircut"] = ("次", "haircuts"),
        ["jobs"] = ("人", "people"),
        ["legal-aid"] = ("次", "consultations"),
        ["culture"] = ("个名额", "places"),
        ["health-medical"] = ("次", "consultations"),
        ["psychological"] = ("次", "sessions"),
        ["small-wish"] = ("个", "wishes"),
        ["courier-services"] = ("次", "services"),
        ["battery-swap"] = ("次", "swaps"),
        ["rider-meals"] = ("份", "meals"),
        ["rider-rest"] = ("人次", "visits"),
        ["rider-courses"] = ("个名额", "places"),
    };

    public static (string Zh, string En) Of(string category) => Units.GetValueOrDefault(category, ("份", "units"));
}
