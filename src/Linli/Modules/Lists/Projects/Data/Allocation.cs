namespace Linli.Modules.Lists.Projects.Data;

/// <summary>
/// Part of a resource's weekly capacity given to one need, directly or within a project. A
/// resource's remaining capacity is its capacity per week less its active allocations; a project's
/// close-off ends its allocations and frees the capacity.
/// </summary>
public sealed class Allocation
{
    private Allocation()
    {
        CreatedBy = "";
    }

    public Allocation(Guid id, Guid demandId, Guid resourceId, int quantityPerWeek, Guid? projectId, Guid? runId, string createdBy, DateTimeOffset now)
    {
        Id = id;
        DemandId = demandId;
        ResourceId = resourceId;
        QuantityPerWeek = quantityPerWeek;
        ProjectId = projectId;
        RunId = runId;
        CreatedBy = createdBy;
        CreatedAt = now;
        Active = true;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid ResourceId { get; private set; }
    public int QuantityPerWeek { get; private set; }
    public Guid? ProjectId { get; private set; }

    /// <summary>The matching run whose proposal it confirmed, if any.</summary>
    public Guid? RunId { get; private set; }

    public bool Active { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public void End(DateTimeOffset now)
    {
        Active = false;
        EndedAt = now;
    }
}

/// <summary>The last project number taken in a year (numbers restart every year).</summary>
public sealed class ProjectNumberCounter
{
    public int Year { get; private set; }
    public int Last { get; private set; }
}
