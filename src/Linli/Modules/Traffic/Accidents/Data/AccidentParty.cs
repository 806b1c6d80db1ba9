namespace Linli.Modules.Traffic.Accidents.Data;

/// <summary>
/// One driver of a report: A reported it, B confirmed it. Name and phone are stored encrypted (with a
/// blind index of the phone to refuse B = A) and shown masked; the plate is public on the road anyway.
/// Each party holds its own secret link (only its hash is kept).
/// </summary>
public sealed class AccidentParty
{
    private AccidentParty()
    {
        Role = Plate = NameCipher = NameMasked = PhoneCipher = PhoneIndex = PhoneMasked = TokenHash = "";
    }

    public AccidentParty(Guid id, Guid reportId, string role, string plate, string nameCipher, string nameMasked, string phoneCipher, string phoneIndex,
        string phoneMasked, string? insurer, string tokenHash, long nowMs)
    {
        Id = id;
        ReportId = reportId;
        Role = role;
        Plate = plate;
        NameCipher = nameCipher;
        NameMasked = nameMasked;
        PhoneCipher = phoneCipher;
        PhoneIndex = phoneIndex;
        PhoneMasked = phoneMasked;
        Insurer = insurer;
        TokenHash = tokenHash;
        JoinedAtMs = nowMs;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }

    /// <summary>"A" (reported) or "B" (confirmed with the code).</summary>
    public string Role { get; private set; }

    public string Plate { get; private set; }
    public string NameCipher { get; private set; }
    public string NameMasked { get; private set; }
    public string PhoneCipher { get; private set; }
    public string PhoneIndex { get; private set; }
    public string PhoneMasked { get; private set; }
    public string? Insurer { get; private set; }
    public string TokenHash { get; private set; }
    public long JoinedAtMs { get; private set; }
}

/// <summary>One of the three required photos: front, rear, point of contact.</summary>
public sealed class AccidentPhoto
{
    private AccidentPhoto()
    {
        Kind = ContentType = Path = ThumbnailPath = "";
    }

    public AccidentPhoto(Guid id, Guid reportId, string kind, string contentType, string path, string thumbnailPath, int width, int height, long bytes,
        long nowMs)
    {
        Id = id;
        ReportId = reportId;
        Kind = kind;
        ContentType = contentType;
        Path = path;
        ThumbnailPath = thumbnailPath;
        Width = width;
        Height = height;
        Bytes = bytes;
        TakenAtMs = nowMs;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public string Kind { get; private set; }
    public string ContentType { get; private set; }
    public string Path { get; private set; }
    public string ThumbnailPath { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public long Bytes { get; private set; }
    public long TakenAtMs { get; private set; }
}
