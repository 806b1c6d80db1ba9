using System.Linq.Expressions;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Projects.Data;

namespace Linli.Modules.Lists.Projects;

/// <summary>
/// Who may see and work on a project. Region staff see the projects of their scope (lists:read)
/// and manage them (projects:manage). A department is a co-building unit: its handlers see the
/// listed projects they may volunteer for and the ones their unit leads, and record that unit's
/// milestones. Nobody else sees projects.
/// </summary>
internal static class ProjectAccess
{
    /// <summary>403 unless the user may see some projects at all (checked before looking anything up).</summary>
    public static async Task EnsureMaySeeSomeAsync(ClaimsPrincipal user, IAccessControl access)
    {
        if (await access.DenialAsync(user, Permissions.ListsRead) is not null && (await UnitsAsync(user, access)).Count == 0)
        {
            throw new ForbiddenException("Not allowed: projects are for region staff (lists:read) and units that volunteer for them (projects:volunteer).");
        }
    }

    /// <summary>The department codes the user may volunteer for (a handler's department).</summary>
    public static async Task<IReadOnlyList<string>> UnitsAsync(ClaimsPrincipal user, IAccessControl access)
    {
        if (await access.DenialAsync(user, Permissions.ProjectsVolunteer) is not null)
        {
            return [];
        }
        return [.. (await access.AssignmentsAsync(user)).Where(a => a.Role == Roles.DepartmentHandler).Select(a => a.Department).OfType<string>().Distinct()];
    }

    public static async Task<bool> MayReadAsync(ClaimsPrincipal user, IAccessControl access, Project project)
    {
        if (await access.DenialAsync(user, Permissions.ListsRead, project.RegionCode) is null)
        {
            return true;
        }
        var units = await UnitsAsync(user, access);
        return units.Count > 0 && (project.Status == ProjectStatus.Listed || (project.LeadUnit is { } lead && units.Contains(lead)));
    }

    /// <summary>Milestones: the region's project managers, or handlers of the lead unit.</summary>
    public static async Task EnsureMayWorkOnAsync(ClaimsPrincipal user, IAccessControl access, Project project)
    {
        if (await access.DenialAsync(user, Permissions.ProjectsManage, project.RegionCode) is null)
        {
            return;
        }
        if (project.LeadUnit is { } lead && (await UnitsAsync(user, access)).Contains(lead))
        {
            return;
        }
        throw new ForbiddenException($"Not allowed: only project managers of region {project.RegionCode} or the lead unit ({project.LeadUnit ?? "none yet"}) work on project {project.Number}.");
    }

    /// <summary>The projects a user may see, as one predicate for the list.</summary>
    public static async Task<Expression<Func<Project, bool>>> VisibilityAsync(ClaimsPrincipal user, IAccessControl access)
    {
        var scopes = await access.ScopesAsync(user, Permissions.ListsRead);
        if (scopes is null && await access.DenialAsync(user, Permissions.ListsRead) is null)
        {
            return p => true;
        }
        var p = Expression.Parameter(typeof(Project), "p");
        Expression? any = null;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var scope in scopes ?? [])
        {
            any = Or(any, Expression.Call(Expression.Property(p, nameof(Project.RegionCode)), startsWith, Expression.Constant(RegionScope.Prefix(scope))));
        }
        var units = await UnitsAsync(user, access);
        if (units.Count > 0)
        {
            Expression<Func<Project, bool>> unit = x => x.Status == ProjectStatus.Listed || (x.LeadUnit != null && units.Contains(x.LeadUnit));
            any = Or(any, new Swap(unit.Parameters[0], p).Visit(unit.Body));
        }
        return Expression.Lambda<Func<Project, bool>>(any ?? Expression.Constant(false), p);
    }

    private static Expression Or(Expression? left, Expression right) => left is null ? right : Expression.OrElse(left, right);

    private sealed class Swap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
