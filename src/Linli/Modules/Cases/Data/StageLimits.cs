using Linli.Modules.Cases.Calendar;

namespace Linli.Modules.Cases.Data;

/// <summary>
/// How long each stage may take. Disposal takes the category's limit; the centre's own steps
/// (accept, file, dispatch, verify, close) take short limits on the working calendar, or in
/// natural time when the category itself is counted in natural time (emergencies).
/// </summary>
public static class StageLimits
{
    public static TimeLimit? For(CaseStage stage, TimeLimit disposal)
    {
        var natural = !disposal.IsWorkingTime;
        return stage switch
        {
            CaseStage.Reported => natural ? new(10, LimitUnit.NaturalMinutes) : new(1, LimitUnit.WorkingHours),
            CaseStage.Accepted => natural ? new(10, LimitUnit.NaturalMinutes) : new(2, LimitUnit.WorkingHours),
            CaseStage.Filed => natural ? new(10, LimitUnit.NaturalMinutes) : new(1, LimitUnit.WorkingHours),
            CaseStage.Dispatched => disposal,
            CaseStage.FedBack => natural ? new(1, LimitUnit.NaturalHours) : new(1, LimitUnit.WorkingDays),
            CaseStage.Verified => natural ? new(1, LimitUnit.NaturalHours) : new(4, LimitUnit.WorkingHours),
            _ => null,
        };
    }

    /// <summary>The stages a case goes through before it can be closed, in order.</summary>
    public static IReadOnlyList<CaseStage> Loop { get; } =
        [CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed, CaseStage.Dispatched, CaseStage.FedBack, CaseStage.Verified];
}

/// <summary>Green below 80 % of a limit, yellow from 80 %, red from 100 % (overdue).</summary>
public static class TimerColours
{
    public const string Green = "green";
    public const string Yellow = "yellow";
    public const string Red = "red";
    public const double WarningShare = 0.8;

    public static string Of(long nowMs, long? warningMs, long? deadlineMs) =>
        deadlineMs is { } d && nowMs >= d ? Red : warningMs is { } w && nowMs >= w ? Yellow : Green;
}
