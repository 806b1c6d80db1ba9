using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Projects.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Projects.QueryProjects;

public sealed record ProjectSummary(Guid Id, string Number, string Title, string Origin, string RegionCode, string? LeadUnit, string Status,
    int Progress, DateOnly? PlannedEnd, int Milestones, int? Rating);

public sealed record ProjectView(Guid Id, string Number, string Title, string Description, string Origin, string RegionCode, string? LeadUnit,
    string? Owner, DateOnly? PlannedStart, DateOnly? PlannedEnd, string Status, int Progress, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? ClosedAt, string? ClosingEvidence, IReadOnlyList<Guid> ClosingPhotoIds, int? Rating, string? RatingComment,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<LinkedDemand> Demands, IReadOnlyList<AllocationView> Allocations,
    IReadOnlyList<HistoryStep> History);

public sealed record MilestoneView(Guid Id, int Position, string Title, DateOnly? Due, DateTimeOffset? DoneAt, string? Evidence);

public sealed record LinkedDemand(Guid Id, string RegionCode, string Category, string Description, int Quantity, string Status);

public sealed record AllocationView(Guid Id, Guid DemandId, Guid ResourceId, string ResourceTitle, string ProviderName, int QuantityPerWeek, bool Active);

public sealed record HistoryStep(DateTimeOffset At, string Action, string Actor, string? Note);

/// <summary>Projects as the API and the pages show them; the owner's name masked.</summary>
internal static class ProjectViews
{
    public static string StatusName(ProjectStatus status) => status switch
    {
        ProjectStatus.Listed => "listed",
        ProjectStatus.InProgress => "in-progress",
        _ => "closed-off",
    };

    public static bool TryParseStatus(string text, out ProjectStatus status)
    {
        foreach (var s in Enum.GetValues<ProjectStatus>())
        {
            if (StatusName(s) == text)
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static ProjectSummary Summary(Project p) => new(p.Id, p.Number, p.Title, p.Origin, p.RegionCode, p.LeadUnit, StatusName(p.Status),
        p.Progress, p.PlannedEnd, p.Milestones.Count, p.Rating);

    public static async Task<ProjectView> LoadAsync(LinliDb db, Project p, PersonalDataProtector protector, CancellationToken ct)
    {
        // Ordered here: SQLite cannot order by DateTimeOffset.
        var demands = (await db.Demands.AsNoTracking().Where(d => d.ProjectId == p.Id).ToListAsync(ct)).OrderBy(d => d.CreatedAt).ToList();
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.ProjectId == p.Id).ToListAsync(ct);
        var resourceIds = allocations.Select(a => a.ResourceId).Distinct().ToList();
        var resources = await db.Resources.AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var history = await db.ListEvents.AsNoTracking().Where(e => e.Entity == ListEntity.Project && e.EntityId == p.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var owner = protector.UnprotectOrMarker(p.OwnerNameProtected) is { } name ? PersonalDataFormats.MaskName(name) : null;
        return new ProjectView(p.Id, p.Number, p.Title, p.Description, p.Origin, p.RegionCode, p.LeadUnit, owner, p.PlannedStart, p.PlannedEnd,
            StatusName(p.Status), p.Progress, p.CreatedAt, p.StartedAt, p.ClosedAt, p.ClosingEvidence, p.ClosingPhotos, p.Rating, p.RatingComment,
            [.. p.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneView(m.Id, m.Position, m.Title, m.Due, m.DoneAt, m.Evidence))],
            [.. demands.Select(d => new LinkedDemand(d.Id, d.RegionCode, d.Category, d.Description, d.Quantity, d.Status.ToString()))],
            [.. allocations.Select(a => new AllocationView(a.Id, a.DemandId, a.ResourceId, resources.GetValueOrDefault(a.ResourceId)?.Title ?? "",
                resources.GetValueOrDefault(a.ResourceId)?.ProviderName ?? "", a.QuantityPerWeek, a.Active))],
            [.. history.Select(e => new HistoryStep(e.At, e.Action, e.Actor, e.Note))]);
    }
}
