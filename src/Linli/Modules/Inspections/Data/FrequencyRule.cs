namespace Linli.Modules.Inspections.Data;

/// <summary>
/// How often a utility inspects a kind of user: the most specific rule that matches a user's type,
/// risk class and region wins (a null field matches anything). Defaults for gas: catering monthly,
/// other commercial users every 6 months, residential yearly (DOMAIN §5).
/// </summary>
public sealed class FrequencyRule
{
    private FrequencyRule()
    {
        Utility = "";
    }

    public FrequencyRule(Guid id, string utility, string? customerType, string? riskClass, string? regionPrefix, int intervalMonths, string? note)
    {
        Id = id;
        Utility = utility;
        CustomerType = customerType;
        RiskClass = riskClass;
        RegionPrefix = regionPrefix;
        IntervalMonths = intervalMonths;
        Note = note;
    }

    public Guid Id { get; private set; }
    public string Utility { get; private set; }
    public string? CustomerType { get; private set; }
    public string? RiskClass { get; private set; }

    /// <summary>A region code whose subtree the rule covers ("differs by region"); null for the whole city.</summary>
    public string? RegionPrefix { get; private set; }

    public int IntervalMonths { get; private set; }
    public string? Note { get; private set; }
}
