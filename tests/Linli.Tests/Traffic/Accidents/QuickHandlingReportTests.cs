using System.Net;
using System.Security.Cryptography;
using System.Text;
using Linli.Infrastructure.Protection;
using Linli.Modules.Traffic.Accidents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Traffic.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Traffic.Accidents;

[Trait("Category", "Database")]
public sealed class QuickHandlingReportTests
{
    [Fact]
    public async Task A_report_where_every_answer_qualifies_awaits_the_other_party_and_opens_a_quick_handling_incident_2201()
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app);

        Assert.Equal("awaiting-other", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("qualifies").GetBoolean());
        Assert.Matches(@"^KC-\d{8}-0001$", created.GetProperty("number").GetString());
        Assert.Matches("^[0-9]{6}$", created.GetProperty("confirmCode").GetString());
        Assert.StartsWith("G60 沪昆高速 上行 K103+", created.GetProperty("location").GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Contains("/accident/confirm?n=", created.GetProperty("confirmUrl").GetString(), StringComparison.Ordinal);

        await using var db = await AccidentKit.DbAsync(app);
        var id = created.GetProperty("id").GetGuid();
        var incident = await db.Incidents.SingleAsync();
        Assert.Equal("2201", incident.CategoryCode);
        Assert.Equal(IncidentSources.Driver, incident.Source);
        Assert.True(incident.QuickHandling);
        Assert.False(incident.Emergency);
        Assert.Equal(1, incident.LanesBlocked);
        Assert.Equal(id, incident.AccidentReportId);
        Assert.Equal(incident.Number, created.GetProperty("incidentNumber").GetString());
        var report = await db.AccidentReports.SingleAsync();
        Assert.Equal(incident.Id, report.IncidentId);
        // Personal data is stored encrypted and masked, never in clear; codes only as hashes.
        var a = await db.AccidentParties.SingleAsync();
        Assert.DoesNotContain(AccidentKit.PhoneA, a.PhoneCipher, StringComparison.Ordinal);
        Assert.Equal("138****1111", a.PhoneMasked);
        Assert.Equal("王*明", a.NameMasked);
        Assert.NotEqual(created.GetProperty("confirmCode").GetString(), report.CodeHash);
        Assert.Equal(3, await db.AccidentPhotos.CountAsync(p => p.ReportId == id));
        Assert.Contains(app.Factory.Sms.Messages, m => m.Phone == AccidentKit.PhoneA && m.Text.Contains("/accident/" + id + "/record?token=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_stored_code_hash_is_keyed_with_the_servers_secret_not_a_plain_sha256_a_database_dump_could_reverse()
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app);
        var id = created.GetProperty("id").GetGuid();
        var code = created.GetProperty("confirmCode").GetString()!;

        await using var db = await AccidentKit.DbAsync(app);
        var stored = (await db.AccidentReports.SingleAsync()).CodeHash!;
        // What the old scheme stored, and what anyone can compute for all 10^6 codes without the key.
        string Plain(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.NotEqual(Plain($"{id:N}:{code}"), stored);
        Assert.NotEqual(Plain(code), stored);
        var protector = app.Factory.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal(AccidentRules.CodeHash(protector, id, code), stored);
        // A protector with another key (another installation, or a thief without the key folder) gets another hash.
        var otherKeys = Directory.CreateTempSubdirectory("linli-keys-");
        try
        {
            var stranger = new PersonalDataProtector(new EphemeralDataProtectionProvider(), new PersonalDataKeys(otherKeys.FullName));
            Assert.NotEqual(stored, AccidentRules.CodeHash(stranger, id, code));
        }
        finally
        {
            otherKeys.Delete(recursive: true);
        }
        // The keyed hash of the code is not the personal-data index of the same text either (separate purposes).
        Assert.NotEqual(protector.Index(PersonalDataKind.Phone, $"{id:N}:{code}"), stored);
    }

    [Theory]
    [InlineData("noInjuries")]
    [InlineData("vehiclesMovable")]
    [InlineData("propertyOnly")]
    [InlineData("noRoadPropertyDamage")]
    public async Task Any_no_answer_routes_the_report_to_the_police_as_an_emergency_incident_2204_without_requiring_photos(string field)
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app, AccidentKit.Form(new() { [field] = "false" }, photos: []));

        Assert.Equal("routed-to-police", created.GetProperty("status").GetString());
        Assert.False(created.GetProperty("qualifies").GetBoolean());
        Assert.Equal(field, created.GetProperty("failing")[0].GetProperty("field").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("confirmCode").ValueKind);
        Assert.Contains(created.GetProperty("advice").EnumerateArray(), a => a.GetString()!.Contains("150 米", StringComparison.Ordinal));
        Assert.Contains(created.GetProperty("advice").EnumerateArray(), a => a.GetString()!.Contains("122", StringComparison.Ordinal));
        await using var db = await AccidentKit.DbAsync(app);
        var incident = await db.Incidents.SingleAsync();
        Assert.Equal("2204", incident.CategoryCode);
        Assert.True(incident.Emergency);
        Assert.False(incident.QuickHandling);
        Assert.Equal(created.GetProperty("id").GetGuid(), incident.AccidentReportId);
    }

    [Fact]
    public async Task A_loss_above_the_citys_limit_or_a_driver_asking_for_the_police_routes_it_to_the_police()
    {
        await using var app = await AccidentKit.StartAsync(settings: new Dictionary<string, string> { ["Linli:Traffic:QuickHandlingMaxLoss"] = "5000" });
        var costly = await AccidentKit.ReportAsync(app, AccidentKit.Form(new() { ["estimatedLoss"] = "8000" }));
        Assert.Equal("routed-to-police", costly.GetProperty("status").GetString());
        Assert.Equal("estimatedLossYuan", costly.GetProperty("failing")[0].GetProperty("field").GetString());

        var asked = await AccidentKit.ReportAsync(app, AccidentKit.Form(new() { ["police"] = "true" }, photos: [],
            without: ["noInjuries", "vehiclesMovable", "propertyOnly", "noRoadPropertyDamage", "plate", "name"]));
        Assert.Equal("routed-to-police", asked.GetProperty("status").GetString());

        var within = await AccidentKit.ReportAsync(app, AccidentKit.Form(new() { ["estimatedLoss"] = "4000" }));
        Assert.Equal("awaiting-other", within.GetProperty("status").GetString());

        await using var db = await AccidentKit.DbAsync(app);
        Assert.Equal(2, await db.Incidents.CountAsync(i => i.CategoryCode == "2204" && i.Emergency));
        Assert.Equal(1, await db.Incidents.CountAsync(i => i.CategoryCode == "2201" && i.QuickHandling));
    }

    [Fact]
    public async Task The_qualifying_check_names_each_failing_condition()
    {
        await using var app = await AccidentKit.StartAsync();
        var yes = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/check",
            new { noInjuries = true, vehiclesMovable = true, propertyOnly = true, noRoadPropertyDamage = true, estimatedLoss = 20000 });
        Assert.True((await yes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("qualifies").GetBoolean());
        var no = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/check",
            new { noInjuries = false, vehiclesMovable = true, propertyOnly = true, noRoadPropertyDamage = false, estimatedLoss = 20001 });
        var body = await no.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("qualifies").GetBoolean());
        Assert.Equal(new[] { "noInjuries", "noRoadPropertyDamage", "estimatedLossYuan" },
            body.GetProperty("failing").EnumerateArray().Select(f => f.GetProperty("field").GetString()!).ToArray());
        var unanswered = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/check", new { noInjuries = true });
        Assert.Equal(HttpStatusCode.BadRequest, unanswered.StatusCode);
    }

    [Theory]
    [InlineData("front")]
    [InlineData("rear")]
    [InlineData("contact")]
    public async Task A_qualifying_report_without_one_of_the_three_photos_is_refused_naming_it(string missing)
    {
        await using var app = await AccidentKit.StartAsync();
        var response = await app.Anonymous.PostAsync("/api/v1/traffic/accidents",
            AccidentKit.Form(photos: new[] { "front", "rear", "contact" }.Where(k => k != missing).ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(missing, out _), problem.ToString());
        await using var db = await AccidentKit.DbAsync(app);
        Assert.Equal(0, await db.AccidentReports.CountAsync());
        Assert.Equal(0, await db.Incidents.CountAsync());
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_is_refused_naming_it()
    {
        await using var app = await AccidentKit.StartAsync();
        var form = AccidentKit.Form(photos: ["front", "rear"]);
        form.Add(new ByteArrayContent("not a picture"u8.ToArray()), "contact", "contact.png");
        var response = await app.Anonymous.PostAsync("/api/v1/traffic/accidents", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contact", out _));
    }

    [Fact]
    public async Task A_position_off_the_expressway_network_is_a_400_on_location_and_a_stake_typed_by_hand_is_found()
    {
        await using var app = await AccidentKit.StartAsync();
        var off = await app.Anonymous.PostAsync("/api/v1/traffic/accidents", AccidentKit.Form(new() { ["lat"] = "30.34" }));
        Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
        Assert.True((await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("location", out _));

        var located = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/locate", new { lon = 120.13, lat = 30.3202, heading = 90 });
        var at = await located.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("G60", at.GetProperty("routeCode").GetString());
        Assert.Equal("上行", at.GetProperty("directionName").GetString());

        var typed = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/locate", new { route = "g60", direction = "up", stake = "K101+000" });
        var point = await typed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("G60 沪昆高速 上行 K101+000", point.GetProperty("label").GetString());
        Assert.InRange(point.GetProperty("lon").GetDouble(), 120.119, 120.122);

        var nowhere = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/locate", new { route = "G60", direction = "up", stake = "K300+000" });
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.True((await nowhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("location", out _));

        var corrected = await AccidentKit.ReportAsync(app, AccidentKit.Form(new() { ["route"] = "G60", ["direction"] = "up", ["stake"] = "K102+500" }));
        Assert.Equal("K102+500", corrected.GetProperty("location").GetProperty("stake").GetString());
    }

    [Fact]
    public async Task The_drivers_pages_open_without_an_account_and_the_confirm_page_takes_the_number_from_the_qr_link()
    {
        await using var app = await AccidentKit.StartAsync();
        var start = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync("/accident"));
        Assert.Contains("id=\"acc-form\"", start, StringComparison.Ordinal);
        Assert.Contains("tel:122", start, StringComparison.Ordinal);
        Assert.Contains("150 米", start, StringComparison.Ordinal);
        var confirm = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync("/accident/confirm?n=KC-20261129-0007"));
        Assert.Contains("value=\"KC-20261129-0007\"", confirm, StringComparison.Ordinal);
        var qr = await app.Anonymous.GetAsync("/api/v1/traffic/accidents/confirm-qr.svg?number=KC-20261129-0007");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous.GetAsync("/api/v1/traffic/accidents/confirm-qr.svg?number=http://evil")).StatusCode);
    }
}
