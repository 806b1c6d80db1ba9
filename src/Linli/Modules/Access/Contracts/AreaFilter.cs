namespace Linli.Modules.Access.Contracts;

/// <summary>
/// Narrows a query to rows whose region code lies in the caller's scopes, in SQL: one
/// <c>LIKE 'prefix%'</c> per scope, joined by UNION when a person holds several.
/// </summary>
public static class AreaFilter
{
    public static IQueryable<T> Within<T>(IQueryable<T> query, IReadOnlyList<string>? scopes, System.Linq.Expressions.Expression<Func<T, string>> regionCode)
    {
        if (scopes is null)
        {
            return query;
        }
        var prefixes = scopes.Select(RegionScope.Prefix).Distinct().ToList();
        if (prefixes.Count == 0)
        {
            return query.Where(_ => false);
        }
        return prefixes.Select(prefix => query.Where(StartsWith(regionCode, prefix))).Aggregate(Queryable.Union);
    }

    private static System.Linq.Expressions.Expression<Func<T, bool>> StartsWith<T>(System.Linq.Expressions.Expression<Func<T, string>> regionCode, string prefix)
    {
        var call = System.Linq.Expressions.Expression.Call(regionCode.Body, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
            System.Linq.Expressions.Expression.Constant(prefix));
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(call, regionCode.Parameters);
    }
}
