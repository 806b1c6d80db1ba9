using System.Linq.Expressions;
using System.Reflection;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// "The code starts with this prefix" for region codes, written so that an ordinary B-tree index
/// serves it. PostgreSQL uses an index for <c>LIKE 'prefix%'</c> only under the C collation (not
/// C.UTF-8 or en_US.UTF-8, what servers run), and SQLite's LIKE ignores case and so its index too:
/// at millions of cases that is a scan of the whole table. A digit prefix is a range instead,
/// [prefix, next prefix), which sorts the same in every collation for codes made of digits.
/// </summary>
public static class CodePrefixQueries
{
    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    public static IQueryable<T> WhereCodeStartsWith<T>(this IQueryable<T> query, Expression<Func<T, string>> code, string prefix) =>
        prefix.Length == 0 ? query : query.Where(Expression.Lambda<Func<T, bool>>(StartsWithPredicate(code.Body, prefix), code.Parameters));

    /// <summary>The same as a predicate body over <paramref name="code"/>, to be combined with others.</summary>
    public static Expression StartsWithPredicate(Expression code, string prefix)
    {
        if (prefix.Length == 0)
        {
            return Expression.Constant(true);
        }
        // The bounds are read from an object rather than written in as constants, so that EF Core sends
        // them as parameters: one cached query and one plan for every region, not one per region.
        var next = NextPrefix(prefix);
        var bounds = Expression.Constant(new Bounds(prefix, next));
        var from = Expression.Property(bounds, nameof(Bounds.From));
        return next is null
            ? Expression.Call(code, StartsWith, from)
            : Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(Compare, code, from), Expression.Constant(0)),
                Expression.LessThan(Expression.Call(Compare, code, Expression.Property(bounds, nameof(Bounds.To))), Expression.Constant(0)));
    }

    /// <summary>
    /// The smallest digit string above every code that starts with <paramref name="prefix"/>
    /// ("330105" → "330106", "3301059" → "330106"); null when there is none ("999") or the prefix is
    /// not all digits (then the query keeps LIKE).
    /// </summary>
    public static string? NextPrefix(string prefix)
    {
        if (!prefix.All(char.IsAsciiDigit))
        {
            return null;
        }
        var end = prefix.Length;
        while (end > 0 && prefix[end - 1] == '9')
        {
            end--;
        }
        return end == 0 ? null : prefix[..(end - 1)] + (char)(prefix[end - 1] + 1);
    }

    private sealed record Bounds(string From, string? To);
}
