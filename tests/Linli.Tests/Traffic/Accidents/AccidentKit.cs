using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Traffic.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace Linli.Tests.Traffic.Accidents;

/// <summary>
/// A test city with one carriageway: G60 沪昆高速 up, a straight line east along 30.32 N from 120.11 to
/// 120.19 E (inside district 330105), stakes from K100+000.
/// </summary>
internal static class AccidentKit
{
    public const double OnRoadLon = 120.15;
    public const double OnRoadLat = 30.3201;
    public const string PhoneA = "13800001111";
    public const string PhoneB = "13900002222";

    public static async Task<TestApp> StartAsync(TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await TestApp.StartAsync(clock: clock, settings: settings);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        await using var db = await DbAsync(app);
        var line = Wgs84.Factory.CreateLineString([new Coordinate(120.11, 30.32), new Coordinate(120.15, 30.32), new Coordinate(120.19, 30.32)]);
        var length = Wgs84.DistanceMeters(120.11, 30.32, 120.19, 30.32);
        var marks = $$"""[{"along":0,"stake":100000},{"along":{{length:0.###}},"stake":{{100000 + length:0.###}}}]""";
        db.Expressways.Add(new Expressway(Guid.NewGuid(), "G60", "沪昆高速", "up", "GS", line, marks, length, 0));
        await db.SaveChangesAsync();
        return app;
    }

    public static Task<LinliDb> DbAsync(TestApp app) =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();

    /// <summary>Party A's form: every answer yes and all three photos unless told otherwise.</summary>
    public static MultipartFormDataContent Form(Dictionary<string, string>? overrides = null, string[]? photos = null, string[]? without = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["noInjuries"] = "true", ["vehiclesMovable"] = "true", ["propertyOnly"] = "true", ["noRoadPropertyDamage"] = "true",
            ["estimatedLoss"] = "3000", ["lanesBlocked"] = "1",
            ["lon"] = OnRoadLon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lat"] = OnRoadLat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["heading"] = "90", ["phone"] = PhoneA, ["plate"] = "浙A12345", ["name"] = "王小明", ["insurer"] = "人保财险",
        };
        foreach (var (k, v) in overrides ?? [])
        {
            fields[k] = v;
        }
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            if (!(without ?? []).Contains(k)) form.Add(new StringContent(v), k);
        }
        foreach (var kind in photos ?? ["front", "rear", "contact"])
        {
            var image = new ByteArrayContent(Couriers.Registry.RegistrationTests.TinyPng());
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, kind, $"{kind}.png");
        }
        return form;
    }

    public static async Task<JsonElement> ReportAsync(TestApp app, MultipartFormDataContent? form = null)
    {
        var response = await app.Anonymous.PostAsync("/api/v1/traffic/accidents", form ?? Form());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> ConfirmAsync(TestApp app, JsonElement created, string? code = null, string phone = PhoneB,
        string plate = "浙B67890") =>
        app.Anonymous.PostAsJsonAsync("/api/v1/traffic/accidents/confirm", new
        {
            number = created.GetProperty("number").GetString(),
            code = code ?? created.GetProperty("confirmCode").GetString(),
            phone, plate, name = "李大华", insurer = "平安产险",
        });

    public static string WrongCode(string code) => code == "000000" ? "111111" : "000000";
}
