using System.Linq.Expressions;
using System.Security.Claims;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.ListAccess;

/// <summary>
/// Which entries of the lists a user may see, as predicates the database evaluates: demands within
/// her <c>lists:read</c> scopes; resources kept within them or by a region above her (a street's
/// unit serves her community too). The list, the map and the coverage use the same predicates.
/// </summary>
internal static class ListScope
{
    public static async Task<Expression<Func<Demand, bool>>> DemandsAsync(ClaimsPrincipal user, IAccessControl access)
    {
        var scopes = await access.ScopesAsync(user, Permissions.ListsRead);
        return scopes is null ? d => true : Under<Demand>(d => d.RegionCode, scopes, []);
    }

    public static async Task<Expression<Func<Resource, bool>>> ResourcesAsync(ClaimsPrincipal user, IAccessControl access, IRegionLookup regions)
    {
        var scopes = await access.ScopesAsync(user, Permissions.ListsRead);
        if (scopes is null)
        {
            return r => true;
        }
        var above = scopes.SelectMany(s => regions.PathTo(s).Select(r => r.Code)).Distinct().ToArray();
        return Under<Resource>(r => r.RegionCode, scopes, above);
    }

    /// <summary>Whether a region (a demand's) lies in one of the scopes; null scopes mean everywhere.</summary>
    public static bool Covers(IReadOnlyList<string>? scopes, string code) => scopes is null || scopes.Any(s => RegionScope.Covers(s, code));

    /// <summary>code starts with one of the scopes' prefixes, or equals one of <paramref name="exact"/>.</summary>
    public static Expression<Func<T, bool>> Under<T>(Expression<Func<T, string>> code, IEnumerable<string> scopes, string[] exact)
    {
        var body = code.Body;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression any = Expression.Constant(false);
        foreach (var prefix in scopes.Select(RegionScope.Prefix).Distinct())
        {
            any = Expression.OrElse(any, Expression.Call(body, startsWith, Expression.Constant(prefix)));
        }
        if (exact.Length > 0)
        {
            Expression<Func<string, bool>> contains = c => exact.Contains(c);
            any = Expression.OrElse(any, new Swap(contains.Parameters[0], body).Visit(contains.Body));
        }
        return Expression.Lambda<Func<T, bool>>(any, code.Parameters[0]);
    }

    private sealed class Swap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
