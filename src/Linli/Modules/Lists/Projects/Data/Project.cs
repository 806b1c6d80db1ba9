using Linli.Infrastructure.Errors;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Projects.Data;

public enum ProjectStatus
{
    /// <summary>On the list, waiting for a unit to take it up (揭榜) or to be assigned one (认领).</summary>
    Listed,
    InProgress,

    /// <summary>Closed off (销号) with evidence.</summary>
    ClosedOff,
}

/// <summary>How a project came about (DOMAIN.md §3): three ways at the party-building joint meeting.</summary>
public static class ProjectOrigins
{
    /// <summary>Confirmed from matching proposals.</summary>
    public const string Matched = "matched";

    /// <summary>Listed by the street; a unit volunteered for it (揭榜).</summary>
    public const string Volunteered = "volunteered";

    /// <summary>The street assigned a unit (认领).</summary>
    public const string Assigned = "assigned";

    public static IReadOnlyList<string> All { get; } = [Matched, Volunteered, Assigned];
}

/// <summary>
/// A project on the project list (项目清单): a lead unit and an owner answer for meeting some needs
/// with some resources, through milestones, until the community closes it off with evidence and
/// the residents rate it. Every change returns the step of the history the caller stores.
/// </summary>
public sealed class Project
{
    private readonly List<ProjectMilestone> _milestones = [];

    private Project()
    {
        Number = Title = Description = Origin = RegionCode = CreatedBy = "";
    }

    public Project(Guid id, string number, string title, string description, string origin, string regionCode,
        DateOnly? plannedStart, DateOnly? plannedEnd, string createdBy, DateTimeOffset now)
    {
        Id = id;
        Number = number;
        Title = title;
        Description = description;
        Origin = origin;
        RegionCode = regionCode;
        PlannedStart = plannedStart;
        PlannedEnd = plannedEnd;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        Status = ProjectStatus.Listed;
    }

    public Guid Id { get; private set; }

    /// <summary>For people: XM-2026-0007.</summary>
    public string Number { get; private set; }

    public string Title { get; private set; }
    public string Description { get; private set; }

    /// <summary>One of <see cref="ProjectOrigins"/>.</summary>
    public string Origin { get; private set; }

    /// <summary>The community or street the project serves; scopes who may see and manage it.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The unit that leads: a department's code, a co-building unit's or merchant's name.</summary>
    public string? LeadUnit { get; private set; }

    /// <summary>The owner's account, when the owner has one (the handler who volunteered).</summary>
    public string? OwnerUserId { get; private set; }

    /// <summary>The owner's name, protected as personal data; shown masked.</summary>
    public string? OwnerNameProtected { get; private set; }

    public DateOnly? PlannedStart { get; private set; }
    public DateOnly? PlannedEnd { get; private set; }
    public ProjectStatus Status { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosingEvidence { get; private set; }

    /// <summary>Comma-separated ids of the evidence photos.</summary>
    public string ClosingPhotoIds { get; private set; } = "";

    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public string? RatedBy { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two people acting on the same project at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ProjectMilestone> Milestones => _milestones;

    /// <summary>Done milestones over all milestones; a closed-off project is done whatever its milestones say.</summary>
    public int Progress => Status == ProjectStatus.ClosedOff ? 100
        : _milestones.Count == 0 ? 0
        : (int)Math.Round(100.0 * _milestones.Count(m => m.DoneAt is not null) / _milestones.Count);

    public IReadOnlyList<Guid> ClosingPhotos => ClosingPhotoIds.Length == 0 ? [] : [.. ClosingPhotoIds.Split(',').Select(Guid.Parse)];

    /// <summary>Put on the list: open for a unit to volunteer until one does or the street assigns one.</summary>
    public ListEvent Created(string actor, DateTimeOffset now) => Event("created", actor, Title, now);

    /// <summary>A unit takes the project on: by volunteering (揭榜), by the street's assignment (认领), or as formed by matching.</summary>
    public ListEvent Started(string origin, string leadUnit, string? ownerUserId, string? ownerNameProtected, string actor, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.Listed, "only a listed project can be taken up by a unit");
        Origin = origin;
        LeadUnit = leadUnit;
        OwnerUserId = ownerUserId;
        OwnerNameProtected = ownerNameProtected;
        Status = ProjectStatus.InProgress;
        StartedAt = now;
        return Event(origin switch { ProjectOrigins.Volunteered => "volunteered", ProjectOrigins.Assigned => "assigned", _ => "started" }, actor, leadUnit, now);
    }

    public ListEvent MilestoneAdded(Guid milestoneId, string title, DateOnly? due, string actor, DateTimeOffset now)
    {
        Require(Status != ProjectStatus.ClosedOff, "a closed-off project takes no more milestones");
        _milestones.Add(new ProjectMilestone(milestoneId, Id, _milestones.Count + 1, title, due));
        return Event("milestone-added", actor, due is { } d ? $"{title} ({d:yyyy-MM-dd})" : title, now);
    }

    public ListEvent MilestoneDone(Guid milestoneId, string evidence, string actor, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.InProgress, "milestones are completed while the project is in progress");
        var milestone = _milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new NotFoundException($"Project {Number} has no milestone {milestoneId}.");
        milestone.Complete(evidence, now);
        return Event("milestone-done", actor, $"{milestone.Title}: {evidence}", now);
    }

    /// <summary>Closed off (销号): the community checks the work is done and records the evidence.</summary>
    public ListEvent ClosedOff(string evidence, IReadOnlyList<Guid> photoIds, string actor, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.InProgress, "only a project in progress can be closed off");
        Status = ProjectStatus.ClosedOff;
        ClosedAt = now;
        ClosingEvidence = evidence;
        ClosingPhotoIds = string.Join(',', photoIds);
        return Event("closed-off", actor, evidence, now);
    }

    /// <summary>The residents' rating, recorded by staff after the close-off (at a residents' meeting or a visit).</summary>
    public ListEvent Rated(int rating, string? comment, string actor, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.ClosedOff, "residents rate a project after it is closed off");
        Require(Rating is null, "the project is already rated");
        Rating = rating;
        RatingComment = comment;
        RatedBy = actor;
        return Event("rated", actor, comment is null ? $"{rating}/5" : $"{rating}/5 {comment}", now);
    }

    private ListEvent Event(string action, string actor, string? note, DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        return new ListEvent(ListEntity.Project, Id, action, actor, note, now);
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new DomainException("Not allowed now", reason);
        }
    }
}

/// <summary>A step of a project with its due date; done with evidence of what was done.</summary>
public sealed class ProjectMilestone
{
    private ProjectMilestone()
    {
        Title = "";
    }

    public ProjectMilestone(Guid id, Guid projectId, int position, string title, DateOnly? due)
    {
        Id = id;
        ProjectId = projectId;
        Position = position;
        Title = title;
        Due = due;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; }
    public DateOnly? Due { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? Evidence { get; private set; }

    public void Complete(string evidence, DateTimeOffset now)
    {
        if (DoneAt is not null)
        {
            throw new DomainException("Not allowed now", $"milestone '{Title}' is already done");
        }
        DoneAt = now;
        Evidence = evidence;
    }
}
