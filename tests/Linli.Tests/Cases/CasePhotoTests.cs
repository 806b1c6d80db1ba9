using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Linli.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CasePhotoTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.ImportAsync(RegionFile.SampleTree().ToString());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A phone photo: 800×600 JPEG with the camera's GPS position and model in EXIF.</summary>
    private static byte[] PhonePhoto(double lon, double lat)
    {
        using var image = new Image<Rgb24>(800, 600, new Rgb24(90, 140, 60));
        var exif = new ExifProfile();
        static Rational[] Dms(double value)
        {
            var degrees = Math.Floor(value);
            var minutes = Math.Floor((value - degrees) * 60);
            var seconds = (value - degrees - minutes / 60) * 3600;
            return [new Rational(degrees), new Rational(minutes), new Rational(seconds)];
        }
        exif.SetValue(ExifTag.GPSLatitude, Dms(lat));
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLongitude, Dms(lon));
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.Model, "Rider Phone X");
        image.Metadata.ExifProfile = exif;
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    [Fact]
    public async Task A_photo_report_takes_its_place_from_exif_and_is_stored_without_it()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1101"), "category" },
            { new StringContent("垃圾桶满了"), "description" },
            { File(PhonePhoto(120.1105, 30.3105), "image/jpeg"), "photos", "IMG_0001.jpg" },
        };

        var response = await _app.Anonymous.PostAsync("/api/v1/cases", form);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var c = answer;
        Assert.Equal("3301050010010010001", c.GetProperty("regions").GetProperty("building").GetProperty("code").GetString());
        var id = c.GetProperty("id").GetString();
        var photos = await _app.GetJsonAsync($"/api/v1/cases/{id}/photos");
        var photo = Assert.Single(photos.EnumerateArray());
        Assert.Equal("report", photo.GetProperty("kind").GetString());

        var stored = await _app.Client.GetByteArrayAsync(photo.GetProperty("url").GetString());
        using (var image = Image.Load(stored))
        {
            Assert.Null(image.Metadata.ExifProfile);
            Assert.Equal(800, image.Width);
        }
        var thumbnail = await _app.Client.GetByteArrayAsync(photo.GetProperty("thumbnailUrl").GetString());
        using (var small = Image.Load(thumbnail))
        {
            Assert.True(small.Width <= 320 && small.Height <= 320);
        }
        using var reporter = _app.Factory.CreateClient();
        reporter.DefaultRequestHeaders.Add("X-Follow-Token", answer.GetProperty("followToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync(photo.GetProperty("url").GetString())).StatusCode);
    }

    [Fact]
    public async Task Something_that_is_not_a_photo_is_refused_whatever_its_name()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1101"), "category" },
            { new StringContent("垃圾"), "description" },
            { new StringContent("120.11"), "lon" },
            { new StringContent("30.32"), "lat" },
            { File("not really a jpeg"u8.ToArray(), "image/jpeg"), "photos", "fake.jpg" },
        };

        var response = await _app.Anonymous.PostAsync("/api/v1/cases", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photos[0]", out _));
    }

    [Fact]
    public async Task Feedback_carries_after_photos()
    {
        var created = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", CaseLoopTests.Report());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        foreach (var (action, body) in new[] { ("accept", (object)new { }), ("file", new { }), ("dispatch", new { unit = "HW" }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await _app.Client.PostAsJsonAsync($"/api/v1/cases/{id}/actions/{action}", body)).StatusCode);
        }
        using var form = new MultipartFormDataContent
        {
            { new StringContent("已清运"), "note" },
            { File(PhonePhoto(120.1105, 30.3105), "image/jpeg"), "photos", "after.jpg" },
        };

        var feedback = await _app.Client.PostAsync($"/api/v1/cases/{id}/actions/feedback", form);

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var photos = await _app.GetJsonAsync($"/api/v1/cases/{id}/photos");
        Assert.Equal("feedback", Assert.Single(photos.EnumerateArray()).GetProperty("kind").GetString());
    }
}
