using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Plans;

/// <summary>
/// A utility's frequency rules, answering "how often is this user inspected". The most specific rule
/// wins: a rule naming the type beats one naming the risk class, which beats one naming only a region;
/// among rules naming the same fields the longer (deeper) region prefix wins; a tie left after that
/// cannot happen (rules are unique per type, risk and region), but the shorter interval would win.
/// With no rule at all a user is inspected every 6 months.
/// </summary>
internal sealed class FrequencyRuleBook(IReadOnlyList<FrequencyRule> rules)
{
    public const int FallbackMonths = 6;

    public static async Task<FrequencyRuleBook> LoadAsync(LinliDb db, string utility, CancellationToken ct) =>
        new(await db.FrequencyRules.AsNoTracking().Where(r => r.Utility == utility).ToListAsync(ct));

    /// <summary>Seeds the default rules for gas when it has none; a fresh context, so nothing else pending is saved with them.</summary>
    public static async Task EnsureDefaultsAsync(IDbContextFactory<LinliDb> factory, string utility, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.FrequencyRules.AnyAsync(r => r.Utility == utility, ct))
        {
            return;
        }
        try
        {
            db.FrequencyRules.AddRange(Defaults(utility));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Seeded by another node at the same moment (the rules are unique per type, risk and region).
        }
    }

    public IReadOnlyList<FrequencyRule> Rules => rules;

    public FrequencyRule? Match(string type, string riskClass, string regionCode) => rules
        .Where(r => (r.CustomerType is null || r.CustomerType == type)
            && (r.RiskClass is null || r.RiskClass == riskClass)
            && (r.RegionPrefix is null || regionCode.StartsWith(r.RegionPrefix, StringComparison.Ordinal)))
        .OrderByDescending(Specificity)
        .ThenByDescending(r => r.RegionPrefix?.Length ?? 0)
        .ThenBy(r => r.IntervalMonths)
        .FirstOrDefault();

    public int IntervalMonths(string type, string riskClass, string regionCode) => Match(type, riskClass, regionCode)?.IntervalMonths ?? FallbackMonths;

    /// <summary>Type 4, risk class 2, region 1: a type rule is more specific than any rule without one.</summary>
    public static int Specificity(FrequencyRule r) => (r.CustomerType is null ? 0 : 4) + (r.RiskClass is null ? 0 : 2) + (r.RegionPrefix is null ? 0 : 1);

    /// <summary>
    /// When the next periodic inspection falls due: the interval after the last one; a user never
    /// inspected is due within a month of registration (or sooner if its interval is shorter).
    /// </summary>
    public static DateOnly NextDue(DateOnly? lastInspectedOn, DateOnly registeredOn, int intervalMonths) =>
        lastInspectedOn is { } last ? last.AddMonths(intervalMonths) : registeredOn.AddMonths(Math.Min(intervalMonths, 1));

    /// <summary>DOMAIN §5: catering monthly, residential yearly, every other type every 6 months.</summary>
    public static IReadOnlyList<FrequencyRule> Defaults(string utility) =>
    [
        new(Guid.NewGuid(), utility, null, null, null, 6, "默认：其他非居民用户每6个月 / default: other users every 6 months"),
        new(Guid.NewGuid(), utility, CustomerTypes.Catering, null, null, 1, "默认：餐饮用户每月 / default: catering monthly"),
        new(Guid.NewGuid(), utility, CustomerTypes.Residential, null, null, 12, "默认：居民用户每年 / default: residential yearly"),
    ];
}
