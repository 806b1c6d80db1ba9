using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Projects.Data;
using Linli.Modules.Lists.Projects.QueryProjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.Projects.Milestones;

public sealed record AddMilestoneRequest(string? Title, DateOnly? Due);

public sealed record CompleteMilestoneRequest(string? Evidence);

/// <summary>
/// <c>POST /api/v1/projects/{id}/milestones</c> and <c>…/milestones/{milestoneId}/complete</c>: the
/// steps of a project and the evidence each was done; progress follows from them.
/// </summary>
internal static class Milestones
{
    public static async Task<Ok<ProjectView>> Add(Guid id, AddMilestoneRequest request, HttpContext http, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await AddAsync(id, request, http.User, db, access, clock, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> AddAsync(Guid id, AddMilestoneRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var project = await QueryProjects.QueryProjects.VisibleAsync(id, user, db, access, tracking: true, ct);
        await ProjectAccess.EnsureMayWorkOnAsync(user, access, project);
        var title = ProjectSaves.Required(request.Title, "title", 200);
        var now = clock.GetUtcNow();
        var milestoneId = Guid.CreateVersion7(now);
        db.ListEvents.Add(project.MilestoneAdded(milestoneId, title, request.Due, CreateProject.CreateProject.Actor(user), now));
        db.ProjectMilestones.Add(project.Milestones.Single(m => m.Id == milestoneId));
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }

    public static async Task<Ok<ProjectView>> Complete(Guid id, Guid milestoneId, CompleteMilestoneRequest request, HttpContext http, LinliDb db,
        IAccessControl access, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await CompleteAsync(id, milestoneId, request, http.User, db, access, clock, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> CompleteAsync(Guid id, Guid milestoneId, CompleteMilestoneRequest request, ClaimsPrincipal user, LinliDb db,
        IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var project = await QueryProjects.QueryProjects.VisibleAsync(id, user, db, access, tracking: true, ct);
        await ProjectAccess.EnsureMayWorkOnAsync(user, access, project);
        var evidence = ProjectSaves.Required(request.Evidence, "evidence", 2000);
        var now = clock.GetUtcNow();
        db.ListEvents.Add(project.MilestoneDone(milestoneId, evidence, CreateProject.CreateProject.Actor(user), now));
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }
}
