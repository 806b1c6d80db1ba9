using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.ActOnCase;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Photos;

/// <summary>Storing a case's photos, listing them and serving them to those who may read the case.</summary>
internal static class CasePhotos
{
    public static async Task<List<CasePhoto>> StoreAsync(Guid caseId, string kind, IReadOnlyList<ProcessedPhoto> photos, IFileStore files,
        long nowMs, CancellationToken ct)
    {
        var stored = new List<CasePhoto>();
        foreach (var photo in photos)
        {
            var id = Guid.NewGuid();
            var path = $"cases/{caseId:N}/{id:N}.{photo.Extension}";
            var thumbnail = $"cases/{caseId:N}/{id:N}.thumb.jpg";
            await files.SaveAsync(path, new MemoryStream(photo.Content), ct);
            await files.SaveAsync(thumbnail, new MemoryStream(photo.Thumbnail), ct);
            stored.Add(new CasePhoto(id, caseId, kind, photo.ContentType, path, thumbnail, photo.Width, photo.Height, photo.Content.Length, nowMs));
        }
        return stored;
    }

    /// <summary>Reads up to nine photos from a form, processing each (the field of a bad one is named).</summary>
    public static async Task<List<ProcessedPhoto>> ReadAsync(IFormCollection form, CancellationToken ct)
    {
        // A file input left empty still sends a part with no file name and no bytes: that is no photo.
        var uploads = form.Files.Where(f => f.Name is "photos" or "photo" or "media")
            .Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (uploads.Count > PhotoProcessor.MaxPhotos)
        {
            throw new RequestValidationException("photos", $"at most {PhotoProcessor.MaxPhotos} photos, not {uploads.Count}");
        }
        var processed = new List<ProcessedPhoto>();
        for (var i = 0; i < uploads.Count; i++)
        {
            if (uploads[i].Length > PhotoProcessor.MaxBytes)
            {
                throw new RequestValidationException($"photos[{i}]", "a photo may be at most 10 MB");
            }
            await using var stream = uploads[i].OpenReadStream();
            processed.Add(await PhotoProcessor.ProcessAsync(stream, $"photos[{i}]", ct));
        }
        return processed;
    }

    public static async Task<Ok<List<CasePhotoView>>> List(Guid id, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        await EnsureVisibleAsync(id, http, db, access, ct);
        var photos = await db.CasePhotos.AsNoTracking().Where(p => p.CaseId == id).OrderBy(p => p.AddedAtMs).ToListAsync(ct);
        return TypedResults.Ok(photos.Select(p => new CasePhotoView(p.Id, p.Kind, p.ContentType, p.Width, p.Height, p.Bytes,
            $"/api/v1/cases/{id}/photos/{p.Id}", $"/api/v1/cases/{id}/photos/{p.Id}?thumbnail=true")).ToList());
    }

    public static async Task<IResult> Get(Guid id, Guid photoId, bool? thumbnail, HttpContext http, LinliDb db, IAccessControl access,
        IFileStore files, CancellationToken ct)
    {
        await EnsureVisibleAsync(id, http, db, access, ct);
        var photo = await db.CasePhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.CaseId == id, ct)
            ?? throw new NotFoundException($"Photo {photoId} is not a photo of case {id}.");
        var stream = await files.OpenReadAsync(thumbnail == true ? photo.ThumbnailPath : photo.Path, ct)
            ?? throw new NotFoundException($"The file of photo {photoId} is missing from the file store.");
        return TypedResults.Stream(stream, thumbnail == true ? "image/jpeg" : photo.ContentType);
    }

    private static async Task EnsureVisibleAsync(Guid id, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"Case {id} does not exist.");
        // The follow page's <img> tags cannot send a header: they carry the link's secret as ?follow=.
        var token = http.Request.Headers["X-Follow-Token"].ToString() is { Length: > 0 } header ? header : http.Request.Query["follow"].ToString();
        if (await ReportCase.FollowLinks.LeadsToAsync(db, token, c.Id, ct))
        {
            return;
        }
        if (!await CaseAccess.MayReadAsync(http.User, access, c))
        {
            throw http.User.Identity?.IsAuthenticated == true
                ? new ForbiddenException($"Not allowed: case {c.Number} is outside what you may read.")
                : new DomainException("Sign-in required", "Sign in, or send the follow link's X-Follow-Token.", StatusCodes.Status401Unauthorized);
        }
    }
}
