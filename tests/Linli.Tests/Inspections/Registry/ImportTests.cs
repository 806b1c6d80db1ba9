using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace Linli.Tests.Inspections.Registry;

[Trait("Category", "Database")]
public sealed class ImportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ten_thousand_rows_with_a_few_bad_ones_are_refused_whole_and_every_bad_row_is_listed_with_its_column()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var rows = Enumerable.Range(1, 10_000).Select(n => RegistryKit.Row(n)).ToList();
        rows[499][2] = "91350100M000100Y44";     // sheet row 501: wrong check character
        rows[4_999][7] = "121.90";               // sheet row 5001: outside the city
        rows[8_999][0] = rows[10][0];            // sheet row 9001: the number of sheet row 12 again
        rows[9_998][3] = "太空站";                // sheet row 10000: unknown type
        var response = await RegistryKit.ImportAsync(desk, RegistryKit.Xlsx(rows));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Reason: e.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal([501, 5001, 9001, 10000], errors.Select(e => e.Row).Order().ToList());
        Assert.Contains(errors, e => e.Row == 501 && e.Column == "统一社会信用代码 creditCode");
        Assert.Contains(errors, e => e.Row == 5001 && e.Column == "经度 lon" && e.Reason!.Contains("outside"));
        Assert.Contains(errors, e => e.Row == 9001 && e.Column == "户号 number" && e.Reason!.Contains("row 12"));
        Assert.Contains(errors, e => e.Row == 10000 && e.Column == "用户类型 type");
        Assert.Equal(0, await RegistryKit.DbAsync(app, db => db.UtilityCustomers.CountAsync()));
    }

    [Fact]
    public async Task Ten_thousand_good_rows_are_imported_in_well_under_thirty_seconds()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var file = RegistryKit.Xlsx(Enumerable.Range(1, 10_000).Select(n => RegistryKit.Row(n)));
        var watch = Stopwatch.StartNew();
        var response = await RegistryKit.ImportAsync(desk, file);
        watch.Stop();
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10_000, summary.GetProperty("added").GetInt32());
        Assert.Equal(0, summary.GetProperty("updated").GetInt32());
        // The 30-second target is a benchmark's (bench/README.md quotes this line), not this test's: a shared machine's load would make it flaky.
        output.WriteLine($"10,000-row import on {Linli.Tests.Infrastructure.TestDatabase.ProviderName}: {watch.Elapsed.TotalSeconds:0.0} s over HTTP, {summary.GetProperty("elapsedMs").GetInt64() / 1000.0:0.0} s in the importer");
        Assert.Equal(10_000, await RegistryKit.DbAsync(app, db => db.UtilityCustomers.CountAsync(c => c.Utility == "GAS" && c.NextDueOn != null)));
        var one = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync(c => c.Number == "GS00000002"));
        Assert.Equal(RegistryKit.Grid, one.RegionCode);
        Assert.Contains("中餐炒灶", one.EquipmentJson);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public async Task A_csv_file_imports_in_UTF_8_or_GB18030(string encoding)
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var csv = RegistryKit.Csv(Enumerable.Range(1, 20).Select(n => RegistryKit.Row(n, type: n % 2 == 0 ? "宾馆酒店" : "catering")));
        byte[] bytes;
        if (encoding == "gb18030")
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            bytes = Encoding.GetEncoding("GB18030").GetBytes(csv);
        }
        else
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
        }
        var response = await RegistryKit.ImportAsync(desk, bytes, "users.csv");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var hotel = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync(c => c.Number == "GS00000002"));
        Assert.Equal("hotel", hotel.Type);
        Assert.Equal("测试餐馆2", hotel.Name);
    }

    [Fact]
    public async Task An_export_imports_back_as_updates_keeping_the_contacts_on_record()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        Assert.True((await RegistryKit.ImportAsync(desk, RegistryKit.Xlsx(Enumerable.Range(1, 30).Select(n => RegistryKit.Row(n))))).IsSuccessStatusCode);
        var xlsx = await desk.GetByteArrayAsync("/api/v1/inspections/customers/export");
        var csv = await desk.GetByteArrayAsync("/api/v1/inspections/customers/export?format=csv&type=catering");
        Assert.Contains("GS00000030", Encoding.UTF8.GetString(csv));
        Assert.DoesNotContain("13900001234", Encoding.UTF8.GetString(csv));

        var response = await RegistryKit.ImportAsync(desk, xlsx);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, summary.GetProperty("added").GetInt32());
        Assert.Equal(30, summary.GetProperty("updated").GetInt32());
        var again = await RegistryKit.ImportAsync(desk, csv, "export.csv");
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());

        var id = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.Where(c => c.Number == "GS00000005").Select(c => c.Id).SingleAsync());
        var contact = await (await desk.PostAsync($"/api/v1/inspections/customers/{id}/contact", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("13900001234", contact.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task The_template_has_the_chinese_and_key_headers_and_an_example_row()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var bytes = await desk.GetByteArrayAsync("/api/v1/inspections/customers/template");
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var example = Assert.Single(rows);
        Assert.Equal(RegistryKit.Headers, example.Keys.ToArray());
        Assert.Equal("catering", example["用户类型 type"]?.ToString());
    }
}
