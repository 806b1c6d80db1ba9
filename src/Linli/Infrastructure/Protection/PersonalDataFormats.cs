using System.Text.RegularExpressions;

namespace Linli.Infrastructure.Protection;

/// <summary>Validation, normalisation and masking of personal data (DOMAIN.md §7).</summary>
public static partial class PersonalDataFormats
{
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    /// <summary>An 11-digit mainland mobile number (spaces, dashes and a +86 prefix are tolerated).</summary>
    public static bool IsMobile(string value) => MobilePattern().IsMatch(Normalise(PersonalDataKind.Phone, value));

    /// <summary>An 18-character resident ID (GB 11643) with a valid birth date and check character.</summary>
    public static bool IsResidentId(string value)
    {
        var id = Normalise(PersonalDataKind.IdNumber, value);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return false;
        }
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out _))
        {
            return false;
        }
        return ResidentIdCheck(id.AsSpan(0, 17)) == id[17];
    }

    /// <summary>The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2).</summary>
    public static char ResidentIdCheck(ReadOnlySpan<char> first17)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * weights[i];
        }
        return "10X98765432"[sum % 11];
    }

    public static string Normalise(PersonalDataKind kind, string value)
    {
        var trimmed = value.Trim();
        return kind switch
        {
            PersonalDataKind.Phone => NormalisePhone(trimmed),
            PersonalDataKind.IdNumber => trimmed.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
            _ => trimmed,
        };
    }

    private static string NormalisePhone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    /// <summary>张*明, 李*, 欧阳**; Latin names keep their first letter.</summary>
    public static string MaskName(string name)
    {
        var n = name.Trim();
        return n.Length switch
        {
            0 => "",
            1 => "*",
            2 => n[0] + "*",
            _ => n[0] + new string('*', n.Length - 2) + n[^1],
        };
    }

    /// <summary>138****5678.</summary>
    public static string MaskPhone(string phone)
    {
        var p = Normalise(PersonalDataKind.Phone, phone);
        return p.Length >= 7 ? p[..3] + new string('*', p.Length - 7) + p[^4..] : new string('*', p.Length);
    }

    /// <summary>330105********1234.</summary>
    public static string MaskIdNumber(string id)
    {
        var n = Normalise(PersonalDataKind.IdNumber, id);
        return n.Length >= 10 ? n[..6] + new string('*', n.Length - 10) + n[^4..] : new string('*', n.Length);
    }

    /// <summary>The district-level start of an address and nothing of the house.</summary>
    public static string MaskAddress(string address)
    {
        var a = address.Trim();
        var keep = Math.Min(6, a.Length / 2);
        return a[..keep] + "****";
    }
}
