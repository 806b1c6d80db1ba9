using Linli.Modules.Lists.Merchants;

namespace Linli.Tests.Lists.Alliance;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example in GB 32100-2015
    [InlineData("91110000802100433B")]
    [InlineData("91110108551385082Q")]
    [InlineData("91330105MA20000390")] // sum divisible by 31: the check character is 0, not a 32nd character
    public void A_code_with_the_right_check_character_is_valid(string code)
    {
        Assert.True(CreditCode.IsValid(code));
        Assert.Null(CreditCode.Problem(code));
    }

    [Fact]
    public void Lower_case_and_spaces_are_forgiven_as_typing()
    {
        Assert.True(CreditCode.IsValid(" 91350100m000100y43 "));
        Assert.Equal("91350100M000100Y43", CreditCode.Normalise("91350100 m000100y43"));
    }

    [Theory]
    [InlineData("91350100M000100Y44", "'3'")] // one digit off
    [InlineData("91350100M000100Y34", "'0'")] // two characters swapped
    [InlineData("911100001000048816", "'F'")]
    public void A_typing_error_is_caught_by_the_check_character_and_the_right_one_named(string code, string expected)
    {
        var problem = CreditCode.Problem(code);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("")]
    [InlineData(null)]
    public void A_code_that_is_not_18_characters_long_is_refused(string? code) =>
        Assert.Contains("18 characters", CreditCode.Problem(code), StringComparison.Ordinal);

    [Theory]
    [InlineData("91350100I000100Y43", 'I')]
    [InlineData("91350100O000100Y43", 'O')]
    [InlineData("9135010SM000100Y43", 'S')]
    [InlineData("91350100M000100V43", 'V')]
    [InlineData("91350100Z000100Y43", 'Z')]
    public void Letters_the_alphabet_leaves_out_are_refused_by_name(string code, char letter) =>
        Assert.Contains($"'{letter}'", CreditCode.Problem(code), StringComparison.Ordinal);

    [Fact]
    public void The_check_character_is_computed_from_the_first_17_with_weights_three_to_the_i_mod_31()
    {
        Assert.Equal('3', CreditCode.CheckCharacter("91350100M000100Y4"));
        Assert.Equal('0', CreditCode.CheckCharacter("91330105MA2000039"));
        Assert.Null(CreditCode.CheckCharacter("91350100M000100I4"));
    }
}
