using Linli.Modules.Couriers.Data;

namespace Linli.Modules.Couriers.Registration;

/// <summary>One eligibility rule and whether the courier meets it.</summary>
public sealed record EligibilityCheck(string Rule, bool Passed, string Zh, string En);

/// <summary>
/// Tonglu's rules for the pass (DOMAIN.md §4): a month of steady work, no at-fault accident, no
/// public-security complaint, on-time rate at least 95 %, training done. Officers approve only
/// applications that meet all of them.
/// </summary>
internal static class Eligibility
{
    public const decimal MinimumOnTimeRate = 95m;

    public static IReadOnlyList<EligibilityCheck> Evaluate(Courier c, DateOnly today) =>
    [
        new("steady-work", c.WorkStartedOn <= today.AddMonths(-1), $"从业满 1 个月（{c.WorkStartedOn:yyyy-MM-dd} 起）", $"At least a month of steady work (since {c.WorkStartedOn:yyyy-MM-dd})"),
        new("no-at-fault-accident", c.AtFaultAccidents == 0, $"无有责事故（{c.AtFaultAccidents} 起）", $"No at-fault accident ({c.AtFaultAccidents})"),
        new("no-security-complaint", c.SecurityComplaints == 0, $"无治安投诉（{c.SecurityComplaints} 起）", $"No public-security complaint ({c.SecurityComplaints})"),
        new("on-time-rate", c.OnTimeRatePercent >= MinimumOnTimeRate, $"准时率 ≥ 95%（{c.OnTimeRatePercent:0.##}%）", $"On-time rate at least 95 % ({c.OnTimeRatePercent:0.##} %)"),
        new("training", c.TrainingDone, c.TrainingDone ? "已完成安全培训" : "未完成安全培训", c.TrainingDone ? "Safety training done" : "Safety training not done"),
    ];

    public static bool AllPass(IReadOnlyList<EligibilityCheck> checks) => checks.All(c => c.Passed);
}
