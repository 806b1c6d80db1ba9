namespace Linli.Modules.Inspections.Hazards;

/// <summary>Deadlines are calendar days in Beijing time: the day a notice is issued, the day it runs out.</summary>
internal static class HazardDays
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    public static DateTimeOffset Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaStandardTime);
}
