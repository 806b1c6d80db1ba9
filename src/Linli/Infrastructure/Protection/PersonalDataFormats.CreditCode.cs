namespace Linli.Infrastructure.Protection;

public static partial class PersonalDataFormats
{
    /// <summary>The 31 characters of a unified social credit code (GB 32100): digits and capitals without I, O, S, V, Z.</summary>
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>
    /// An 18-character unified social credit code (统一社会信用代码, GB 32100-2015) whose last character
    /// is the check character of the first 17. Not personal data, but checked the same way as a resident ID.
    /// </summary>
    public static bool IsCreditCode(string value)
    {
        var code = NormaliseCreditCode(value);
        return code.Length == 18 && code.All(c => CreditCodeAlphabet.Contains(c, StringComparison.Ordinal))
            && CreditCodeCheck(code.AsSpan(0, 17)) == code[17];
    }

    public static string NormaliseCreditCode(string value) => value.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The GB 32100 check character: weights 3^i mod 31, then 31 − (sum mod 31), 31 standing for 0.</summary>
    public static char CreditCodeCheck(ReadOnlySpan<char> first17)
    {
        ReadOnlySpan<int> weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = CreditCodeAlphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return '?';
            }
            sum += value * weights[i];
        }
        return CreditCodeAlphabet[(31 - sum % 31) % 31];
    }
}
