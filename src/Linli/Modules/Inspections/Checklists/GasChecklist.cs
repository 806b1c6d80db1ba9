using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Checklists;

/// <summary>
/// The built-in checklist for commercial gas users (非居民用户), seeded as template
/// <see cref="Code"/> of utility GAS. The 2023 major-hazard criteria (城镇燃气经营安全重大隐患判定标准)
/// are the items graded major-unless-notified; a leak is always major. A desk may edit the copy in
/// the database; this list is only the first revision.
/// </summary>
public static class GasChecklist
{
    public const string Utility = "GAS";
    public const string Code = "gas-commercial";
    public const string Name = "非居民用户燃气安全检查 Commercial gas user inspection";

    // Item codes other code refers to (the browser test, the seeded demo).
    public const string LeakTest = "leak-test";
    public const string LpgBasement = "lpg-basement";
    public const string PipeBathroom = "pipe-bathroom";
    public const string PipeBedroom = "pipe-bedroom";
    public const string BannedAppliance = "banned-appliance";
    public const string BannedHose = "banned-hose";
    public const string HoseAge = "hose-age";

    /// <summary>The system's own finding for a user whose periodic inspection is overdue (not an item anyone answers).</summary>
    public const string NoPeriodicInspection = "no-periodic-inspection";
    public const string NoPeriodicInspectionCategory = "2105";

    public static IReadOnlyList<ChecklistItem> Items { get; } =
    [
        new(LeakTest, "燃气泄漏检测：表具、阀门、接口、燃具无泄漏", "Leak test: no leak at meter, valves, joints or appliances",
            HazardGrades.Major, "1503", 1, PhotoRequired: true),
        new("alarm-present", "已安装可燃气体报警器", "A gas alarm is installed", HazardGrades.General, "2104", 15),
        new("alarm-working", "报警器工作正常（试验报警、联动切断阀动作）", "The alarm works (test alarm; the shut-off valve closes)",
            HazardGrades.General, "2104", 7),
        new(BannedHose, "未使用国家明令淘汰的软管（如普通橡胶管）", "No banned hose (e.g. plain rubber hose)",
            HazardGrades.MajorUnlessNotified, "2103", 7, PhotoRequired: true),
        new(HoseAge, "软管未超过使用年限、无老化龟裂，长度不超过 2 米且不穿墙", "Hose within its service life, not cracked, at most 2 m, not through a wall",
            HazardGrades.General, "2103", 7),
        new("valve", "表前阀、灶前阀启闭灵活、无损坏", "Meter and appliance valves open and close freely, undamaged", HazardGrades.General, null, 7),
        new("ventilation", "用气场所通风良好，排烟设施完好", "The room is ventilated; flues are intact", HazardGrades.General, null, 15),
        new(LpgBasement, "未在地下室、半地下室或密闭地下空间使用液化石油气", "No LPG used in a basement, semi-basement or enclosed underground space",
            HazardGrades.MajorUnlessNotified, "2101", 3, PhotoRequired: true),
        new(PipeBathroom, "燃气管道未敷设在卫生间内", "No gas pipe runs through a bathroom", HazardGrades.MajorUnlessNotified, "2102", 30),
        new(PipeBedroom, "燃气管道、燃具未设在卧室或客房", "No gas pipe or appliance in a bedroom or guest room", HazardGrades.MajorUnlessNotified, "2102", 30),
        new(BannedAppliance, "未使用国家明令淘汰的燃具（如无熄火保护装置的灶具）", "No banned appliance (e.g. a burner without flame-failure protection)",
            HazardGrades.MajorUnlessNotified, "2103", 15),
        new("meter", "燃气表外观完好、无私接改装", "The meter is intact, not tampered with or bypassed", HazardGrades.General, null, 15),
        new("safety-rules", "张贴安全用气须知，员工会关阀", "Safety rules posted; staff know how to shut the valve", HazardGrades.General, null, 30),
    ];
}
