using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Projects.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Projects.QueryProjects;

/// <summary><c>GET /api/v1/projects</c> and <c>GET /api/v1/projects/{id}</c>: the project list within what the user may see.</summary>
internal static class QueryProjects
{
    public static async Task<Ok<List<ProjectSummary>>> List(HttpContext http, LinliDb db, IAccessControl access, string? region, string? status,
        string? origin, string? unit, string? q, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(http.User, db, access, new ProjectFilter(region, status, origin, unit, q, limit), ct));

    public static async Task<List<ProjectSummary>> ListAsync(ClaimsPrincipal user, LinliDb db, IAccessControl access, ProjectFilter filter, CancellationToken ct)
    {
        await ProjectAccess.EnsureMaySeeSomeAsync(user, access);
        var size = filter.Limit ?? 200;
        if (size is < 1 or > 500) throw new RequestValidationException("limit", "between 1 and 500");
        var query = db.Projects.AsNoTracking().Include(p => p.Milestones).Where(await ProjectAccess.VisibilityAsync(user, access));
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var prefix = RegionScope.Prefix(filter.Region);
            query = query.Where(p => p.RegionCode.StartsWith(prefix));
        }
        if (filter.Status is not null)
        {
            if (!ProjectViews.TryParseStatus(filter.Status, out var s)) throw new RequestValidationException("status", "listed, in-progress or closed-off");
            query = query.Where(p => p.Status == s);
        }
        if (filter.Origin is not null)
        {
            if (!ProjectOrigins.All.Contains(filter.Origin)) throw new RequestValidationException("origin", string.Join(", ", ProjectOrigins.All));
            query = query.Where(p => p.Origin == filter.Origin);
        }
        if (filter.Unit is not null) query = query.Where(p => p.LeadUnit == filter.Unit);
        if (!string.IsNullOrWhiteSpace(filter.Q)) query = query.Where(p => p.Title.Contains(filter.Q) || p.Number.Contains(filter.Q));
        var projects = await query.OrderByDescending(p => p.Number).Take(size).ToListAsync(ct);
        return [.. projects.Select(ProjectViews.Summary)];
    }

    public static async Task<Ok<ProjectView>> Get(Guid id, HttpContext http, LinliDb db, IAccessControl access, PersonalDataProtector protector,
        CancellationToken ct)
    {
        var project = await VisibleAsync(id, http.User, db, access, tracking: false, ct);
        return TypedResults.Ok(await ProjectViews.LoadAsync(db, project, protector, ct));
    }

    /// <summary>The project, if this user may see it: 403 for someone who sees no projects, 404 when there is none, 403 outside her scope.</summary>
    public static async Task<Project> VisibleAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, bool tracking, CancellationToken ct)
    {
        await ProjectAccess.EnsureMaySeeSomeAsync(user, access);
        var query = tracking ? db.Projects : db.Projects.AsNoTracking();
        var project = await query.Include(p => p.Milestones).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException($"Project {id} does not exist.");
        if (!await ProjectAccess.MayReadAsync(user, access, project))
        {
            throw new ForbiddenException($"Not allowed: project {project.Number} is outside what you may see.");
        }
        return project;
    }
}

public sealed record ProjectFilter(string? Region, string? Status, string? Origin, string? Unit, string? Q, int? Limit);
