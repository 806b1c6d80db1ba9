using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Traffic.Accidents.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Traffic.Accidents;

[Trait("Category", "Database")]
public sealed class ConfirmationTests
{
    [Fact]
    public async Task The_other_party_confirms_with_the_code_and_both_get_a_record_a_stranger_cannot_open()
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app);
        var id = created.GetProperty("id").GetGuid();
        var tokenA = created.GetProperty("token").GetString()!;

        var preview = await app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/preview",
            new { number = created.GetProperty("number").GetString(), code = created.GetProperty("confirmCode").GetString() });
        var seen = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("浙A12345", seen.GetProperty("otherPlate").GetString());
        Assert.Equal(3, seen.GetProperty("photos").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(seen.GetProperty("photos")[2].GetProperty("thumbnailUrl").GetString())).StatusCode);

        var confirmed = await AccidentKit.ConfirmAsync(app, created);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var b = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        var tokenB = b.GetProperty("token").GetString()!;
        Assert.NotEqual(tokenA, tokenB);

        var recordA = await app.GetJsonAsync($"/api/v1/traffic/accidents/{id}?token={Uri.EscapeDataString(tokenA)}");
        var recordB = await app.GetJsonAsync($"/api/v1/traffic/accidents/{id}?token={Uri.EscapeDataString(tokenB)}");
        foreach (var (record, you) in new[] { (recordA, "A"), (recordB, "B") })
        {
            Assert.Equal("confirmed", record.GetProperty("status").GetString());
            Assert.Equal(you, record.GetProperty("you").GetString());
            Assert.Equal(created.GetProperty("number").GetString(), record.GetProperty("number").GetString());
            Assert.Equal(JsonValueKind.String, record.GetProperty("confirmedAt").ValueKind);
            Assert.Equal(created.GetProperty("incidentNumber").GetString(), record.GetProperty("incidentNumber").GetString());
            Assert.StartsWith("G60 沪昆高速 上行 K103+", record.GetProperty("location").GetProperty("label").GetString(), StringComparison.Ordinal);
            Assert.True(record.GetProperty("answers").GetProperty("noInjuries").GetBoolean());
            Assert.Equal(3, record.GetProperty("photos").GetArrayLength());
            var parties = record.GetProperty("parties").EnumerateArray().ToList();
            Assert.Equal(new[] { "浙A12345", "浙B67890" }, parties.Select(p => p.GetProperty("plate").GetString()!).ToArray());
            Assert.Equal(new[] { "138****1111", "139****2222" }, parties.Select(p => p.GetProperty("phone").GetString()!).ToArray());
            // Each sees its own name in full and the other's masked.
            Assert.Equal(you == "A" ? new[] { "王小明", "李*华" } : new[] { "王*明", "李大华" }, parties.Select(p => p.GetProperty("name").GetString()!).ToArray());
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(recordB.GetProperty("photos")[0].GetProperty("url").GetString())).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/api/v1/traffic/accidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/api/v1/traffic/accidents/{id}?token=guessed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/api/v1/traffic/accidents/{id}/photos/front")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/accident/{id}/record")).StatusCode);
        var page = await app.Anonymous.GetAsync($"/accident/{id}/record?token={Uri.EscapeDataString(tokenB)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(created.GetProperty("number").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("双方已确认", html, StringComparison.Ordinal);
        Assert.Contains(app.Factory.Sms.Messages, m => m.Phone == AccidentKit.PhoneB && m.Text.Contains(tokenB, StringComparison.Ordinal));
        Assert.Contains(app.Factory.Sms.Messages, m => m.Phone == AccidentKit.PhoneA && m.Text.Contains("浙B67890", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_codes_are_counted_and_lock_the_report_until_party_a_issues_a_fresh_code()
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app);
        var code = created.GetProperty("confirmCode").GetString()!;

        var wrong = await AccidentKit.ConfirmAsync(app, created, AccidentKit.WrongCode(code));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("4 tries left", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The phone says it in its own language from the reason and the count.
        var problem = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("wrong-code", problem.GetProperty("reason").GetString());
        Assert.Equal(4, problem.GetProperty("triesLeft").GetInt32());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AccidentKit.ConfirmAsync(app, created, AccidentKit.WrongCode(code))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Locked, (await AccidentKit.ConfirmAsync(app, created, AccidentKit.WrongCode(code))).StatusCode);
        // Locked: even the right code is refused now.
        var locked = await AccidentKit.ConfirmAsync(app, created, code);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        var lockedText = await locked.Content.ReadAsStringAsync();
        Assert.Contains("new code", lockedText, StringComparison.Ordinal);
        Assert.Equal("locked", JsonDocument.Parse(lockedText).RootElement.GetProperty("reason").GetString());

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.PostAsync($"/api/v1/traffic/accidents/{id}/code?token=guessed", null)).StatusCode);
        var fresh = await app.Anonymous.PostAsync($"/api/v1/traffic/accidents/{id}/code?token={Uri.EscapeDataString(created.GetProperty("token").GetString()!)}", null);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var freshCode = (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.OK, (await AccidentKit.ConfirmAsync(app, created, freshCode)).StatusCode);
    }

    [Fact]
    public async Task An_expired_code_is_told_apart_from_a_wrong_one_and_a_fresh_code_works()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T02:00:00Z", CultureInfo.InvariantCulture));
        await using var app = await AccidentKit.StartAsync(clock);
        var created = await AccidentKit.ReportAsync(app);
        Assert.StartsWith("KC-20261120-", created.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddMinutes(10), created.GetProperty("codeExpiresAt").GetDateTimeOffset());

        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await AccidentKit.ConfirmAsync(app, created);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var detail = await expired.Content.ReadAsStringAsync();
        Assert.Contains("expired", detail, StringComparison.Ordinal);
        Assert.Contains("new code", detail, StringComparison.Ordinal);

        var token = Uri.EscapeDataString(created.GetProperty("token").GetString()!);
        var fresh = await (await app.Anonymous.PostAsync($"/api/v1/traffic/accidents/{created.GetProperty("id").GetGuid()}/code?token={token}", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(clock.GetUtcNow().AddMinutes(10), fresh.GetProperty("expiresAt").GetDateTimeOffset());
        // The old code is no longer the report's code at all.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AccidentKit.ConfirmAsync(app, created)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccidentKit.ConfirmAsync(app, created, fresh.GetProperty("code").GetString())).StatusCode);
    }

    [Fact]
    public async Task The_reporting_drivers_own_phone_cannot_confirm_and_the_report_stays_open()
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app);
        var same = await AccidentKit.ConfirmAsync(app, created, phone: "+86 138 0000 1111");
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.True((await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        await using var db = await AccidentKit.DbAsync(app);
        Assert.Equal(AccidentStatus.AwaitingOther, (await db.AccidentReports.SingleAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await AccidentKit.ConfirmAsync(app, created)).StatusCode);
    }

    [Fact]
    public async Task A_second_confirmation_is_a_conflict()
    {
        await using var app = await AccidentKit.StartAsync();
        var created = await AccidentKit.ReportAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await AccidentKit.ConfirmAsync(app, created)).StatusCode);
        var again = await AccidentKit.ConfirmAsync(app, created, phone: "13700003333", plate: "浙C11111");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var token = Uri.EscapeDataString(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Conflict,
            (await app.Anonymous.PostAsync($"/api/v1/traffic/accidents/{created.GetProperty("id").GetGuid()}/code?token={token}", null)).StatusCode);
        await using var db = await AccidentKit.DbAsync(app);
        Assert.Equal(2, await db.AccidentParties.CountAsync());
    }
}
