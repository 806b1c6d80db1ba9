namespace Linli.Modules.Cases.Photos;

/// <summary>A photo of a case: taken at the report or with the unit's feedback (the after-photo).</summary>
public sealed class CasePhoto
{
    private CasePhoto()
    {
        Kind = "";
        ContentType = "";
        Path = "";
        ThumbnailPath = "";
    }

    public CasePhoto(Guid id, Guid caseId, string kind, string contentType, string path, string thumbnailPath, int width, int height, long bytes, long takenAtMs)
    {
        Id = id;
        CaseId = caseId;
        Kind = kind;
        ContentType = contentType;
        Path = path;
        ThumbnailPath = thumbnailPath;
        Width = width;
        Height = height;
        Bytes = bytes;
        AddedAtMs = takenAtMs;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Kind { get; private set; }
    public string ContentType { get; private set; }
    public string Path { get; private set; }
    public string ThumbnailPath { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public long Bytes { get; private set; }
    public long AddedAtMs { get; private set; }

    /// <summary>The report the photo came with, so that it moves with the report when staff split it out.</summary>
    public Guid? ReportId { get; private set; }

    /// <summary>Photos are stored before intake decides whether the report opens a case or joins one.</summary>
    public void BelongTo(Guid caseId, Guid? reportId) => (CaseId, ReportId) = (caseId, reportId);
}

public sealed record CasePhotoView(Guid Id, string Kind, string ContentType, int Width, int Height, long Bytes, string Url, string ThumbnailUrl);
