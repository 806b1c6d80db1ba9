namespace Linli.Modules.People.Data;

/// <summary>
/// A grid worker's visit (走访) to a household: how, when, what was seen and asked, what follows,
/// and the needs it put on the demand list. Written once; a later visit is a new record.
/// </summary>
public sealed class Visit
{
    private Visit()
    {
        BuildingCode = WorkerUserId = WorkerName = Kind = Seen = Asked = DemandIds = "";
    }

    public Visit(Guid id, Guid householdId, string buildingCode, string workerUserId, string workerName, long visitedAtMs, string kind,
        string seen, string asked, string? followUp, DateTimeOffset now)
    {
        Id = id;
        HouseholdId = householdId;
        BuildingCode = buildingCode;
        WorkerUserId = workerUserId;
        WorkerName = workerName;
        VisitedAtMs = visitedAtMs;
        Kind = kind;
        Seen = seen;
        Asked = asked;
        FollowUp = followUp;
        DemandIds = "";
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }

    /// <summary>The household's building at the time, so visits can be listed by region without a join.</summary>
    public string BuildingCode { get; private set; }

    public string WorkerUserId { get; private set; }
    public string WorkerName { get; private set; }
    public long VisitedAtMs { get; private set; }

    /// <summary>door (入户), phone (电话), follow-up (回访).</summary>
    public string Kind { get; private set; }

    public string Seen { get; private set; }
    public string Asked { get; private set; }
    public string? FollowUp { get; private set; }

    /// <summary>Comma-separated ids of the demands recorded from this visit.</summary>
    public string DemandIds { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<Guid> DemandIdList => DemandIds.Length == 0 ? [] : DemandIds.Split(',').Select(Guid.Parse).ToList();

    public void Recorded(IReadOnlyList<Guid> demandIds) => DemandIds = string.Join(',', demandIds);
}
