using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Projects.Data;
using Linli.Modules.Lists.Projects.QueryProjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.Projects.TakeUpProject;

/// <summary>A handler volunteers her unit (揭榜); <c>unit</c> picks one when she works for several; she is the owner unless <c>ownerName</c> names another.</summary>
public sealed record VolunteerRequest(string? Unit, string? OwnerName);

/// <summary>The street gives the project to a unit (认领).</summary>
public sealed record AssignRequest(string? LeadUnit, string? OwnerName);

/// <summary>
/// <c>POST /api/v1/projects/{id}/volunteer</c> and <c>…/assign</c>: a listed project gets its lead
/// unit and owner and is in progress from then on.
/// </summary>
internal static class TakeUpProject
{
    public static async Task<Ok<ProjectView>> Volunteer(Guid id, VolunteerRequest request, HttpContext http, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await VolunteerAsync(id, request, http.User, db, access, protector, clock, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> VolunteerAsync(Guid id, VolunteerRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var units = await ProjectAccess.UnitsAsync(user, access);
        if (units.Count == 0)
        {
            throw new ForbiddenException("Not allowed: only a department's handlers volunteer their unit for a project.");
        }
        var unit = request.Unit ?? (units.Count == 1 ? units[0] : throw new RequestValidationException("unit", $"you work for {string.Join(", ", units)}: say which unit volunteers"));
        if (!units.Contains(unit))
        {
            throw new ForbiddenException($"Not allowed: you do not work for unit {unit}.");
        }
        if (request.OwnerName is { Length: > 50 }) throw new RequestValidationException("ownerName", "at most 50 characters");
        var project = await QueryProjects.QueryProjects.VisibleAsync(id, user, db, access, tracking: true, ct);
        var actor = CreateProject.CreateProject.Actor(user);
        var owner = string.IsNullOrWhiteSpace(request.OwnerName) ? actor : request.OwnerName.Trim();
        var now = clock.GetUtcNow();
        db.ListEvents.Add(project.Started(ProjectOrigins.Volunteered, unit, user.FindFirstValue(ClaimTypes.NameIdentifier), protector.Protect(owner), actor, now));
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }

    public static async Task<Ok<ProjectView>> Assign(Guid id, AssignRequest request, HttpContext http, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await AssignAsync(id, request, http.User, db, access, protector, clock, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    public static async Task<Project> AssignAsync(Guid id, AssignRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var project = await QueryProjects.QueryProjects.VisibleAsync(id, user, db, access, tracking: true, ct);
        await access.EnsureAsync(user, Permissions.ProjectsManage, project.RegionCode);
        var unit = ProjectSaves.Required(request.LeadUnit, "leadUnit", 100);
        var owner = ProjectSaves.Required(request.OwnerName, "ownerName", 50);
        var now = clock.GetUtcNow();
        db.ListEvents.Add(project.Started(ProjectOrigins.Assigned, unit, null, protector.Protect(owner), CreateProject.CreateProject.Actor(user), now));
        await ProjectSaves.SaveAsync(db, project.Number, ct);
        return project;
    }
}
