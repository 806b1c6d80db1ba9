using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;

namespace Linli.Modules.Couriers.Registration;

/// <summary>The rider's photo from a form field "photo" or the raw body: a real image, cleaned of EXIF.</summary>
internal static class PhotoUpload
{
    public static async Task<ProcessedPhoto> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength is { } length && length > maxBytes + 64 * 1024)
        {
            throw new RequestValidationException("photo", $"a photo may be at most {maxBytes / 1024 / 1024} MB");
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("photo") ?? throw new RequestValidationException("photo", "send the photo in a form field named 'photo'");
            if (file.Length == 0) throw new RequestValidationException("photo", "the photo is empty");
            if (file.Length > maxBytes) throw new RequestValidationException("photo", $"a photo may be at most {maxBytes / 1024 / 1024} MB");
            await using var stream = file.OpenReadStream();
            return await PhotoProcessor.ProcessAsync(stream, "photo", ct);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw new RequestValidationException("photo", "the photo is empty");
        if (buffer.Length > maxBytes) throw new RequestValidationException("photo", $"a photo may be at most {maxBytes / 1024 / 1024} MB");
        buffer.Position = 0;
        return await PhotoProcessor.ProcessAsync(buffer, "photo", ct);
    }
}
