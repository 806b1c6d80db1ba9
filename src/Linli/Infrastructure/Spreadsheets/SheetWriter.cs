using System.Data;
using MiniExcelLibs;

namespace Linli.Infrastructure.Spreadsheets;

/// <summary>Templates and exports: the list's sheet first, then the instructions and the words each column may take.</summary>
internal static class SheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The headers, and the columns' examples as a first row when <paramref name="withExample"/> (a user replaces it).</summary>
    public static byte[] Template(SheetLayout layout, bool withExample = false) =>
        Workbook(layout, withExample ? new List<Dictionary<string, object?>> { layout.Columns.ToDictionary(c => c.Header, c => (object?)c.Example) } : Empty(layout));

    public static byte[] Export(SheetLayout layout, IReadOnlyList<Dictionary<string, object?>> rows) =>
        Workbook(layout, rows.Count == 0 ? Empty(layout) : rows);

    /// <summary>The list's sheet alone as CSV, UTF-8 with a BOM so that Excel on a Chinese Windows opens it right.</summary>
    public static byte[] Csv(SheetLayout layout, IReadOnlyList<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.Write([0xEF, 0xBB, 0xBF]);
        stream.SaveAs(rows.Count == 0 ? Empty(layout) : rows, excelType: ExcelType.CSV);
        return stream.ToArray();
    }

    private static byte[] Workbook(SheetLayout layout, object listSheet)
    {
        var sheets = new Dictionary<string, object>
        {
            [layout.SheetName] = listSheet,
            ["说明 Instructions"] = layout.Columns.Select(c => new Dictionary<string, object?>
            {
                ["列 column"] = c.Header,
                ["必填 required"] = c.Required ? "是 yes" : "否 no",
                ["示例 example"] = c.Example,
                ["说明"] = c.HelpChinese,
                ["help"] = c.HelpEnglish,
            }).ToList(),
        };
        if (layout.Values is { Count: > 0 } values)
        {
            sheets["取值 Values"] = values.Select(v => new Dictionary<string, object?>
            {
                ["列 column"] = layout.Column(v.Column).Header,
                ["编码 code"] = v.Code,
                ["中文"] = v.Chinese,
                ["English"] = v.English,
            }).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A table with the headers and no rows: MiniExcel writes the header of an empty table, not of an empty list.</summary>
    private static DataTable Empty(SheetLayout layout)
    {
        var table = new DataTable(layout.SheetName);
        foreach (var column in layout.Columns)
        {
            table.Columns.Add(column.Header, typeof(string));
        }
        return table;
    }
}
