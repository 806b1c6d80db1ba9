using System.Globalization;

namespace Linli.Infrastructure.Spreadsheets;

/// <summary>Turns the text of a cell into a field's value; people type codes, Chinese names or English names alike.</summary>
internal static class SheetValues
{
    /// <summary>The code a cell names, by code, Chinese or English name; the cell itself when it names none (the rules then say why).</summary>
    public static string Code(string? cell, IEnumerable<(string Code, string Chinese, string English)> options)
    {
        var text = cell?.Trim() ?? "";
        foreach (var (code, chinese, english) in options)
        {
            if (text.Equals(code, StringComparison.OrdinalIgnoreCase) || text == chinese || text.Equals(english, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }
        return text;
    }

    public static IReadOnlyList<string> Codes(string? cell, IEnumerable<(string Code, string Chinese, string English)> options)
    {
        var list = options.ToList();
        return Split(cell, [',', '，', '、', ';', '；']).Select(part => Code(part, list)).ToList();
    }

    public static IReadOnlyList<string> Split(string? cell, char[] separators) =>
        cell is null ? [] : cell.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool TryWhole(string? cell, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            value = fallback;
            return true;
        }
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && Math.Abs(number) < int.MaxValue)
        {
            value = (int)number;
            return true;
        }
        value = 0;
        return false;
    }

    public static bool TryNumber(string? cell, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(cell))
        {
            return true;
        }
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            value = number;
            return true;
        }
        return false;
    }

    public static bool TryYesNo(string? cell, out bool value)
    {
        switch (cell?.Trim().ToLowerInvariant())
        {
            case null or "" or "否" or "no" or "n" or "false" or "0":
                value = false;
                return true;
            case "是" or "yes" or "y" or "true" or "1" or "已同意":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
