namespace Linli.Infrastructure.Spreadsheets;

/// <summary>
/// One column of a spreadsheet that travels in and out of Linli. The template heads it "中文 key"; a file may head it with
/// the Chinese label, the key, or both, so that a sheet typed by hand and one filled from the
/// template both read.
/// </summary>
internal sealed record SheetColumn(string Key, string Chinese, bool Required, string Example, string HelpChinese, string HelpEnglish)
{
    public string Header => $"{Chinese} {Key}";

    public bool Heads(string header)
    {
        var text = header.Trim().Replace('（', '(').Replace('）', ')');
        if (text.Length == 0)
        {
            return false;
        }
        if (text.Equals(Key, StringComparison.OrdinalIgnoreCase) || text == Chinese || text.Equals(Header, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // "需求类别(category)", "需求类别 / category"
        var words = text.Split([' ', '(', ')', '/', '*'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w.Equals(Key, StringComparison.OrdinalIgnoreCase)) && words.Any(w => w == Chinese);
    }
}

/// <summary>One problem of an uploaded sheet: the spreadsheet's own row number (1 is the header), the column as headed, why.</summary>
public sealed record SheetError(int Row, string Column, string Reason);

/// <summary>A word a coded column may take: its code, Chinese and English name (the template's "Values" sheet).</summary>
internal sealed record SheetValue(string Column, string Code, string Chinese, string English);

/// <summary>
/// A list's columns, in template order, with the columns an export adds that an import refuses
/// (an import that updates by a key column leaves <paramref name="ExportOnly"/> empty), the words coded columns take, and
/// columns an export adds for reading that an import passes over (<paramref name="Ignored"/>).
/// </summary>
internal sealed record SheetLayout(string Kind, string SheetName, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<string> ExportOnly,
    IReadOnlyList<SheetValue>? Values = null, IReadOnlyList<string>? Ignored = null)
{
    public SheetColumn Column(string key) => Columns.First(c => c.Key == key);
}
