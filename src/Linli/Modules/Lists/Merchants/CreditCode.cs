namespace Linli.Modules.Lists.Merchants;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
/// 31-character alphabet (digits and capitals without I, O, Z, S, V); the last is a check
/// character over the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null when one is outside the alphabet.</summary>
    public static char? CheckCharacter(string first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            sum += value * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Upper-cases and trims; codes are often typed in lower case or with spaces.</summary>
    public static string Normalise(string? code) => (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Null when the code is valid, else why not, in words a shopkeeper understands.</summary>
    public static string? Problem(string? code)
    {
        var normal = Normalise(code);
        if (normal.Length != 18)
        {
            return "a unified social credit code has 18 characters";
        }
        if (normal.FirstOrDefault(c => !Alphabet.Contains(c, StringComparison.Ordinal)) is var bad && bad != default)
        {
            return $"'{bad}' cannot appear in a unified social credit code (I, O, Z, S and V are never used)";
        }
        var expected = CheckCharacter(normal[..17]);
        return expected == normal[17] ? null : $"the check character should be '{expected}', not '{normal[17]}': please check the code for a typing error";
    }

    public static bool IsValid(string? code) => Problem(code) is null;
}
