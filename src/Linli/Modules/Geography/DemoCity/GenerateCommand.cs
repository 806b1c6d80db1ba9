using System.Text.Json;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Geography.DemoCity;

/// <summary>
/// <c>linli generate --scale demo|city --out FILE</c>: writes a generated city as a GeoJSON
/// FeatureCollection that <c>POST /api/v1/regions/import</c> accepts.
/// </summary>
internal static class GenerateCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "generate";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string scaleText = "demo", outPath = "";
        var seed = DemoCityGenerator.DefaultSeed;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--scale" when value is not null: scaleText = value; i++; break;
                case "--out" when value is not null: outPath = value; i++; break;
                case "--seed" when int.TryParse(value, out var s): seed = s; i++; break;
                default:
                    error.WriteLine($"Unknown or incomplete option '{args[i]}'.");
                    error.WriteLine("usage: generate --scale demo|city --out FILE [--seed N]");
                    return 2;
            }
        }
        if (outPath.Length == 0 || scaleText is not ("demo" or "city"))
        {
            error.WriteLine("usage: generate --scale demo|city --out FILE [--seed N]");
            return 2;
        }
        var scale = scaleText == "city" ? DemoScale.City : DemoScale.Demo;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var counts = new SortedDictionary<RegionLevel, int>();
        using (var file = File.Create(outPath))
        using (var writer = new Utf8JsonWriter(file))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var draft in new DemoCityGenerator(scale, seed).Generate())
            {
                counts[draft.Level] = counts.GetValueOrDefault(draft.Level) + 1;
                ExportRegions.GeoJsonFeatureWriter.Write(writer, draft.Code, draft.Name, draft.Level, draft.ParentCode,
                    draft.Households, null, draft.Geometry);
                if (writer.BytesPending > 1 << 16)
                {
                    writer.Flush();
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        output.WriteLine($"Wrote {outPath}: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToName()}"))} in {started.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
