using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Open311;

/// <summary>An Open311 client over a test app: a key, form posts, answers read in either format.</summary>
internal sealed class Open311Client(TestApp app)
{
    public const double Lon = 120.1105;
    public const double Lat = 30.3105;

    private static int _building;

    public string Key { get; private set; } = "";

    public static string Description() => $"小区{Interlocked.Increment(ref _building) + 100}号楼东门垃圾桶满了溢出来";

    public async Task<string> CreateKeyAsync(object? body = null)
    {
        var response = await app.Client.PostAsJsonAsync("/api/v1/open311/keys", body ?? new { name = "FixMyStreet" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        return Key;
    }

    public async Task<Answer> GetAsync(string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/open311/v2/{path}");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await Answer.ReadAsync(await app.Anonymous.SendAsync(request));
    }

    public async Task<Answer> PostAsync(string format, Dictionary<string, string> fields, bool withKey = true)
    {
        if (withKey && !fields.ContainsKey("api_key")) fields["api_key"] = Key;
        return await Answer.ReadAsync(await app.Anonymous.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields)));
    }

    public async Task<Answer> PostUpdateAsync(string format, Dictionary<string, string> fields, bool withKey = true)
    {
        if (withKey && !fields.ContainsKey("api_key")) fields["api_key"] = Key;
        return await Answer.ReadAsync(await app.Anonymous.PostAsync($"/open311/v2/servicerequestupdates.{format}", new FormUrlEncodedContent(fields)));
    }

    /// <summary>What FixMyStreet's client posts to servicerequestupdates.</summary>
    public static Dictionary<string, string> Update(string requestId, string updateId, string status = "IN_PROGRESS", string? description = null) => new()
    {
        ["jurisdiction_id"] = "",
        ["service_request_id"] = requestId,
        ["update_id"] = updateId,
        ["updated_datetime"] = "2026-03-01T08:00:00+08:00",
        ["status"] = status,
        ["description"] = description ?? "垃圾桶还是满的，已经三天了",
        ["first_name"] = "四",
        ["last_name"] = "李",
        ["email"] = "resident@example.org",
        ["media_url"] = "https://example.org/update.jpg",
    };

    public static Dictionary<string, string> Report(string? description = null, string lat = "30.3105", string lon = "120.1105") => new()
    {
        ["service_code"] = "1101",
        ["lat"] = lat,
        ["long"] = lon,
        ["description"] = description ?? Description(),
        ["email"] = "resident@example.org",
        ["first_name"] = "四",
        ["last_name"] = "李",
        ["phone"] = "13511112222",
        ["account_id"] = "fms-42",
        ["address_string"] = "康桥路 1 号东门",
        ["attribute[SIZE]"] = "large",
        ["attribute[KINDS][]"] = "glass",
        ["media_url"] = "https://example.org/photo.jpg",
        ["unknown_parameter"] = "ignored",
        ["device_id"] = "",
    };
}

internal sealed record Answer(HttpStatusCode Status, string ContentType, string Body, HttpResponseMessage Response)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync(), response);

    public XDocument Xml
    {
        get
        {
            Assert.Equal("text/xml; charset=utf-8", ContentType);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Body, StringComparison.Ordinal);
            Assert.DoesNotContain("xmlns", Body, StringComparison.Ordinal);
            return XDocument.Parse(Body);
        }
    }

    public JsonElement Json
    {
        get
        {
            Assert.Equal("application/json; charset=utf-8", ContentType);
            return JsonDocument.Parse(Body).RootElement;
        }
    }

    /// <summary>A field of the first item of a list answer, in either format.</summary>
    public string? Field(string name) => ContentType.StartsWith("text/xml", StringComparison.Ordinal)
        ? Xml.Root!.Elements().First().Element(name)?.Value
        : Json[0].GetProperty(name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : Json[0].GetProperty(name).ValueKind == JsonValueKind.Null ? null : Json[0].GetProperty(name).GetRawText();

    /// <summary>The error descriptions of an errors answer, in either format, checking the code matches the status.</summary>
    public IReadOnlyList<string> Errors()
    {
        if (ContentType.StartsWith("text/xml", StringComparison.Ordinal))
        {
            var errors = Xml.Root!;
            Assert.Equal("errors", errors.Name.LocalName);
            Assert.All(errors.Elements("error"), e => Assert.Equal(((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value));
            return errors.Elements("error").Select(e => e.Element("description")!.Value).ToList();
        }
        Assert.All(Json.EnumerateArray(), e => Assert.Equal((int)Status, e.GetProperty("code").GetInt32()));
        return Json.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
    }
}

/// <summary>Structure of documents: element names and order (repeated items collapsed), JSON names and value kinds.</summary>
internal static class Shapes
{
    public static string Of(XElement element)
    {
        if (!element.HasElements) return element.Name.LocalName;
        var children = new List<string>();
        foreach (var child in element.Elements().Select(Of))
        {
            if (children.Count == 0 || children[^1] != child) children.Add(child);
        }
        return $"{element.Name.LocalName}({string.Join(",", children)})";
    }

    public static string Of(JsonElement item) =>
        string.Join(",", item.EnumerateObject().Select(p => p.Name));

    public static string Kinds(JsonElement item) =>
        string.Join(",", item.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}"));

    public static XDocument FixtureXml(string name) => XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Open311", "Fixtures", name));

    public static JsonElement FixtureJson(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Open311", "Fixtures", name))).RootElement;
}
