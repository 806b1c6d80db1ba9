using System.Text.Json;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.ImportRegions;
using NetTopologySuite.Geometries;

namespace Linli.Modules.Geography.ExportRegions;

/// <summary>Writes one region as a GeoJSON Feature with the properties the importer reads back.</summary>
internal static class GeoJsonFeatureWriter
{
    public static void Write(Utf8JsonWriter writer, string code, string name, RegionLevel level, string? parentCode,
        int? households, double? areaSquareMeters, Geometry geometry)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", code);
        writer.WriteStartObject("properties");
        writer.WriteString("code", code);
        writer.WriteString("name", name);
        writer.WriteString("level", level.ToName());
        if (parentCode is null)
        {
            writer.WriteNull("parentCode");
        }
        else
        {
            writer.WriteString("parentCode", parentCode);
        }
        if (areaSquareMeters is { } area)
        {
            writer.WriteNumber("areaM2", area);
        }
        if (households is { } count)
        {
            writer.WriteNumber("households", count);
        }
        writer.WriteEndObject();
        writer.WritePropertyName("geometry");
        JsonSerializer.Serialize(writer, geometry, GeoJsonFeatureReader.GeometryOptions);
        writer.WriteEndObject();
    }
}
