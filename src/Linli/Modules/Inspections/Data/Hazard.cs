namespace Linli.Modules.Inspections.Data;

public enum HazardStatus
{
    /// <summary>Found and notified in writing; the user is rectifying before the deadline.</summary>
    Open,

    /// <summary>The user says it is rectified; a re-inspection is planned.</summary>
    AwaitingReinspection,

    /// <summary>A re-inspection passed.</summary>
    Closed,
}

/// <summary>
/// A hazard (隐患) found at a user: graded general or major, with its written rectification notice
/// and deadline. A major one opens a case in Cases; it closes only when a re-inspection passes, and
/// escalates while its deadline is overdue.
/// </summary>
public sealed partial class Hazard
{
    private Hazard()
    {
        Utility = Number = ItemCode = Grade = Description = NoticeNumber = FoundBy = "";
    }

    public Hazard(Guid id, string utility, string number, Guid customerId, Guid? inspectionId, string itemCode, string grade, string description,
        string noticeNumber, DateOnly deadline, string foundBy, long nowMs)
    {
        Id = id;
        Utility = utility;
        Number = number;
        CustomerId = customerId;
        InspectionId = inspectionId;
        ItemCode = itemCode;
        Grade = grade;
        Description = description;
        NoticeNumber = noticeNumber;
        NoticeIssuedAtMs = nowMs;
        Deadline = deadline;
        FoundBy = foundBy;
        FoundAtMs = UpdatedAtMs = nowMs;
        Status = HazardStatus.Open;
    }

    public Guid Id { get; private set; }
    public string Utility { get; private set; }

    /// <summary>YH-yyyymmdd-NNNN: what the notice and the user quote.</summary>
    public string Number { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The inspection that found it; null for a finding the system made (no periodic inspection).</summary>
    public Guid? InspectionId { get; private set; }

    public string ItemCode { get; private set; }

    /// <summary>general or major (<see cref="HazardGrades"/>).</summary>
    public string Grade { get; private set; }

    public string Description { get; private set; }

    /// <summary>The written rectification notice (整改通知书) issued with the finding.</summary>
    public string NoticeNumber { get; private set; }
    public long NoticeIssuedAtMs { get; private set; }
    public DateOnly Deadline { get; private set; }

    public HazardStatus Status { get; private set; }

    /// <summary>The case a major hazard opened in Cases.</summary>
    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }

    /// <summary>The re-inspection planned to close it.</summary>
    public Guid? ReinspectionId { get; private set; }

    /// <summary>0 while within the deadline; each overdue escalation raises it by one.</summary>
    public int EscalationLevel { get; private set; }
    public long? LastEscalatedAtMs { get; private set; }

    public long? ClosedAtMs { get; private set; }
    public Guid? ClosedByInspectionId { get; private set; }

    /// <summary>Whether it closed by its deadline (set on closing; the indicators count it).</summary>
    public bool? RectifiedOnTime { get; private set; }

    public string FoundBy { get; private set; }
    public long FoundAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void LinkCase(Guid caseId, string caseNumber, long nowMs)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
        Touch(nowMs);
    }

    public void AwaitReinspection(Guid reinspectionId, long nowMs)
    {
        ReinspectionId = reinspectionId;
        Status = HazardStatus.AwaitingReinspection;
        Touch(nowMs);
    }

    /// <summary>A failed re-inspection: still open, a new re-inspection will be planned.</summary>
    public void Reopen(long nowMs)
    {
        ReinspectionId = null;
        Status = HazardStatus.Open;
        Touch(nowMs);
    }

    public void Escalate(long nowMs)
    {
        EscalationLevel++;
        LastEscalatedAtMs = nowMs;
        Touch(nowMs);
    }

    public void Close(Guid? byInspectionId, DateOnly closedOn, long nowMs)
    {
        Status = HazardStatus.Closed;
        ClosedByInspectionId = byInspectionId;
        ClosedAtMs = nowMs;
        RectifiedOnTime = closedOn <= Deadline;
        Touch(nowMs);
    }

    private void Touch(long nowMs)
    {
        UpdatedAtMs = nowMs;
        Version++;
    }
}
