namespace Linli.Modules.Cases.Targets;

/// <summary>That a case reached a milestone (dispatched, on scene, …): the first time counts, so one row per case and milestone.</summary>
public sealed class CaseMilestone
{
    private CaseMilestone()
    {
        Milestone = Actor = "";
    }

    public CaseMilestone(Guid caseId, string milestone, long atMs, string actor)
    {
        CaseId = caseId;
        Milestone = milestone;
        AtMs = atMs;
        Actor = actor;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Milestone { get; private set; }
    public long AtMs { get; private set; }
    public string Actor { get; private set; }
}

/// <summary>
/// That a case missed one of its category's targets, recorded once (unique on case, milestone and who set
/// the target) however many nodes sweep; the escalation of that target.
/// </summary>
public sealed class CaseTargetMiss
{
    private CaseTargetMiss()
    {
        Milestone = SetBy = "";
    }

    public CaseTargetMiss(Guid caseId, string milestone, string setBy, double minutes, long dueAtMs, long recordedAtMs)
    {
        CaseId = caseId;
        Milestone = milestone;
        SetBy = setBy;
        Minutes = minutes;
        DueAtMs = dueAtMs;
        RecordedAtMs = recordedAtMs;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string Milestone { get; private set; }
    public string SetBy { get; private set; }
    public double Minutes { get; private set; }
    public long DueAtMs { get; private set; }
    public long RecordedAtMs { get; private set; }
}
