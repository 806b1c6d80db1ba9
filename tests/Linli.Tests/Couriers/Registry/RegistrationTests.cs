using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Couriers.Registry;

[Trait("Category", "Database")]
public sealed class RegistrationTests
{
    [Fact]
    public async Task A_rider_proves_the_phone_with_the_logged_sms_code_and_gets_an_account_and_a_pending_application()
    {
        await using var app = await CourierKit.StartAsync();
        var (phone, id) = CourierKit.Identity();
        var sent = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/phone-codes", new { phone });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var receipt = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(phone[..3] + "****" + phone[^4..], receipt.GetProperty("phone").GetString());
        Assert.Equal(300, receipt.GetProperty("expiresInSeconds").GetInt32());
        var code = app.Factory.Sms.LatestCode(phone);
        Assert.Matches("^[0-9]{6}$", code);

        var created = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", CourierKit.Application(phone, id, code));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var courier = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", courier.GetProperty("status").GetString());
        Assert.Equal("马*跑", courier.GetProperty("maskedName").GetString());
        Assert.True(courier.GetProperty("eligible").GetBoolean());
        Assert.Equal(5, courier.GetProperty("eligibility").GetArrayLength());
        Assert.DoesNotContain(id, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var rider = app.Factory.ClientWithToken(await app.Factory.TokenAsync(phone, CourierKit.Password));
        var me = await rider.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me");
        Assert.Equal("pending", me.GetProperty("courier").GetProperty("status").GetString());
        Assert.Equal("apply", me.GetProperty("history")[0].GetProperty("action").GetString());

        // The code was used up: the same application again is refused on the code, then as a duplicate.
        var again = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", CourierKit.Application(phone, id, code));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Wrong_expired_and_too_frequent_codes_are_refused_with_their_reasons()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var app = await CourierKit.StartAsync(clock);
        var (phone, id) = CourierKit.Identity();
        var code = await CourierKit.CodeAsync(app, phone);

        var tooSoon = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/phone-codes", new { phone });
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);

        var wrongCode = code == "000000" ? "111111" : "000000";
        var wrong = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", CourierKit.Application(phone, id, wrongCode));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("4 tries left", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", CourierKit.Application(phone, id, code));
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badPhone = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/phone-codes", new { phone = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
    }

    [Fact]
    public async Task A_bad_application_names_every_bad_field_at_once_and_opens_no_account()
    {
        await using var app = await CourierKit.StartAsync();
        var (phone, id) = CourierKit.Identity();
        var code = await CourierKit.CodeAsync(app, phone);
        var body = CourierKit.Application(phone, id[..17] + (id[17] == '1' ? '2' : '1'), code);
        body["platform"] = "uber";
        body["regionCode"] = CourierKit.Community;
        body["onTimeRatePercent"] = 120;
        body["vehicle"] = "rocket";
        body["consent"] = false;
        var refused = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "idNumber", "platform", "regionCode", "onTimeRatePercent", "vehicle", "consent" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        var child = CourierKit.Application(phone, CourierKit.ResidentId("33010520150101001"), code);
        var tooYoung = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", child);
        Assert.Contains("at least 16", await tooYoung.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = phone, password = CourierKit.Password })).StatusCode);
    }

    [Fact]
    public async Task The_same_phone_or_id_number_cannot_apply_twice()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var app = await CourierKit.StartAsync(clock);
        var first = await CourierKit.RegisterAsync(app);
        clock.Advance(TimeSpan.FromSeconds(61));
        var codeAgain = await CourierKit.CodeAsync(app, first.Phone);
        var duplicate = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations",
            CourierKit.Application(first.Phone, CourierKit.Identity().IdNumber, codeAgain));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("phone", await duplicate.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The same person with a second phone is refused on the ID number.
        var (phone, _) = CourierKit.Identity();
        var code = await CourierKit.CodeAsync(app, phone);
        var me = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/{first.CourierId}");
        Assert.Equal("pending", me.GetProperty("courier").GetProperty("status").GetString());
        var sameId = CourierKit.Application(phone, first.IdNumber, code);
        var twice = await app.Anonymous.PostAsJsonAsync("/api/v1/couriers/registrations", sameId);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("ID number", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_must_be_a_real_image()
    {
        await using var app = await CourierKit.StartAsync();
        var rider = await CourierKit.RegisterAsync(app);
        var fake = new ByteArrayContent("<script>alert(1)</script>"u8.ToArray());
        fake.Headers.ContentType = new("image/jpeg");
        var refused = await rider.Client.PutAsync("/api/v1/couriers/me/photo", fake);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var empty = await rider.Client.PutAsync("/api/v1/couriers/me/photo", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var png = new ByteArrayContent(TinyPng());
        png.Headers.ContentType = new("image/png");
        Assert.Equal(HttpStatusCode.NoContent, (await rider.Client.PutAsync("/api/v1/couriers/me/photo", png)).StatusCode);
        var me = await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/couriers/me");
        var url = me.GetProperty("courier").GetProperty("photoUrl").GetString()!;
        var photo = await rider.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        using var stranger = await app.ClientForAsync("courier");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).StatusCode);
    }

    /// <summary>A 2×2 PNG made by ImageSharp.</summary>
    public static byte[] TinyPng()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(2, 2);
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, stream);
        return stream.ToArray();
    }
}
