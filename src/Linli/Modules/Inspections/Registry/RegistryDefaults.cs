namespace Linli.Modules.Inspections.Registry;

/// <summary>The per-utility constants of the registry, in one place.</summary>
internal static class RegistryDefaults
{
    /// <summary>The utility whose default rules are seeded at startup.</summary>
    public const string Gas = "GAS";

    /// <summary>The checklist a periodic inspection uses: gas-commercial for GAS, "&lt;utility&gt;-commercial" for any other.</summary>
    public static string TemplateFor(string utility) => $"{utility.ToLowerInvariant()}-commercial";

    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime).DateTime);

    public static DateOnly DayOf(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime).DateTime);

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime);
}
