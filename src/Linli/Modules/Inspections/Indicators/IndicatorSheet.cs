using System.Globalization;
using MiniExcelLibs;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>The indicator table as one sheet: the total, then districts, inspectors and crews, one line each.</summary>
internal static class IndicatorSheet
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx(IndicatorReport report) => Save(report, ExcelType.XLSX);

    /// <summary>UTF-8 with a byte-order mark, so Excel on a Chinese desktop opens the names right.</summary>
    public static byte[] Csv(IndicatorReport report) => [.. System.Text.Encoding.UTF8.GetPreamble(), .. Save(report, ExcelType.CSV)];

    private static byte[] Save(IndicatorReport report, ExcelType type)
    {
        var rows = new List<Dictionary<string, object?>> { Line(report, "合计 total", report.Total) };
        rows.AddRange(report.Districts.Select(r => Line(report, "区县 district", r)));
        rows.AddRange(report.Inspectors.Select(r => Line(report, "安检员 inspector", r)));
        rows.AddRange(report.Crews.Select(r => Line(report, "抢修班组 crew", r)));
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "安检指标 indicators", excelType: type);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Line(IndicatorReport report, string level, IndicatorRow r) => new()
    {
        ["期间 period"] = $"{Day(report.From)}~{Day(report.To)}",
        ["层级 level"] = level,
        ["编码 key"] = r.Key,
        ["名称 name"] = r.Name,
        ["应检 due"] = r.Plan?.Due,
        ["已检 done"] = r.Plan?.Done,
        ["按期完成 done on time"] = r.Plan?.DoneOnTime,
        ["完成率 completion"] = r.Plan?.CompletionRate,
        ["按期率 on time"] = r.Plan?.OnTimeRate,
        ["一般隐患 general"] = r.Hazards?.General,
        ["重大隐患 major"] = r.Hazards?.Major,
        ["到期隐患 deadlines"] = r.Rectification?.Deadlines,
        ["按期整改 rectified on time"] = r.Rectification?.OnTime,
        ["逾期整改 rectified late"] = r.Rectification?.Late,
        ["逾期未改 open past deadline"] = r.Rectification?.OpenPastDeadline,
        ["按期整改率 on-time rate"] = r.Rectification?.OnTimeRate,
        ["抢修单 emergencies"] = r.Repairs?.Reported,
        ["到场中位分钟 on site median min"] = r.Repairs?.OnSiteMedianMinutes,
        ["到场P90分钟 on site p90 min"] = r.Repairs?.OnSiteP90Minutes,
        ["排险中位分钟 made safe median min"] = r.Repairs?.MadeSafeMedianMinutes,
        ["排险P90分钟 made safe p90 min"] = r.Repairs?.MadeSafeP90Minutes,
        ["到场达标率 within target"] = r.Repairs?.WithinTargetShare,
        ["逾期未检用户 users overdue"] = r.OverdueUsers,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
