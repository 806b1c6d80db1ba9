namespace Linli.Modules.Cases.Data;

/// <summary>One line of a case's history: who did what, when, from which stage to which. Never rewritten.</summary>
public sealed class CaseEvent
{
    private CaseEvent()
    {
        Action = "";
        FromStage = "";
        ToStage = "";
    }

    public CaseEvent(Guid caseId, int sequence, DateTimeOffset at, string? userId, string? userName, string action,
        CaseStage from, CaseStage to, string? note, string? data)
    {
        CaseId = caseId;
        Sequence = sequence;
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        FromStage = CaseNames.Stage(from);
        ToStage = CaseNames.Stage(to);
        Note = note;
        Data = data;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string Action { get; private set; }
    public string FromStage { get; private set; }
    public string ToStage { get; private set; }
    public string? Note { get; private set; }

    /// <summary>What the action carried (unit, rating, extension…), as JSON.</summary>
    public string? Data { get; private set; }
}

/// <summary>Supervision (督办) of an overdue stage, recorded once per level up the region tree.</summary>
public sealed class CaseEscalation
{
    private CaseEscalation()
    {
        Stage = "";
        RegionCode = "";
    }

    public CaseEscalation(Guid caseId, int stageEntry, string stage, int level, string regionCode, DateTimeOffset at)
    {
        CaseId = caseId;
        StageEntry = stageEntry;
        Stage = stage;
        Level = level;
        RegionCode = regionCode;
        At = at;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The history sequence that started the overdue stage: a reworked stage is a new entry.</summary>
    public int StageEntry { get; private set; }
    public string Stage { get; private set; }

    /// <summary>1 = the level above the case's grid (community), 2 = street, 3 = district, 4 = city.</summary>
    public int Level { get; private set; }
    public string RegionCode { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>A remembered intake, so that a retried report with the same key is the same case.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Key = "";
        RequestHash = "";
    }

    public IdempotencyRecord(string key, string requestHash, Guid caseId, Guid reportId, long createdAtMs)
    {
        Key = key;
        RequestHash = requestHash;
        CaseId = caseId;
        ReportId = reportId;
        CreatedAtMs = createdAtMs;
    }

    public string Key { get; private set; }
    public string RequestHash { get; private set; }

    /// <summary>The case the report opened or joined at intake (it may have moved since: follow <see cref="ReportId"/>).</summary>
    public Guid CaseId { get; private set; }
    public Guid ReportId { get; private set; }
    public long CreatedAtMs { get; private set; }
}

/// <summary>The next case number of a district on a day; one row, incremented in the intake transaction.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter()
    {
        District = "";
        Day = "";
    }

    public CaseNumberCounter(string district, string day, int last)
    {
        District = district;
        Day = day;
        Last = last;
    }

    public string District { get; private set; }
    public string Day { get; private set; }
    public int Last { get; private set; }
}
