namespace Linli.Modules.Cases.Calendar;

/// <summary>How a time limit is counted: on the working calendar, or around the clock.</summary>
public enum LimitUnit
{
    WorkingHours,
    WorkingDays,
    NaturalHours,
    NaturalMinutes,
}

/// <summary>A disposal or stage limit such as "4 working hours" or "2 natural hours".</summary>
public sealed record TimeLimit(double Value, LimitUnit Unit)
{
    public static string NameOf(LimitUnit unit) => unit switch
    {
        LimitUnit.WorkingHours => "working-hours",
        LimitUnit.WorkingDays => "working-days",
        LimitUnit.NaturalHours => "natural-hours",
        LimitUnit.NaturalMinutes => "natural-minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static bool TryParseUnit(string? name, out LimitUnit unit)
    {
        foreach (var candidate in Enum.GetValues<LimitUnit>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }
        unit = default;
        return false;
    }

    public static string UnitNames { get; } = string.Join(", ", Enum.GetValues<LimitUnit>().Select(NameOf));

    public bool IsWorkingTime => Unit is LimitUnit.WorkingHours or LimitUnit.WorkingDays;
}
