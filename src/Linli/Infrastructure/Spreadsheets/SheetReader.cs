using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Linli.Infrastructure.Spreadsheets;

/// <summary>A data row of an uploaded sheet: its spreadsheet row number and its cells by column key, as text.</summary>
internal sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string key] => Cells.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

/// <summary>
/// Reads the first sheet of an .xlsx (or a .csv) into rows keyed by our column keys. The header row is matched
/// against the layout; blank rows are skipped but keep their numbers, so every error points at
/// the row the user sees in the spreadsheet.
/// </summary>
internal static class SheetReader
{
    public const int MaxRows = 50_000;

    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<SheetError> Errors) Read(Stream file, SheetLayout layout)
    {
        List<IDictionary<string, object?>> raw;
        var type = IsZip(file) ? ExcelType.XLSX : ExcelType.CSV;
        try
        {
            using var source = type == ExcelType.CSV ? AsUtf8(file) : null;
            // Without a header row MiniExcel keys cells by column letter and keeps blank rows, so positions stay true.
            raw = (source ?? file).Query(useHeaderRow: false, excelType: type)
                .Cast<IDictionary<string, object?>>()
                .Take(MaxRows + 2)
                .ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or ArgumentException or DecoderFallbackException)
        {
            return ([], [new SheetError(0, "", type == ExcelType.XLSX ? $"not a readable .xlsx workbook ({e.Message})" : $"not a readable .csv file ({e.Message})")]);
        }
        if (raw.Count == 0)
        {
            return ([], [new SheetError(1, "", "the sheet is empty: the first row must hold the column headers of the template")]);
        }
        if (raw.Count > MaxRows + 1)
        {
            return ([], [new SheetError(MaxRows + 2, "", $"at most {MaxRows:N0} rows per file; split it")]);
        }

        var errors = new List<SheetError>();
        var keyOfLetter = new Dictionary<string, string>();
        foreach (var (letter, value) in raw[0])
        {
            var header = Text(value);
            if (header.Length == 0)
            {
                continue;
            }
            if (layout.Ignored?.Contains(header, StringComparer.OrdinalIgnoreCase) == true)
            {
                continue;
            }
            if (layout.ExportOnly.Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new SheetError(1, header, "this column comes from an export: an import adds new entries, so remove it (and the rows already in Linli) first"));
                continue;
            }
            var column = layout.Columns.FirstOrDefault(c => c.Heads(header));
            if (column is null)
            {
                errors.Add(new SheetError(1, header, $"unknown column; the columns are {string.Join(", ", layout.Columns.Select(c => c.Header))}"));
            }
            else if (keyOfLetter.ContainsValue(column.Key))
            {
                errors.Add(new SheetError(1, header, $"column {column.Header} appears twice"));
            }
            else
            {
                keyOfLetter[letter] = column.Key;
            }
        }
        foreach (var missing in layout.Columns.Where(c => c.Required && !keyOfLetter.ContainsValue(c.Key)))
        {
            errors.Add(new SheetError(1, missing.Header, "required column is missing"));
        }
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var rows = new List<SheetRow>(raw.Count - 1);
        for (var i = 1; i < raw.Count; i++)
        {
            var cells = new Dictionary<string, string>();
            foreach (var (letter, key) in keyOfLetter)
            {
                cells[key] = raw[i].TryGetValue(letter, out var value) ? Text(value) : "";
            }
            if (cells.Values.All(v => v.Length == 0))
            {
                continue;
            }
            rows.Add(new SheetRow(i + 1, cells));
        }
        if (rows.Count == 0)
        {
            errors.Add(new SheetError(2, "", "the sheet has headers but no rows"));
        }
        return (rows, errors);
    }

    /// <summary>An .xlsx is a zip (PK\x03\x04); anything else is taken for comma-separated text, whatever the file is called.</summary>
    private static bool IsZip(Stream file)
    {
        Span<byte> head = stackalloc byte[4];
        var start = file.Position;
        var read = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        file.Position = start;
        return read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /// <summary>
    /// CSV as UTF-8 without a BOM: Excel saves UTF-8 with a BOM, or GB18030 (“CSV” on a Chinese Windows),
    /// so text that is not valid UTF-8 is read as GB18030.
    /// </summary>
    private static MemoryStream AsUtf8(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Gb18030.Value.GetString(bytes);
        }
        return new MemoryStream(new UTF8Encoding(false).GetBytes(text), writable: false);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>Cells come back as strings, doubles, booleans or dates; the checks read text.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}
