using System.Net;
using System.Net.Http.Json;
using System.Text;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Linli.Tests.Inspections.Registry;

/// <summary>Test-data builders for the inspections registry: users, sheets, clients of a utility's desk.</summary>
internal static class RegistryKit
{
    /// <summary>The sweep is driven by hand in tests.</summary>
    public static readonly Dictionary<string, string> Settings = new() { ["Linli:Inspections:DueSweepSeconds"] = "0" };

    public const string Grid = "330105001001001";

    public static readonly string[] Headers =
    [
        "户号 number", "用户名称 name", "统一社会信用代码 creditCode", "用户类型 type", "供气方式 supply", "风险等级 riskClass", "地址 address",
        "经度 lon", "纬度 lat", "网格编码 regionCode", "联系人 contactName", "联系电话 contactPhone", "表号 meterNumber", "燃具数量 applianceCount",
        "燃具类型 applianceTypes", "软管类型 hoseType", "软管安装日期 hoseInstalledOn", "上次安检日期 lastInspectedOn",
    ];

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null)
    {
        var app = await TestApp.StartAsync(settings: Settings, clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        return app;
    }

    public static Task<HttpClient> DeskAsync(TestApp app, string utility = "GAS", string? username = null) =>
        app.ClientForAsync(Roles.DepartmentHandler, null, utility, username);

    /// <summary>A valid unified social credit code per number.</summary>
    public static string CreditCode(int n)
    {
        var first17 = $"91330105MA{n:D7}";
        return first17 + PersonalDataFormats.CreditCodeCheck(first17);
    }

    public static Dictionary<string, object?> Customer(int n, string type = "catering", string? lastInspectedOn = null, double lon = 120.11, double lat = 30.32) => new()
    {
        ["number"] = $"GS{n:D8}",
        ["name"] = $"测试餐馆{n}",
        ["creditCode"] = CreditCode(n),
        ["type"] = type,
        ["supply"] = "pipeline",
        ["riskClass"] = "high",
        ["address"] = $"湖墅南路{n}号",
        ["lon"] = lon,
        ["lat"] = lat,
        ["contactName"] = "王建国",
        ["contactPhone"] = "13900001234",
        ["equipment"] = new { meters = new[] { new { number = $"M{n}" } }, appliances = new[] { new { type = "中餐炒灶", hoseType = "不锈钢波纹管" } } },
        ["lastInspectedOn"] = lastInspectedOn,
    };

    public static async Task<string> CreateAsync(HttpClient client, Dictionary<string, object?> customer)
    {
        var response = await client.PostAsJsonAsync("/api/v1/inspections/customers", customer);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A sheet row in the template's columns; lon alternates between the two grids of the sample community.</summary>
    public static object?[] Row(int n, string type = "餐饮") =>
    [
        $"GS{n:D8}", $"测试餐馆{n}", CreditCode(n), type, "管道燃气", "高", $"湖墅南路{n}号", n % 2 == 0 ? "120.11" : "120.13", "30.32", "",
        "王建国", "13900001234", $"M{n}", "2", "中餐炒灶", "不锈钢波纹管", "2024-05-01", "",
    ];

    public static byte[] Xlsx(IEnumerable<object?[]> rows)
    {
        var data = rows.Select(r => Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string Csv(IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder(string.Join(",", Headers)).Append('\n');
        foreach (var r in rows)
        {
            text.Append(string.Join(",", r.Select(c => c?.ToString() ?? ""))).Append('\n');
        }
        return text.ToString();
    }

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, string name = "users.xlsx")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file), "file", name);
        return await client.PostAsync("/api/v1/inspections/customers/import", form);
    }

    public static async Task<T> DbAsync<T>(TestApp app, Func<LinliDb, Task<T>> query)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        return await query(db);
    }
}
