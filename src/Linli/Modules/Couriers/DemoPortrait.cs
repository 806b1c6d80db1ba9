using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Linli.Modules.Couriers;

/// <summary>
/// A plain head-and-shoulders silhouette for demo riders, so the gate card shows where the photo goes
/// (no real person's face ships with Linli).
/// </summary>
internal static class DemoPortrait
{
    private static readonly Rgba32[] Jackets = [new(255, 193, 7), new(33, 150, 243), new(229, 57, 53), new(67, 160, 71)];

    public static byte[] Png(int variant)
    {
        const int width = 240, height = 320;
        using var image = new Image<Rgba32>(width, height);
        var background = new Rgba32(227, 236, 243);
        var skin = new Rgba32(224, 172, 138);
        var hair = new Rgba32(45, 38, 34);
        var jacket = Jackets[Math.Abs(variant) % Jackets.Length];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = Inside(x, y, 120, 125, 62, 78) ? (y < 92 ? hair : skin)
                        : Inside(x, y, 120, 330, 118, 120) ? jacket
                        : background;
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static bool Inside(int x, int y, int cx, int cy, int rx, int ry)
    {
        double dx = (x - cx) / (double)rx, dy = (y - cy) / (double)ry;
        return dx * dx + dy * dy <= 1;
    }
}
