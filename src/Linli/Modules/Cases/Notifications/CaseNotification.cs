namespace Linli.Modules.Cases.Notifications;

/// <summary>
/// Something the people of a case should know: it was reported, dispatched, returned, fed back,
/// escalated… Addressed by the case's grid (everyone whose scope covers it), its unit, and its
/// reporter; kept as the in-app inbox and pushed live over SignalR.
/// </summary>
public sealed class CaseNotification
{
    private CaseNotification()
    {
        CaseNumber = "";
        Kind = "";
        Text = "";
        GridCode = "";
    }

    public CaseNotification(Guid caseId, string caseNumber, string kind, string text, string gridCode, string? unit, string? reporterUserId, long createdAtMs)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
        Kind = kind;
        Text = text;
        GridCode = gridCode;
        Unit = unit;
        ReporterUserId = reporterUserId;
        CreatedAtMs = createdAtMs;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; }
    public string Kind { get; private set; }
    public string Text { get; private set; }
    public string GridCode { get; private set; }
    public string? Unit { get; private set; }
    public string? ReporterUserId { get; private set; }
    public long CreatedAtMs { get; private set; }
}

/// <summary>That a user has read a notification.</summary>
public sealed class NotificationRead
{
    private NotificationRead()
    {
        UserId = "";
    }

    public NotificationRead(string userId, long notificationId)
    {
        UserId = userId;
        NotificationId = notificationId;
    }

    public string UserId { get; private set; }
    public long NotificationId { get; private set; }
}

public sealed record NotificationView(long Id, Guid CaseId, string CaseNumber, string Kind, string Text, DateTimeOffset At, bool Read);
