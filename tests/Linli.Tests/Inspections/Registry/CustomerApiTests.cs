using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Inspections.Registry;

[Trait("Category", "Database")]
public sealed class CustomerApiTests
{
    [Fact]
    public async Task Registering_a_user_checks_every_field_and_names_each_bad_one()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var bad = RegistryKit.Customer(1);
        bad["creditCode"] = "91350100M000100Y44";
        bad["type"] = "spaceport";
        bad["lon"] = 121.5;
        bad["contactPhone"] = "12345";
        bad["riskClass"] = "extreme";
        var response = await desk.PostAsJsonAsync("/api/v1/inspections/customers", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "creditCode", "type", "lon", "contactPhone", "riskClass" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        }
        Assert.Contains("outside", errors.GetProperty("lon")[0].GetString());

        await RegistryKit.CreateAsync(desk, RegistryKit.Customer(1));
        var again = await desk.PostAsJsonAsync("/api/v1/inspections/customers", RegistryKit.Customer(1));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));
    }

    [Fact]
    public async Task A_user_shows_its_grid_equipment_and_a_masked_contact_and_the_full_contact_is_revealed_only_with_an_audit_entry()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var id = await RegistryKit.CreateAsync(desk, RegistryKit.Customer(7));
        var detail = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/customers/{id}");
        var customer = detail.GetProperty("customer");
        Assert.Equal(RegistryKit.Grid, customer.GetProperty("regionCode").GetString());
        Assert.Equal("王*国", customer.GetProperty("contactName").GetString());
        Assert.Equal("139****1234", customer.GetProperty("contactPhone").GetString());
        Assert.Equal("M7", detail.GetProperty("equipment").GetProperty("meters")[0].GetProperty("number").GetString());
        Assert.Equal(1, detail.GetProperty("intervalMonths").GetInt32());
        Assert.DoesNotContain("13900001234", detail.ToString());
        var stored = await RegistryKit.DbAsync(app, db => db.UtilityCustomers.SingleAsync());
        Assert.DoesNotContain("13900001234", stored.ContactPhoneProtected);

        var inspector = await app.ClientForAsync(Roles.Inspector, null, "GAS", "insp-reveal");
        var reveal = await inspector.PostAsync($"/api/v1/inspections/customers/{id}/contact", null);
        var contact = await reveal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("13900001234", contact.GetProperty("phone").GetString());
        Assert.Equal("王建国", contact.GetProperty("name").GetString());
        var audit = await app.GetJsonAsync("/api/v1/audit?action=inspections.customer.contact&pageSize=50");
        Assert.Contains("insp-reveal", audit.ToString());
        Assert.Contains(id, audit.ToString());
    }

    [Fact]
    public async Task Another_utilitys_staff_do_not_see_the_users_and_a_district_officer_reads_them_in_the_district_without_changing_them()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        var id = await RegistryKit.CreateAsync(desk, RegistryKit.Customer(8));

        var water = await RegistryKit.DeskAsync(app, "SW");
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/v1/inspections/customers/{id}")).StatusCode);
        Assert.Equal(0, (await water.GetFromJsonAsync<JsonElement>("/api/v1/inspections/customers")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await water.PutAsJsonAsync($"/api/v1/inspections/customers/{id}", RegistryKit.Customer(8))).StatusCode);

        var district = await app.ClientForAsync(Roles.DistrictOfficer, "330105");
        Assert.Equal(1, (await district.GetFromJsonAsync<JsonElement>("/api/v1/inspections/customers")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/api/v1/inspections/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PutAsJsonAsync($"/api/v1/inspections/customers/{id}", RegistryKit.Customer(8))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsync($"/api/v1/inspections/customers/{id}/contact", null)).StatusCode);

        var west = new Linli.Tests.Infrastructure.RegionFile()
            .Add("330106", "西湖区", "district", null, Linli.Tests.Infrastructure.RegionFile.Box(120.20, 30.30, 120.30, 30.40));
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(west.ToString())).StatusCode);
        var elsewhere = await app.ClientForAsync(Roles.DistrictOfficer, "330106");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/inspections/customers/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_type_text_region_and_due_date_and_pages_with_the_total()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        for (var n = 1; n <= 5; n++)
        {
            await RegistryKit.CreateAsync(desk, RegistryKit.Customer(n, type: n <= 3 ? "catering" : "factory", lon: n % 2 == 0 ? 120.13 : 120.11));
        }
        async Task<JsonElement> List(string query) => await desk.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/customers?{query}");
        Assert.Equal(3, (await List("type=catering")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await List("region=330105001001002")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await List("q=测试餐馆4")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await List($"q={RegistryKit.CreditCode(5)}")).GetProperty("total").GetInt32());
        var page = await List("pageSize=2&page=3");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await List("overdue=true")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.GetAsync("/api/v1/inspections/customers?type=spaceport")).StatusCode);
    }

    [Fact]
    public async Task Frequency_rules_start_with_the_gas_defaults_and_a_bad_set_is_refused_field_by_field()
    {
        await using var app = await RegistryKit.StartAsync();
        var desk = await RegistryKit.DeskAsync(app);
        await RegistryKit.CreateAsync(desk, RegistryKit.Customer(1));
        var rules = await desk.GetFromJsonAsync<JsonElement>("/api/v1/inspections/frequency-rules");
        Assert.Equal(3, rules.GetProperty("rules").GetArrayLength());
        var bad = await desk.PutAsJsonAsync("/api/v1/inspections/frequency-rules", new
        {
            rules = new object[]
            {
                new { intervalMonths = 0 },
                new { customerType = "spaceport", intervalMonths = 3 },
                new { customerType = (string?)null, intervalMonths = 4 },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("rules[0].intervalMonths", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rules[1].customerType", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rules[2]", out _), errors.ToString());
        var inspector = await app.ClientForAsync(Roles.Inspector, null, "GAS");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PutAsJsonAsync("/api/v1/inspections/frequency-rules", new { rules = new[] { new { intervalMonths = 3 } } })).StatusCode);
    }
}
