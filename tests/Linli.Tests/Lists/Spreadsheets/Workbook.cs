using System.Net.Http.Headers;
using MiniExcelLibs;

namespace Linli.Tests.Lists.Spreadsheets;

/// <summary>Builds and reads .xlsx files the way a community worker's spreadsheet program would.</summary>
internal static class Workbook
{
    public static byte[] Of(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => r.ToDictionary(p => p.Key, p => p.Value)).ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Rows by column letter, the header included (row 1 of the sheet).</summary>
    public static List<IDictionary<string, object?>> Read(byte[] xlsx, string? sheet = null)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }

    public static List<string> SheetNames(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.GetSheetNames();
    }

    public static MultipartFormDataContent Form(byte[] xlsx, string name = "needs.xlsx")
    {
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>A need as a row headed the way the template heads it.</summary>
    public static Dictionary<string, object?> Need(string region = "330105001001001", string category = "助餐送餐", string? windows = "周一至周五 11:00-12:00",
        string? careTags = null, string? consent = null, object? quantity = null, string channel = "visit", string? name = "王秀英") => new()
    {
        ["来源渠道 channel"] = channel,
        ["区域编码 regionCode"] = region,
        ["求助人 requesterName"] = name,
        ["联系电话 requesterPhone"] = "13900001234",
        ["需求类别 category"] = category,
        ["需求描述 description"] = "独居老人，午餐需要送餐上门",
        ["每周数量 quantity"] = quantity ?? 5,
        ["紧急程度 urgency"] = "较急",
        ["时间段 timeWindows"] = windows,
        ["关怀标签 careTags"] = careTags,
        ["已征得同意 careTagsConsent"] = consent,
    };

    public static Dictionary<string, object?> Offer(string region = "330105001001", object? radius = null, object? lon = null, object? lat = null,
        string? serviceRegions = null, string category = "elderly-meals") => new()
    {
        ["提供方类型 providerKind"] = "爱心商家",
        ["提供方 providerName"] = "邻里食堂",
        ["资源类别 category"] = category,
        ["资源名称 title"] = "老年助餐 午餐",
        ["每周容量 capacityPerWeek"] = 30,
        ["服务时段 availability"] = "Mon-Fri 11:00-12:30",
        ["经度 lon"] = lon,
        ["纬度 lat"] = lat,
        ["服务半径米 radiusMeters"] = radius,
        ["服务区域编码 serviceRegions"] = serviceRegions,
        ["服务条件 conditions"] = "discount",
        ["条件说明 conditionNote"] = "60岁以上8折",
        ["联系电话 contactPhone"] = "0571-88886666",
        ["所属区域编码 regionCode"] = region,
    };
}
