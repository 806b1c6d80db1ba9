namespace Linli.Modules.Lists.Contracts;

/// <summary>A category of need or offer: a group (elderly care, children, …) and the item within it.</summary>
public sealed record NeedCategory(string Code, string Group, string Chinese, string English);

/// <summary>
/// What residents need and what providers offer, in one vocabulary, plus which offers can meet
/// which needs (the compatibility table the matching starts from). Kept in code rather than
/// configuration because the matching, the spreadsheets and the pages must agree on it.
/// </summary>
public static class NeedCategories
{
    public static IReadOnlyList<NeedCategory> All { get; } =
    [
        new("elderly-meals", "elderly", "助餐送餐", "Meals"),
        new("elderly-companionship", "elderly", "陪伴探访", "Companionship"),
        new("elderly-health", "elderly", "健康检查", "Health checks"),
        new("elderly-home-adaptation", "elderly", "适老化改造", "Home adaptation"),
        new("elderly-cleaning", "elderly", "家政保洁", "Housekeeping"),
        new("children-after-school", "children", "课后托管", "After-school care"),
        new("children-tutoring", "children", "学业辅导", "Tutoring"),
        new("repairs-home", "repairs", "家电水电维修", "Home repairs"),
        new("repairs-haircut", "repairs", "理发", "Haircuts"),
        new("jobs", "jobs", "就业帮扶", "Jobs"),
        new("legal-aid", "legal", "法律援助", "Legal aid"),
        new("culture", "culture", "文体活动", "Culture and sport"),
        new("health-medical", "health", "义诊", "Free clinics"),
        new("psychological", "health", "心理疏导", "Counselling"),
        new("small-wish", "wishes", "微心愿", "Small wishes"),
        new("courier-services", "workers", "新就业群体服务", "Services for couriers and riders"),
        new(BatterySwap, "workers", "换电柜（以换代充）", "Battery-swap cabinets"),
        new(RiderMeals, "workers", "骑手优惠餐", "Discounted meals for riders"),
        new(RiderRest, "workers", "骑手驿站（饮水/充电/歇脚）", "Rider rest stops (water, charging, a seat)"),
        new(RiderCourses, "workers", "技能课程（急救、摄影、道路安全）", "Courses (first aid, photography, road safety)"),
    ];

    // The worker services riders look for near them (issue #9 item 5); 'courier-services' stays the general one.
    public const string BatterySwap = "battery-swap";
    public const string RiderMeals = "rider-meals";
    public const string RiderRest = "rider-rest";
    public const string RiderCourses = "rider-courses";

    /// <summary>The offer categories the rider's services map shows, in its legend's order.</summary>
    public static IReadOnlyList<string> WorkerServices { get; } = [BatterySwap, RiderMeals, RiderRest, RiderCourses];

    /// <summary>
    /// Offer category → the need categories it can meet. An offer meets its own category; a few
    /// stretch further (a housekeeping team also visits, a free clinic also does health checks).
    /// </summary>
    private static readonly Dictionary<string, string[]> Meets = new()
    {
        ["elderly-cleaning"] = ["elderly-companionship"],
        ["health-medical"] = ["elderly-health"],
        ["psychological"] = ["elderly-companionship"],
        ["children-tutoring"] = ["children-after-school"],
        ["children-after-school"] = ["children-tutoring"],
        ["repairs-home"] = ["elderly-home-adaptation"],
        ["small-wish"] = [],
        // A rider's meal, rest stop or course also meets a general request for courier services.
        ["rider-meals"] = ["courier-services"],
        ["rider-rest"] = ["courier-services"],
        ["rider-courses"] = ["courier-services"],
        ["battery-swap"] = ["courier-services"],
    };

    public static NeedCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>How well an offer of one category fits a need of another: 1 for the same category, 0.7 for a listed stretch, 0 when it cannot.</summary>
    public static double Fit(string offerCategory, string needCategory) =>
        offerCategory == needCategory ? 1.0
        : Meets.TryGetValue(offerCategory, out var also) && also.Contains(needCategory) ? 0.7
        : 0.0;

    /// <summary>The need categories an offer of this category can meet, its own first.</summary>
    public static IReadOnlyList<string> NeedsMetBy(string offerCategory) =>
        [offerCategory, .. Meets.GetValueOrDefault(offerCategory) ?? []];
}
