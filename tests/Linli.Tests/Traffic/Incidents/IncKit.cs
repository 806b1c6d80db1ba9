using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;

namespace Linli.Tests.Traffic.Incidents;

/// <summary>An app with the sample city and test carriageways straight in the database (the roads' import is another slice's).</summary>
internal static class IncKit
{
    /// <summary>10:00 in Hangzhou; UTC so that PostgreSQL keeps the offset.</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T02:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>G60 up, run by GS: a straight line east along 30.32 N from 120.11 to 120.19 E, stakes K100+000 onwards.</summary>
    public const double G60Lat = 30.32;

    /// <summary>G92 up, run by another operator (HZ): along 30.34 N.</summary>
    public const double G92Lat = 30.34;

    public static async Task<(TestApp App, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var app = await TestApp.StartAsync(clock: clock);
        Assert.Equal(HttpStatusCode.OK, (await app.ImportAsync(RegionFile.SampleTree().ToString())).StatusCode);
        await WithDbAsync(app, db =>
        {
            db.Expressways.Add(Road("G60", "沪昆高速", "GS", G60Lat));
            db.Expressways.Add(Road("G92", "杭州湾环线", "HZ", G92Lat));
            return Task.FromResult(0);
        });
        return (app, clock);
    }

    private static Expressway Road(string code, string name, string operatorUnit, double lat)
    {
        var line = Wgs84.Factory.CreateLineString([new Coordinate(120.11, lat), new Coordinate(120.15, lat + 0.002), new Coordinate(120.19, lat)]);
        var length = Wgs84.DistanceMeters(120.11, lat, 120.15, lat + 0.002) + Wgs84.DistanceMeters(120.15, lat + 0.002, 120.19, lat);
        var marks = string.Create(CultureInfo.InvariantCulture, $"[{{\"along\":0,\"stake\":100000}},{{\"along\":{length:0.###},\"stake\":{100000 + length:0.###}}}]");
        var road = new Expressway(Guid.NewGuid(), code, name, Directions.Up, operatorUnit, line, marks, length, Start.ToUnixTimeMilliseconds());
        road.CrossDistricts(["330105"]);
        return road;
    }

    public static async Task<T> WithDbAsync<T>(TestApp app, Func<LinliDb, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var result = await work(db);
        await db.SaveChangesAsync();
        return result;
    }

    public static Task<HttpClient> DeskAsync(TestApp app, string unit = "GS", string? name = null) =>
        app.ClientForAsync(Roles.DepartmentHandler, null, department: unit, username: name ?? $"desk-{unit.ToLowerInvariant()}");

    public static Task<HttpClient> CrewMemberAsync(TestApp app, string name, string unit = "GS") =>
        app.ClientForAsync(Roles.Inspector, null, department: unit, username: name);

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> CrewAsync(HttpClient desk, string name, string kind, double stakeMeters, params string[] members)
    {
        var stake = $"K{(int)(stakeMeters / 1000)}+{(int)(stakeMeters % 1000):D3}";
        var crew = await PostAsync(desk, "/api/v1/traffic/crews", new { name, kind, members, route = "G60", direction = "up", stake }, HttpStatusCode.Created);
        return crew.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> ReportAsync(HttpClient desk, string stake = "K101+000", string category = "2201", string route = "G60") =>
        await PostAsync(desk, "/api/v1/traffic/incidents", new
        {
            category, source = "hotline", route, direction = "up", stake, lanesBlocked = 1,
            description = "两车追尾，占用第二车道", callerName = "张三", callerPhone = "13812345678",
        }, HttpStatusCode.Created);

    /// <summary>A field the 400's errors name.</summary>
    public static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }
}
