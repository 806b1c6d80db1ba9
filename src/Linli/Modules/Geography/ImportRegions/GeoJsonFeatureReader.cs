using System.IO.MemoryMappedFiles;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>One feature of an import as read, before any rule is checked.</summary>
internal sealed record RawFeature(
    int Index,
    string? Code,
    string? Name,
    string? Level,
    string? ParentCode,
    int? Households,
    Geometry? Geometry,
    string? Problem);

/// <summary>
/// Reads a GeoJSON FeatureCollection feature by feature from a file mapped into memory, so a
/// 100 MB upload costs its geometries and not a second copy as text or a JSON tree.
/// </summary>
internal static class GeoJsonFeatureReader
{
    public static JsonSerializerOptions GeometryOptions { get; } = new()
    {
        Converters = { new GeoJsonConverterFactory(Wgs84.Factory) },
    };

    public static unsafe List<RawFeature> ReadFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new UnprocessableException("Not GeoJSON", "The request body is empty; send a GeoJSON FeatureCollection.");
        }
        if (length > int.MaxValue)
        {
            throw new UnprocessableException("Too large", "A region file is limited to 2 GB.");
        }
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        try
        {
            return Read(new ReadOnlySpan<byte>(pointer + view.PointerOffset, (int)length));
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    public static List<RawFeature> Read(ReadOnlySpan<byte> json)
    {
        var features = new List<RawFeature>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        string? type = null;
        var sawFeatures = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotACollection("the document is not a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("features"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw NotACollection("'features' is not an array");
                    }
                    sawFeatures = true;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        using var feature = JsonDocument.ParseValue(ref reader);
                        features.Add(ReadFeature(features.Count, feature.RootElement));
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw new UnprocessableException("Malformed JSON",
                $"The body is not valid JSON near byte {reader.BytesConsumed} (line {e.LineNumber + 1}): {e.Message}");
        }
        if (type != "FeatureCollection")
        {
            throw NotACollection($"'type' is {(type is null ? "missing" : $"'{type}'")}, expected 'FeatureCollection'");
        }
        if (!sawFeatures)
        {
            throw NotACollection("'features' is missing");
        }
        return features;
    }

    private static UnprocessableException NotACollection(string why) =>
        new("Not a GeoJSON FeatureCollection", $"The body must be a GeoJSON FeatureCollection (RFC 7946): {why}.");

    private static RawFeature ReadFeature(int index, JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object
            || !feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            return new RawFeature(index, null, null, null, null, null, null, "not a GeoJSON Feature (\"type\": \"Feature\" is missing)");
        }
        string? code = null, name = null, level = null, parent = null;
        int? households = null;
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            code = Text(properties, "code");
            name = Text(properties, "name");
            level = Text(properties, "level");
            parent = Text(properties, "parentCode");
            if (properties.TryGetProperty("households", out var h) && h.ValueKind == JsonValueKind.Number && h.TryGetInt32(out var n))
            {
                households = n;
            }
        }
        if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind == JsonValueKind.Null)
        {
            return new RawFeature(index, code, name, level, parent, households, null, "geometry is missing");
        }
        try
        {
            var geometry = geometryJson.Deserialize<Geometry>(GeometryOptions);
            return new RawFeature(index, code, name, level, parent, households, geometry,
                geometry is null ? "geometry is missing" : null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return new RawFeature(index, code, name, level, parent, households, null, $"geometry is not valid GeoJSON: {e.Message}");
        }
    }

    // Codes are text, but spreadsheets turned into GeoJSON often carry them as numbers.
    private static string? Text(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()?.Trim() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number when value.TryGetInt64(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        } : null;
}
