using Linli.Infrastructure.Errors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Processing;

namespace Linli.Infrastructure.Files;

/// <summary>A photo ready to store: the cleaned image, its thumbnail, and where the camera said it was.</summary>
public sealed record ProcessedPhoto(byte[] Content, byte[] Thumbnail, string ContentType, string Extension, int Width, int Height,
    double? Lon, double? Lat);

/// <summary>
/// Accepts JPEG, PNG and WebP recognised by their content (not their name), at most 10 MB; reads the
/// GPS position from EXIF; stores a copy turned upright and stripped of EXIF/XMP (phones put the
/// owner's whereabouts and device in there), and a 320-pixel JPEG thumbnail.
/// </summary>
public static class PhotoProcessor
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxPhotos = 9;
    private const int ThumbnailSize = 320;

    public static async Task<ProcessedPhoto> ProcessAsync(Stream upload, string field, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            throw new RequestValidationException(field, $"a photo may be at most 10 MB, not {buffer.Length / 1024 / 1024.0:0.0} MB");
        }
        buffer.Position = 0;
        var format = Image.DetectFormat(buffer);
        if (format is not (JpegFormat or PngFormat or WebpFormat))
        {
            throw new RequestValidationException(field, "only JPEG, PNG and WebP photos are accepted (recognised by content)");
        }
        buffer.Position = 0;
        Image image;
        try
        {
            image = await Image.LoadAsync(buffer, ct);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or UnknownImageFormatException)
        {
            throw new RequestValidationException(field, $"the photo cannot be read: {e.Message}");
        }
        using (image)
        {
            var (lon, lat) = GpsOf(image.Metadata.ExifProfile);
            image.Mutate(x => x.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            using var stored = new MemoryStream();
            IImageEncoder encoder = format switch
            {
                PngFormat => new PngEncoder(),
                WebpFormat => new WebpEncoder(),
                _ => new JpegEncoder { Quality = 85 },
            };
            await image.SaveAsync(stored, encoder, ct);
            using var thumbnail = image.Clone(x => x.Resize(new ResizeOptions { Size = new Size(ThumbnailSize, ThumbnailSize), Mode = ResizeMode.Max }));
            using var small = new MemoryStream();
            await thumbnail.SaveAsJpegAsync(small, ct);
            return new ProcessedPhoto(stored.ToArray(), small.ToArray(), format.DefaultMimeType, format.FileExtensions.First(),
                image.Width, image.Height, lon, lat);
        }
    }

    private static (double? Lon, double? Lat) GpsOf(ExifProfile? exif)
    {
        if (exif?.GetValue(ExifTag.GPSLatitude)?.Value is not { Length: 3 } lat
            || exif.GetValue(ExifTag.GPSLongitude)?.Value is not { Length: 3 } lon)
        {
            return (null, null);
        }
        var latSign = exif.GetValue(ExifTag.GPSLatitudeRef)?.Value == "S" ? -1 : 1;
        var lonSign = exif.GetValue(ExifTag.GPSLongitudeRef)?.Value == "W" ? -1 : 1;
        static double Degrees(Rational[] dms) => dms[0].ToDouble() + dms[1].ToDouble() / 60 + dms[2].ToDouble() / 3600;
        var result = (lonSign * Degrees(lon), latSign * Degrees(lat));
        return result.Item1 is >= -180 and <= 180 && result.Item2 is >= -90 and <= 90 ? result : (null, null);
    }
}
