using Linli.Infrastructure.Protection;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry.Plans;

namespace Linli.Tests.Inspections.Registry;

public sealed class FrequencyRuleTests
{
    private static FrequencyRule Rule(string? type, string? risk, string? region, int months) => new(Guid.NewGuid(), "GAS", type, risk, region, months, null);

    [Fact]
    public void The_defaults_inspect_catering_monthly_residential_yearly_and_every_other_type_twice_a_year()
    {
        var book = new FrequencyRuleBook(FrequencyRuleBook.Defaults("GAS"));
        Assert.Equal(1, book.IntervalMonths(CustomerTypes.Catering, RiskClasses.Low, "330105001001001"));
        Assert.Equal(12, book.IntervalMonths(CustomerTypes.Residential, RiskClasses.High, "330105001001001"));
        Assert.Equal(6, book.IntervalMonths(CustomerTypes.Hotel, RiskClasses.High, "330105001001001"));
        Assert.Equal(6, book.IntervalMonths(CustomerTypes.Factory, RiskClasses.Low, "330106"));
    }

    [Fact]
    public void The_most_specific_rule_wins_type_before_risk_before_region_and_the_deeper_region_breaks_a_tie()
    {
        var book = new FrequencyRuleBook([
            Rule(null, null, null, 6),
            Rule(null, RiskClasses.High, "330105", 2),
            Rule(CustomerTypes.Hotel, null, null, 4),
            Rule(CustomerTypes.Hotel, RiskClasses.High, null, 3),
            Rule(null, null, "330105", 5),
            Rule(null, null, "330105001", 7),
        ]);
        Assert.Equal(3, book.IntervalMonths(CustomerTypes.Hotel, RiskClasses.High, "330105001001001"));
        Assert.Equal(4, book.IntervalMonths(CustomerTypes.Hotel, RiskClasses.Low, "330105001001001"));
        Assert.Equal(2, book.IntervalMonths(CustomerTypes.Factory, RiskClasses.High, "330105001001001"));
        Assert.Equal(7, book.IntervalMonths(CustomerTypes.Factory, RiskClasses.Low, "330105001001001"));
        Assert.Equal(5, book.IntervalMonths(CustomerTypes.Factory, RiskClasses.Low, "330105002001001"));
        Assert.Equal(6, book.IntervalMonths(CustomerTypes.Factory, RiskClasses.High, "330106001001001"));
    }

    [Fact]
    public void Without_any_rule_a_user_is_inspected_every_six_months()
    {
        Assert.Equal(FrequencyRuleBook.FallbackMonths, new FrequencyRuleBook([]).IntervalMonths(CustomerTypes.Catering, RiskClasses.High, "33"));
    }

    [Fact]
    public void A_user_never_inspected_falls_due_within_a_month_of_registration_otherwise_an_interval_after_the_last_visit()
    {
        var registered = new DateOnly(2026, 11, 29);
        Assert.Equal(new DateOnly(2026, 12, 29), FrequencyRuleBook.NextDue(null, registered, 6));
        Assert.Equal(new DateOnly(2027, 5, 10), FrequencyRuleBook.NextDue(new DateOnly(2026, 11, 10), registered, 6));
    }

    [Theory]
    [InlineData("91350100M000100Y43", true)]
    [InlineData("91350100m000100y43", true)]
    [InlineData("91350100M000100Y44", false)]
    [InlineData("91350100M000100Y4", false)]
    [InlineData("91350100I000100Y43", false)]
    public void A_unified_social_credit_code_is_checked_by_its_GB_32100_check_character(string code, bool valid)
    {
        Assert.Equal(valid, PersonalDataFormats.IsCreditCode(code));
    }
}
