namespace Linli.Modules.Lists.Data;

public enum ListEntity
{
    Demand,
    Resource,
    Project,
}

/// <summary>One step in the life of a demand, resource or project: the accountable history of the lists.</summary>
public sealed class ListEvent(ListEntity entity, Guid entityId, string action, string actor, string? note, DateTimeOffset at)
{
    public long Id { get; private set; }
    public ListEntity Entity { get; private set; } = entity;
    public Guid EntityId { get; private set; } = entityId;
    public string Action { get; private set; } = action;
    public string Actor { get; private set; } = actor;
    public string? Note { get; private set; } = note;
    public DateTimeOffset At { get; private set; } = at;
}
