using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using System.Xml;
using System.Xml.Linq;

namespace Linli.Modules.Open311.Format;

/// <summary>
/// An Open311 answer, built once as JSON nodes with the specification's names and types and
/// written as either format: JSON drops the root element (lists are top-level arrays); XML has
/// the declaration, no namespaces, and the list element's singular for each item.
/// </summary>
internal sealed class Open311Document(string root, JsonNode content, int status = StatusCodes.Status200OK) : IResult
{
    /// <summary>The element of an item in each XML list (the JSON arrays' names).</summary>
    private static readonly Dictionary<string, string> Items = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["service_request_updates"] = "request_update",
        ["errors"] = "error",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
        ["attributes"] = "attribute",
        ["values"] = "value",
    };

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public const string XmlType = "text/xml; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public int Status => status;

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static Open311Document Errors(int status, params string[] descriptions) =>
        new("errors", new JsonArray([.. descriptions.Select(d => (JsonNode)new JsonObject { ["code"] = status, ["description"] = d })]), status);

    public async Task ExecuteAsync(HttpContext http)
    {
        var json = Open311Formats.Of(http) == "json";
        http.Response.StatusCode = status;
        http.Response.ContentType = json ? JsonType : XmlType;
        var bytes = json ? Encoding.UTF8.GetBytes(content.ToJsonString(Json)) : ToXml();
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    public byte[] ToXml()
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), Element(root, content));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            document.Save(writer);
        }
        return stream.ToArray();
    }

    private static XElement Element(string name, JsonNode? node) => node switch
    {
        JsonObject o => new XElement(name, o.Select(p => Element(p.Key, p.Value))),
        JsonArray a => new XElement(name, a.Select(item => Element(Items.GetValueOrDefault(name, name), item))),
        JsonValue v => new XElement(name, v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.ToJsonString(),
        }),
        _ => new XElement(name, ""),
    };
}

/// <summary>The format suffix of an Open311 path, and the request's parameters (query or form; empty counts as absent).</summary>
internal static class Open311Formats
{
    public static string Of(HttpContext http) => http.GetRouteValue("format") as string == "json" ? "json" : "xml";

    public static bool IsKnown(HttpContext http) => http.GetRouteValue("format") is "xml" or "json";

    public static string? Param(HttpRequest request, string name)
    {
        if (request.HasFormContentType && request.Form.TryGetValue(name, out var posted) && posted.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } p)
        {
            return p.Trim();
        }
        return request.Query.TryGetValue(name, out var queried) && queried.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } q ? q.Trim() : null;
    }

    public static IReadOnlyList<string> List(HttpRequest request, string name) =>
        Param(request, name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>An Open311 refusal: written as the specification's <c>errors</c> list with this status.</summary>
internal sealed class Open311Exception(int status, string description) : Exception(description)
{
    public int Status { get; } = status;

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static Open311Exception Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);
}
