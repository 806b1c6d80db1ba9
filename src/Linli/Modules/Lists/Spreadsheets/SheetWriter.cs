using System.Data;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Demands;
using Linli.Modules.Lists.RecordResource;
using Linli.Modules.People.Contracts;
using MiniExcelLibs;

namespace Linli.Modules.Lists.Spreadsheets;

/// <summary>Templates and exports: the list's sheet first, then the instructions and the words each column may take.</summary>
internal static class SheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Template(SheetLayout layout) => Workbook(layout, Empty(layout));

    public static byte[] Export(SheetLayout layout, IReadOnlyList<Dictionary<string, object?>> rows) =>
        Workbook(layout, rows.Count == 0 ? Empty(layout) : rows);

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
            ["取值 Values"] = Values(layout),
        };
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

    private static List<Dictionary<string, object?>> Values(SheetLayout layout)
    {
        var values = new List<(string Column, string Code, string Chinese, string English)>();
        values.AddRange(NeedCategories.All.Select(c => ("category", c.Code, c.Chinese, c.English)));
        if (layout.Kind == "demands")
        {
            values.AddRange(DemandRules.Channels.Select(c => ("channel", c.Code, c.Chinese, c.English)));
            values.AddRange(DemandRules.Urgencies.Select(c => ("urgency", c.Code, c.Chinese, c.English)));
            values.AddRange(CareTags.All.Select(c => ("careTags", c.Code, c.Chinese, c.English)));
        }
        else
        {
            values.AddRange(ResourceRules.ProviderKinds.Select(c => ("providerKind", c.Code, c.Chinese, c.English)));
            values.AddRange(ResourceRules.Conditions.Select(c => ("conditions", c.Code, c.Chinese, c.English)));
        }
        return values.Select(v => new Dictionary<string, object?>
        {
            ["列 column"] = layout.Column(v.Column).Header,
            ["编码 code"] = v.Code,
            ["中文"] = v.Chinese,
            ["English"] = v.English,
        }).ToList();
    }
}
