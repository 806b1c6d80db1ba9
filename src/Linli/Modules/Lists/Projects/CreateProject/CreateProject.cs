using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Projects.Data;
using Linli.Modules.Lists.Projects.QueryProjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Projects.CreateProject;

public sealed record MilestoneDraft(string? Title, DateOnly? Due);

/// <summary>
/// A new project: <c>origin</c> "volunteered" lists it for units to take up (揭榜); "assigned" gives
/// it to a unit now (认领), with the lead unit and owner. Open needs of the region may be linked.
/// </summary>
public sealed record CreateProjectRequest(string? Title, string? Description, string? Region, string? Origin, string? LeadUnit, string? OwnerName,
    DateOnly? PlannedStart, DateOnly? PlannedEnd, IReadOnlyList<Guid>? DemandIds, IReadOnlyList<MilestoneDraft>? Milestones);

/// <summary><c>POST /api/v1/projects</c>: the street or community puts a project on the list.</summary>
internal static class CreateProject
{
    public static async Task<Created<ProjectView>> Handle(CreateProjectRequest request, HttpContext http, LinliDb db, IAccessControl access,
        IRegionLookup regions, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await CreateAsync(request, http.User, db, access, regions, protector, clock, ct);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> CreateAsync(CreateProjectRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var title = ProjectSaves.Required(request.Title, "title", 200);
        var region = ProjectSaves.Required(request.Region, "region", 32);
        if (regions.PathTo(region).Count == 0) throw new RequestValidationException("region", $"'{region}' is not a region of this city");
        var origin = request.Origin ?? ProjectOrigins.Volunteered;
        if (origin is not (ProjectOrigins.Volunteered or ProjectOrigins.Assigned))
        {
            throw new RequestValidationException("origin", "'volunteered' (listed for a unit to take up) or 'assigned' (given to a unit now); matched projects come from the matching");
        }
        if (request.Description is { Length: > 2000 }) throw new RequestValidationException("description", "at most 2,000 characters");
        if (request.PlannedStart is { } start && request.PlannedEnd is { } end && end < start) throw new RequestValidationException("plannedEnd", "before the planned start");
        var milestones = (request.Milestones ?? []).Select(m => (Title: ProjectSaves.Required(m.Title, "milestones", 200), m.Due)).ToList();
        if (milestones.Count > 50) throw new RequestValidationException("milestones", "at most 50");
        await access.EnsureAsync(user, Permissions.ProjectsManage, region);

        var now = clock.GetUtcNow();
        var actor = Actor(user);
        var project = new Project(Guid.CreateVersion7(now), await ProjectNumbers.TakeAsync(db, now, ct), title, request.Description?.Trim() ?? "",
            origin, region, request.PlannedStart, request.PlannedEnd, actor, now);
        db.Projects.Add(project);
        db.ListEvents.Add(project.Created(actor, now));
        foreach (var (milestone, due) in milestones)
        {
            db.ListEvents.Add(project.MilestoneAdded(Guid.CreateVersion7(now), milestone, due, actor, now));
        }
        if (origin == ProjectOrigins.Assigned)
        {
            var unit = ProjectSaves.Required(request.LeadUnit, "leadUnit", 100);
            var owner = ProjectSaves.Required(request.OwnerName, "ownerName", 50);
            db.ListEvents.Add(project.Started(ProjectOrigins.Assigned, unit, null, protector.Protect(owner), actor, now));
        }
        await LinkDemandsAsync(project, request.DemandIds ?? [], db, actor, now, ct);
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }

    private static async Task LinkDemandsAsync(Project project, IReadOnlyList<Guid> ids, LinliDb db, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > 200) throw new RequestValidationException("demandIds", "at most 200");
        var demands = await db.Demands.Where(d => distinct.Contains(d.Id)).ToListAsync(ct);
        if (distinct.Except(demands.Select(d => d.Id)).FirstOrDefault() is var missing && missing != Guid.Empty)
        {
            throw new RequestValidationException("demandIds", $"need {missing} does not exist");
        }
        foreach (var demand in demands)
        {
            if (!RegionScope.Covers(project.RegionCode, demand.RegionCode))
            {
                throw new RequestValidationException("demandIds", $"need {demand.Id} is outside region {project.RegionCode}");
            }
            db.ListEvents.Add(demand.JoinedProject(project.Id, actor, now));
        }
    }

    public static string Actor(ClaimsPrincipal user) => Matching.ProposeMatches.ProposeMatches.Actor(user);
}
