using System.Globalization;
using Linli.Infrastructure.Spreadsheets;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry.Customers;

namespace Linli.Modules.Inspections.Registry.Sheets;

/// <summary>
/// The registry as a spreadsheet: one row per user, keyed by the account number (户号). Equipment is
/// kept practical — meter numbers, how many appliances of which types, one hose type and date — and
/// maps onto <see cref="CustomerEquipment"/>. Keys are the API's field names.
/// </summary>
internal static class CustomerSheet
{
    public static SheetLayout Layout { get; } = new("customers", "燃气用户", [
        new("number", "户号", true, "GS330105000123", "用户在本单位的户号，唯一；已登记的户号将被更新", "the utility's account number; an existing number is updated"),
        new("name", "用户名称", true, "杭州知味小笼餐饮店", "", ""),
        new("creditCode", "统一社会信用代码", true, "91330105MA2H0Q1X24", "18位，校验位按 GB 32100", "18 characters with the GB 32100 check character"),
        new("type", "用户类型", true, "catering", "编码或中文名，见“取值”", "code or Chinese name, see the Values sheet"),
        new("supply", "供气方式", false, "pipeline", "pipeline 管道燃气 / lpg 液化石油气，默认 pipeline", "default pipeline"),
        new("riskClass", "风险等级", false, "medium", "high 高 / medium 中 / low 低，默认 medium", "default medium"),
        new("address", "地址", true, "拱墅区湖墅南路 88 号", "", ""),
        new("lon", "经度", false, "120.1551", "WGS 84；须在本市网格内", "WGS 84, inside the city's grids"),
        new("lat", "纬度", false, "30.2741", "", ""),
        new("regionCode", "网格编码", false, "", "无经纬度时填写网格编码", "a grid code when there are no coordinates"),
        new("contactName", "联系人", true, "王建国", "加密保存；导出为脱敏值，原样导回则保留原联系人", "stored encrypted; a masked value keeps the one on record"),
        new("contactPhone", "联系电话", true, "13900001234", "手机或座机", "mobile or landline"),
        new("meterNumber", "表号", false, "M2023-00981", "多个用逗号隔开", "comma-separated"),
        new("applianceCount", "燃具数量", false, "3", "整数；默认为燃具类型的个数", "whole number; default the number of types"),
        new("applianceTypes", "燃具类型", false, "中餐炒灶,蒸箱", "多个用逗号隔开；只填一种则每台相同", "comma-separated; one type means all alike"),
        new("hoseType", "软管类型", false, "不锈钢波纹管", "", ""),
        new("hoseInstalledOn", "软管安装日期", false, "2022-05-01", "yyyy-mm-dd", ""),
        new("lastInspectedOn", "上次安检日期", false, "2026-10-15", "yyyy-mm-dd；空表示从未安检", "empty: never inspected"),
    ], [], [
        .. CustomerTypes.All.Select(t => new SheetValue("type", t, CustomerTypes.Chinese(t), t)),
        new SheetValue("supply", SupplyKinds.Pipeline, "管道燃气", "pipeline"),
        new SheetValue("supply", SupplyKinds.Lpg, "液化石油气", "LPG"),
        .. RiskClasses.All.Select(r => new SheetValue("riskClass", r, CustomerViews.RiskName(r), r)),
    ], ["状态 status", "下次安检 nextDueOn"]);

    private static readonly (string Code, string Chinese, string English)[] Types =
        [.. CustomerTypes.All.Select(t => (t, CustomerTypes.Chinese(t), t))];

    private static readonly (string Code, string Chinese, string English)[] Supplies =
        [(SupplyKinds.Pipeline, "管道燃气", "pipeline"), (SupplyKinds.Pipeline, "管道气", "pipeline"), (SupplyKinds.Lpg, "液化石油气", "LPG"), (SupplyKinds.Lpg, "液化气", "LPG")];

    private static readonly (string Code, string Chinese, string English)[] Risks =
        [.. RiskClasses.All.Select(r => (r, CustomerViews.RiskName(r), r))];

    /// <summary>A row as the API's input, with the cells that do not even parse.</summary>
    public static (CustomerInput Input, List<(string Key, string Reason)> Errors) Parse(SheetRow row)
    {
        var errors = new List<(string, string)>();
        var lon = Number(row, "lon", errors);
        var lat = Number(row, "lat", errors);
        var hoseOn = Date(row, "hoseInstalledOn", errors);
        var lastOn = Date(row, "lastInspectedOn", errors);
        var types = SheetValues.Split(row["applianceTypes"], [',', '，', '、', ';', '；']);
        if (!SheetValues.TryWhole(row["applianceCount"], types.Count, out var count) || count < 0 || count > CustomerRules.MaxAppliances)
        {
            errors.Add(("applianceCount", $"'{row["applianceCount"]}' is not a whole number from 0 to {CustomerRules.MaxAppliances}"));
        }
        else if (count > 0 && types.Count == 0)
        {
            errors.Add(("applianceTypes", "name the appliances' type"));
        }
        else if (types.Count > 1 && count != types.Count)
        {
            errors.Add(("applianceCount", $"{count} appliances but {types.Count} types listed; list one type per appliance, or a single type for all"));
        }
        var hoseType = row["hoseType"];
        var appliances = Enumerable.Range(0, count).Select(i => new Appliance(types.Count == 1 ? types[0] : types[i], null, hoseType, hoseOn)).ToList();
        var meters = SheetValues.Split(row["meterNumber"], [',', '，', '、', ';', '；']).Select(m => new Meter(m, null, null)).ToList();
        var input = new CustomerInput(row["number"], row["name"], row["creditCode"],
            SheetValues.Code(row["type"], Types), row["supply"] is null ? null : SheetValues.Code(row["supply"], Supplies),
            row["riskClass"] is null ? null : SheetValues.Code(row["riskClass"], Risks),
            row["address"], lon, lat, row["regionCode"], row["contactName"], row["contactPhone"],
            new CustomerEquipment(meters, appliances), lastOn);
        return (input, errors);
    }

    /// <summary>The sheet column an API field's error belongs to.</summary>
    public static string ColumnOf(string field) => field switch
    {
        "equipment.meters" => "meterNumber",
        "equipment.appliances" => "applianceTypes",
        "equipment" => "hoseInstalledOn",
        _ => Layout.Columns.Any(c => c.Key == field) ? field : "number",
    };

    /// <summary>A user as an export row: the import's columns (contact masked) and two for reading only.</summary>
    public static Dictionary<string, object?> Row(UtilityCustomer c)
    {
        var e = CustomerRules.ReadEquipment(c.EquipmentJson);
        var appliances = e.Appliances ?? [];
        var types = appliances.Select(a => a.Type).ToList();
        return new Dictionary<string, object?>
        {
            [H("number")] = c.Number,
            [H("name")] = c.Name,
            [H("creditCode")] = c.CreditCode,
            [H("type")] = c.Type,
            [H("supply")] = c.Supply,
            [H("riskClass")] = c.RiskClass,
            [H("address")] = c.Address,
            [H("lon")] = c.Lon.ToString("0.######", CultureInfo.InvariantCulture),
            [H("lat")] = c.Lat.ToString("0.######", CultureInfo.InvariantCulture),
            [H("regionCode")] = c.RegionCode,
            [H("contactName")] = c.ContactNameMasked,
            [H("contactPhone")] = c.ContactPhoneMasked,
            [H("meterNumber")] = string.Join(",", (e.Meters ?? []).Select(m => m.Number)),
            [H("applianceCount")] = appliances.Count.ToString(CultureInfo.InvariantCulture),
            [H("applianceTypes")] = types.Distinct().Count() == 1 ? types[0] : string.Join(",", types),
            [H("hoseType")] = appliances.Select(a => a.HoseType).FirstOrDefault(h => h is { Length: > 0 }) ?? "",
            [H("hoseInstalledOn")] = appliances.Select(a => a.HoseInstalledOn).Where(d => d is not null).Min()?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            [H("lastInspectedOn")] = c.LastInspectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ["状态 status"] = c.Active ? "active" : "inactive",
            ["下次安检 nextDueOn"] = c.NextDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        };
    }

    private static string H(string key) => Layout.Column(key).Header;

    private static double? Number(SheetRow row, string key, List<(string, string)> errors)
    {
        if (!SheetValues.TryNumber(row[key], out var value))
        {
            errors.Add((key, $"'{row[key]}' is not a number"));
        }
        return value;
    }

    private static DateOnly? Date(SheetRow row, string key, List<(string, string)> errors)
    {
        var text = row[key];
        if (text is null)
        {
            return null;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            || DateTime.TryParseExact(text, ["yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            return DateOnly.FromDateTime(at);
        }
        errors.Add((key, $"'{text}' is not a date (yyyy-mm-dd)"));
        return null;
    }
}
