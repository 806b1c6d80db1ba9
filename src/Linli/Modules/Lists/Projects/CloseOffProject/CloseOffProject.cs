using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Projects.Data;
using Linli.Modules.Lists.Projects.QueryProjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Projects.CloseOffProject;

public sealed record CloseOffRequest(string? Evidence, IReadOnlyList<Guid>? PhotoIds);

/// <summary>The residents' rating, 1–5, recorded by staff who asked them (at a residents' meeting, on a visit).</summary>
public sealed record RateRequest(int? Rating, string? Comment);

/// <summary>
/// <c>POST /api/v1/projects/{id}/close-off</c> (销号) and <c>…/rate</c>. Closing off fulfils and
/// closes the linked needs with the project's evidence and ends its allocations, so their capacity
/// is free again; all in one save.
/// </summary>
internal static class CloseOffProject
{
    public static async Task<Ok<ProjectView>> CloseOff(Guid id, CloseOffRequest request, HttpContext http, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await CloseOffAsync(id, request, http.User, db, access, clock, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> CloseOffAsync(Guid id, CloseOffRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var project = await QueryProjects.QueryProjects.VisibleAsync(id, user, db, access, tracking: true, ct);
        await access.EnsureAsync(user, Permissions.ProjectsManage, project.RegionCode);
        var evidence = ProjectSaves.Required(request.Evidence, "evidence", 2000);
        var photos = (request.PhotoIds ?? []).Distinct().ToList();
        if (photos.Count > 10) throw new RequestValidationException("photoIds", "at most 10 photos");
        var now = clock.GetUtcNow();
        var actor = CreateProject.CreateProject.Actor(user);
        db.ListEvents.Add(project.ClosedOff(evidence, photos, actor, now));
        var note = $"{project.Number}: {evidence}";
        foreach (var demand in await db.Demands.Where(d => d.ProjectId == project.Id && d.Status == DemandStatus.InProject).ToListAsync(ct))
        {
            db.ListEvents.Add(demand.Fulfilled(actor, note, now));
            db.ListEvents.Add(demand.Closed(actor, note, now));
        }
        foreach (var allocation in await db.Allocations.Where(a => a.ProjectId == project.Id && a.Active).ToListAsync(ct))
        {
            allocation.End(now);
        }
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }

    public static async Task<Ok<ProjectView>> Rate(Guid id, RateRequest request, HttpContext http, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await RateAsync(id, request, http.User, db, access, clock, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> RateAsync(Guid id, RateRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var project = await QueryProjects.QueryProjects.VisibleAsync(id, user, db, access, tracking: true, ct);
        await access.EnsureAsync(user, Permissions.ProjectsManage, project.RegionCode);
        if (request.Rating is not (>= 1 and <= 5)) throw new RequestValidationException("rating", "a whole number from 1 to 5");
        if (request.Comment is { Length: > 500 }) throw new RequestValidationException("comment", "at most 500 characters");
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        db.ListEvents.Add(project.Rated(request.Rating.Value, comment, CreateProject.CreateProject.Actor(user), clock.GetUtcNow()));
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }
}
