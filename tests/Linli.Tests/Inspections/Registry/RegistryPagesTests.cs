using System.Net;
using System.Text.RegularExpressions;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Couriers.Pages;

namespace Linli.Tests.Inspections.Registry;

[Trait("Category", "Database")]
public sealed partial class RegistryPagesTests
{
    [Fact]
    public async Task The_desk_registers_a_user_on_the_page_finds_it_in_the_list_and_reveals_its_contact()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var refused = await CourierPageKit.PostAsync(desk, "/inspections/customers/new", "customer",
            ("number", "GS1"), ("name", "知味小笼"), ("creditCode", "91350100M000100Y44"), ("type", "catering"), ("riskClass", "high"),
            ("supply", "pipeline"), ("address", "湖墅南路1号"), ("lon", "120.11"), ("lat", "30.32"), ("contactName", "王建国"), ("contactPhone", "13900001234"));
        Assert.Contains("creditCode", CourierPageKit.Alert(refused));

        var saved = await CourierPageKit.PostAsync(desk, "/inspections/customers/new", "customer",
            ("number", "GS1"), ("name", "知味小笼"), ("creditCode", "91350100M000100Y43"), ("type", "catering"), ("riskClass", "high"),
            ("supply", "lpg"), ("address", "地下一层，湖墅南路1号"), ("lon", "120.11"), ("lat", "30.32"), ("contactName", "王建国"),
            ("contactPhone", "13900001234"), ("appliances", "中餐炒灶,蒸箱"), ("hoseType", "橡胶软管"));
        Assert.Equal("", CourierPageKit.Alert(saved));
        // The page redirects to the user's detail (the test client drops its token on redirects, so read the list).
        var list = await CourierPageKit.PageAsync(desk, "/inspections/customers?type=catering");
        Assert.Contains("知味小笼", list);
        Assert.Contains("139****1234", list);
        Assert.DoesNotContain("13900001234", list);
        var id = DetailLink().Match(list).Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Contains("/api/v1/inspections/customers/export?type=catering", list);
        var revealed = await CourierPageKit.PostAsync(desk, $"/inspections/customers/{id}", "reveal");
        Assert.Contains("13900001234", revealed);
        Assert.Contains("中餐炒灶", revealed);
    }

    [Fact]
    public async Task The_import_page_lists_every_bad_row_and_imports_a_good_file()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var rows = Enumerable.Range(1, 5).Select(n => RegistryKit.Row(n)).ToList();
        rows[2][11] = "12345";
        var bad = await UploadAsync(desk, RegistryKit.Xlsx(rows));
        Assert.Contains("<td>4</td><td>联系电话 contactPhone</td>", bad);
        rows[2][11] = "13900001234";
        var good = await UploadAsync(desk, RegistryKit.Xlsx(rows));
        Assert.Contains("id=\"import-summary\"", good);
        await CourierPageKit.AssertRefusedAsync(await app.ClientForAsync(Roles.Inspector, null, "GAS"), "/inspections/customers/import");
    }

    [Fact]
    public async Task Inspectors_read_the_rules_and_the_desk_changes_them_on_the_page()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        await RegistryKit.CreateAsync(desk, RegistryKit.Customer(1));
        var inspector = await app.ClientForAsync(Roles.Inspector, null, "GAS");
        var page = await CourierPageKit.PageAsync(inspector, "/inspections/rules");
        Assert.DoesNotContain("save-rules", page);
        var saved = await CourierPageKit.PostAsync(desk, "/inspections/rules", "rules", ("count", "2"), ("months-0", "6"), ("type-1", "catering"), ("months-1", "2"));
        Assert.Contains("规则已保存", CourierPageKit.Status(saved));
        Assert.Equal(2, (await app.GetJsonAsync("/api/v1/inspections/frequency-rules")).GetProperty("rules").GetArrayLength());
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetStringAsync("/inspections/customers/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "users.xlsx" },
        };
        var response = await client.PostAsync("/inspections/customers/import", form);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, body[..Math.Min(400, body.Length)]);
        return body;
    }

    [GeneratedRegex("href=\"/inspections/customers/([0-9a-f-]{36})\"")]
    private static partial Regex DetailLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
