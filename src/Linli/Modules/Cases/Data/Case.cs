using NetTopologySuite.Geometries;

namespace Linli.Modules.Cases.Data;

/// <summary>
/// A reported problem on its way round the closed loop. The state lives here and changes only
/// through the transition methods in <c>Case.Transitions.cs</c>, each of which appends to the
/// history; <see cref="Version"/> guards concurrent changes (the ETag).
/// </summary>
public sealed partial class Case
{
    private readonly List<CaseEvent> _history = [];

    private Case()
    {
        Number = "";
        CategoryCode = "";
        Priority = "";
        Description = "";
        DistrictCode = "";
        GridCode = "";
        Location = Point.Empty;
        FollowTokenHash = "";
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; }
    public CaseSource Source { get; private set; }
    public string CategoryCode { get; private set; }
    public string Priority { get; private set; }
    public string Description { get; private set; }
    public string? Address { get; private set; }
    public Point Location { get; private set; }
    public string DistrictCode { get; private set; }
    public string? StreetCode { get; private set; }
    public string? CommunityCode { get; private set; }
    public string GridCode { get; private set; }
    public string? BuildingCode { get; private set; }

    public string? ReporterUserId { get; private set; }
    public string? ReporterNameProtected { get; private set; }
    public string? ReporterPhoneProtected { get; private set; }

    /// <summary>SHA-256 of the secret in the reporter's follow link; the secret itself is never stored.</summary>
    public string FollowTokenHash { get; private set; }

    public CaseStage Stage { get; private set; }
    public string? AssignedUnit { get; private set; }

    /// <summary>The handler within the unit, when the dispatcher names one (a username).</summary>
    public string? AssignedPerson { get; private set; }
    public bool SelfHandled { get; private set; }
    public int ReturnCount { get; private set; }
    public int ReworkCount { get; private set; }
    public int DispatchCount { get; private set; }
    public double? PendingExtensionHours { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }
    public long ReportedAtMs { get; private set; }
    public DateTimeOffset StageStartedAt { get; private set; }

    /// <summary>The history sequence that started the current stage.</summary>
    public int StageEntry { get; private set; }
    public long? StageWarningAtMs { get; private set; }
    public long? StageDeadlineMs { get; private set; }
    public long CaseDeadlineMs { get; private set; }
    public long? ClosedAtMs { get; private set; }
    public bool ClosedOnTime { get; private set; }

    /// <summary>How many reports this case stands for: the first and every duplicate attached to it.</summary>
    public int ReportCount { get; private set; }

    /// <summary>The cell of the duplicate search grid (<see cref="Duplicates.DuplicateRules.Cell(double, double)"/>), indexed with the time.</summary>
    public long SpotCell { get; private set; }

    /// <summary>The case this one was merged into by staff (stage merged).</summary>
    public Guid? MergedIntoId { get; private set; }

    public int Version { get; private set; }
    public IReadOnlyList<CaseEvent> History => _history;
}
