using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Inspections;

/// <summary>
/// What part of the inspections data a user may act on with a permission: the utilities they work
/// for (a department-scoped assignment names its utility), the regions they hold it in (district
/// officers follow hazards in their districts), or everything (admins).
/// </summary>
internal sealed record UtilityScope(bool Everything, IReadOnlyList<string> Utilities, IReadOnlyList<string> Regions)
{
    public static async Task<UtilityScope> OfAsync(IAccessControl access, ClaimsPrincipal user, string permission)
    {
        var assignments = await access.AssignmentsAsync(user);
        if (assignments.Any(a => a.Role == Roles.Admin))
        {
            return new UtilityScope(true, [], []);
        }
        // A user holds one department assignment in practice; its utility bounds every permission the role grants.
        var utilities = assignments.Where(a => Roles.DepartmentScoped.Contains(a.Role) && a.Department is not null)
            .Select(a => a.Department!).Distinct().ToList();
        // Region scopes come from the permission table, so only roles granted the permission count.
        var regions = await access.ScopesAsync(user, permission);
        if (regions is null)
        {
            // Granted everywhere by a department role: the utility bounds it, not the region.
            regions = [];
        }
        if (await access.DenialAsync(user, permission) is not null)
        {
            return new UtilityScope(false, [], []);
        }
        return new UtilityScope(false, utilities, regions);
    }

    public bool Covers(string utility, string regionCode) =>
        Everything || Utilities.Contains(utility) || Regions.Any(r => RegionScope.Covers(r, regionCode));

    public bool CoversUtility(string utility) => Everything || Utilities.Contains(utility);

    /// <summary>The one utility a user works for, for acts that create data (a desk works for one utility); admins name it.</summary>
    public string UtilityFor(string? requested)
    {
        if (requested is { Length: > 0 })
        {
            return CoversUtility(requested) ? requested : throw new ForbiddenException($"You do not work for utility {requested}.");
        }
        return Utilities.Count == 1 ? Utilities[0]
            : Everything ? "GAS"
            : throw new RequestValidationException("utility", Utilities.Count == 0 ? "you work for no utility" : $"name one of {string.Join(", ", Utilities)}");
    }

    /// <summary>Narrows a query in SQL: rows of the user's utilities, or whose region lies in their regions.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> utility,
        System.Linq.Expressions.Expression<Func<T, string>> regionCode)
    {
        if (Everything)
        {
            return query;
        }
        var parts = new List<IQueryable<T>>();
        if (Utilities.Count > 0)
        {
            var list = Utilities.ToList();
            var parameter = utility.Parameters[0];
            var contains = System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
                System.Linq.Expressions.Expression.Constant(list), utility.Body);
            parts.Add(query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter)));
        }
        if (Regions.Count > 0)
        {
            parts.Add(AreaFilter.Within(query, Regions, regionCode));
        }
        return parts.Count == 0 ? query.Where(_ => false) : parts.Aggregate(Queryable.Union);
    }
}
