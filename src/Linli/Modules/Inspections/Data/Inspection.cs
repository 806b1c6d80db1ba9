namespace Linli.Modules.Inspections.Data;

public enum InspectionStatus
{
    /// <summary>Falls due; no inspector planned yet.</summary>
    Due,

    /// <summary>On an inspector's round for a day.</summary>
    Planned,

    Done,

    /// <summary>Replaced (the user left supply, or a newer due inspection covers it).</summary>
    Cancelled,
}

/// <summary>
/// One visit to a user: a periodic inspection that fell due, or a re-inspection of a hazard. It is
/// planned onto an inspector's round for a day, then recorded on the phone with the checklist's
/// answers, photos and the user's signature.
/// </summary>
public sealed partial class Inspection
{
    private Inspection()
    {
        Utility = Kind = TemplateCode = "";
    }

    public Inspection(Guid id, string utility, Guid customerId, string kind, DateOnly dueOn, string templateCode, Guid? hazardId, long nowMs)
    {
        Id = id;
        Utility = utility;
        CustomerId = customerId;
        Kind = kind;
        DueOn = dueOn;
        TemplateCode = templateCode;
        HazardId = hazardId;
        CreatedAtMs = UpdatedAtMs = nowMs;
        Status = InspectionStatus.Due;
    }

    public Guid Id { get; private set; }
    public string Utility { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>periodic or reinspection (<see cref="InspectionKinds"/>).</summary>
    public string Kind { get; private set; }

    /// <summary>The hazard a re-inspection checks.</summary>
    public Guid? HazardId { get; private set; }

    public DateOnly DueOn { get; private set; }
    public InspectionStatus Status { get; private set; }

    /// <summary>The inspector's user name and the day and place on their round.</summary>
    public string? Inspector { get; private set; }
    public DateOnly? PlannedOn { get; private set; }
    public int? RouteOrder { get; private set; }

    public string TemplateCode { get; private set; }
    public int? TemplateRevision { get; private set; }

    /// <summary>pass, hazards, absent (nobody on site), refused (<see cref="InspectionOutcomes"/>).</summary>
    public string? Outcome { get; private set; }

    /// <summary>Item code → ok / fail / na, with the inspector's note per item (JSON).</summary>
    public string? AnswersJson { get; private set; }

    /// <summary>Stored photo paths (JSON array) and the signature image's path.</summary>
    public string? PhotosJson { get; private set; }
    public string? SignaturePath { get; private set; }
    public string? SignerName { get; private set; }
    public string? Note { get; private set; }
    public long? StartedAtMs { get; private set; }
    public long? CompletedAtMs { get; private set; }
    public double? RecordedLon { get; private set; }
    public double? RecordedLat { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void Plan(string inspector, DateOnly day, int order, long nowMs)
    {
        Inspector = inspector;
        PlannedOn = day;
        RouteOrder = order;
        Status = InspectionStatus.Planned;
        Touch(nowMs);
    }

    public void Unplan(long nowMs)
    {
        Inspector = null;
        PlannedOn = null;
        RouteOrder = null;
        Status = InspectionStatus.Due;
        Touch(nowMs);
    }

    public void Start(long nowMs)
    {
        StartedAtMs ??= nowMs;
        Touch(nowMs);
    }

    public void Complete(string inspector, string outcome, int templateRevision, string answersJson, string photosJson, string? signaturePath,
        string? signerName, string? note, double? lon, double? lat, long nowMs)
    {
        Inspector = inspector;
        Outcome = outcome;
        TemplateRevision = templateRevision;
        AnswersJson = answersJson;
        PhotosJson = photosJson;
        SignaturePath = signaturePath;
        SignerName = signerName;
        Note = note;
        RecordedLon = lon;
        RecordedLat = lat;
        StartedAtMs ??= nowMs;
        CompletedAtMs = nowMs;
        Status = InspectionStatus.Done;
        OpenPeriodicFor = null;
        Touch(nowMs);
    }

    public void Cancel(long nowMs)
    {
        Status = InspectionStatus.Cancelled;
        OpenPeriodicFor = null;
        Touch(nowMs);
    }

    private void Touch(long nowMs)
    {
        UpdatedAtMs = nowMs;
        Version++;
    }
}

public static class InspectionKinds
{
    public const string Periodic = "periodic";
    public const string Reinspection = "reinspection";
}

public static class InspectionOutcomes
{
    public const string Pass = "pass";
    public const string Hazards = "hazards";
    public const string Absent = "absent";
    public const string Refused = "refused";
    public static IReadOnlyList<string> All { get; } = [Pass, Hazards, Absent, Refused];
}
