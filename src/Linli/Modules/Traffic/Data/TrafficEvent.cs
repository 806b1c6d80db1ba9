namespace Linli.Modules.Traffic.Data;

/// <summary>
/// One step in the history of an incident, a driver's report or a route (rule 6): what happened,
/// who did it, when. One table for the module, keyed by the subject's id.
/// </summary>
public sealed class TrafficEvent
{
    private TrafficEvent()
    {
        SubjectKind = Action = Actor = "";
    }

    public TrafficEvent(Guid subjectId, string subjectKind, string action, string actor, string? note, long atMs)
    {
        SubjectId = subjectId;
        SubjectKind = subjectKind;
        Action = action;
        Actor = actor;
        Note = note;
        AtMs = atMs;
    }

    public long Id { get; private set; }
    public Guid SubjectId { get; private set; }

    /// <summary>incident, accident, route, crew.</summary>
    public string SubjectKind { get; private set; }

    public string Action { get; private set; }
    public string Actor { get; private set; }
    public string? Note { get; private set; }
    public long AtMs { get; private set; }
}
