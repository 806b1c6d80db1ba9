using MiniExcelLibs;

namespace Linli.Modules.Traffic.Board.Indicators;

/// <summary>The indicator table as one sheet: a line per route and month, then the total.</summary>
internal static class TrafficIndicatorSheet
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx(TrafficIndicatorReport report)
    {
        var rows = report.Rows.Append(report.Total).Select(r => Line(report, r)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "快处快撤 clearance", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Line(TrafficIndicatorReport report, TrafficIndicatorRow r) => new()
    {
        ["期间 range"] = $"{report.From}~{report.To}",
        ["路线 route"] = r.Route,
        ["名称 name"] = r.RouteName,
        ["月份 month"] = r.Month,
        ["事件数 incidents"] = r.Incidents,
        ["已畅通 cleared"] = r.Clearance.Count,
        ["畅通中位分钟 clearance median min"] = r.Clearance.MedianMinutes,
        ["畅通P90分钟 clearance p90 min"] = r.Clearance.P90Minutes,
        ["20分钟畅通率 cleared within target"] = r.ClearedWithinTarget.Rate,
        ["已到场 on scene"] = r.FirstCrew.Count,
        ["到场中位分钟 first crew median min"] = r.FirstCrew.MedianMinutes,
        ["到场P90分钟 first crew p90 min"] = r.FirstCrew.P90Minutes,
        ["10分钟到场率 on scene within 10 (operator)"] = r.OnSceneWithinOperator.Rate,
        ["15分钟到场率 on scene within 15 (1315)"] = r.OnSceneWithin1315.Rate,
        ["1分钟派警率 dispatched within 1"] = r.DispatchedWithinTarget.Rate,
        ["3分钟回访率 called back within 3"] = r.CalledBackWithinTarget.Rate,
    };
}
