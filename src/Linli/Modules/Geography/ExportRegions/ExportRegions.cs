using System.Text.Json;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.ExportRegions;

/// <summary>
/// Writes a region and its descendants down to <c>depth</c> levels as a GeoJSON FeatureCollection
/// (RFC 7946) that the importer accepts back. Streamed level by level, so a whole city does not
/// have to fit in memory.
/// </summary>
internal static class ExportRegions
{
    public const int MaxDepth = 6;
    private const int ParentChunk = 500;

    public static async Task Handle(string code, int? depth, HttpResponse response, LinliDb db, ClaimsPrincipal user,
        IAccessControl access, CancellationToken ct)
    {
        await access.EnsureAsync(user, Permissions.RegionsRead, code);
        var levels = depth ?? 1;
        if (levels is < 0 or > MaxDepth)
        {
            throw new RequestValidationException("depth", $"depth must be between 0 and {MaxDepth}");
        }
        var root = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct)
            ?? throw new NotFoundException($"Region {code} does not exist.");

        response.ContentType = "application/geo+json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"regions-{code}.geojson\"";
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        WriteFeature(writer, root);

        List<string> parents = [root.Code];
        for (var level = 1; level <= levels && parents.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var chunk in parents.Chunk(ParentChunk))
            {
                await foreach (var region in db.Regions.AsNoTracking()
                    .Where(r => r.ParentCode != null && chunk.Contains(r.ParentCode))
                    .OrderBy(r => r.Code)
                    .AsAsyncEnumerable().WithCancellation(ct))
                {
                    WriteFeature(writer, region);
                    next.Add(region.Code);
                    if (writer.BytesPending > 1 << 16)
                    {
                        await writer.FlushAsync(ct);
                    }
                }
            }
            parents = next;
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    private static void WriteFeature(Utf8JsonWriter writer, Region region) =>
        GeoJsonFeatureWriter.Write(writer, region.Code, region.Name, region.Level, region.ParentCode, region.Households,
            region.AreaSquareMeters, region.Boundary);
}
