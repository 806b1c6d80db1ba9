using System.Security.Claims;
using Linli.Infrastructure.Errors;

namespace Linli.Modules.Access.Contracts;

/// <summary>
/// What part of a unit's data a user may act on with a permission: the units they work for (a
/// department-scoped assignment names its department or utility), the regions they hold it in
/// (district officers follow their districts), or everything (admins). Inspections bound a gas
/// utility's staff with it, Traffic an expressway operator's.
/// </summary>
public sealed record UnitScope(bool Everything, IReadOnlyList<string> Units, IReadOnlyList<string> Regions)
{
    public static async Task<UnitScope> OfAsync(IAccessControl access, ClaimsPrincipal user, string permission)
    {
        var assignments = await access.AssignmentsAsync(user);
        if (assignments.Any(a => a.Role == Roles.Admin))
        {
            return new UnitScope(true, [], []);
        }
        // A user holds one department assignment in practice; its utility bounds every permission the role grants.
        var units = assignments.Where(a => Roles.DepartmentScoped.Contains(a.Role) && a.Department is not null)
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
            return new UnitScope(false, [], []);
        }
        return new UnitScope(false, units, regions);
    }

    public bool Covers(string unit, string regionCode) =>
        Everything || Units.Contains(unit) || Regions.Any(r => RegionScope.Covers(r, regionCode));

    public bool CoversUnit(string unit) => Everything || Units.Contains(unit);

    /// <summary>
    /// The one unit a user works for, for acts that create data (a desk works for one unit); admins
    /// name it or get <paramref name="adminDefault"/>. <paramref name="field"/> names the request field in errors.
    /// </summary>
    public string UnitFor(string? requested, string adminDefault, string field)
    {
        if (requested is { Length: > 0 })
        {
            return CoversUnit(requested) ? requested : throw new ForbiddenException($"You do not work for {field} {requested}.");
        }
        return Units.Count == 1 ? Units[0]
            : Everything ? adminDefault
            : throw new RequestValidationException(field, Units.Count == 0 ? $"you work for no {field}" : $"name one of {string.Join(", ", Units)}");
    }

    /// <summary>Narrows a query in SQL: rows of the user's units, or whose region lies in their regions.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, string>> unit,
        System.Linq.Expressions.Expression<Func<T, string>> regionCode)
    {
        if (Everything)
        {
            return query;
        }
        var parts = new List<IQueryable<T>>();
        if (Units.Count > 0)
        {
            var list = Units.ToList();
            var parameter = unit.Parameters[0];
            var contains = System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
                System.Linq.Expressions.Expression.Constant(list), unit.Body);
            parts.Add(query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter)));
        }
        if (Regions.Count > 0)
        {
            parts.Add(AreaFilter.Within(query, Regions, regionCode));
        }
        return parts.Count == 0 ? query.Where(_ => false) : parts.Aggregate(Queryable.Union);
    }
}
