namespace Linli.Modules.Access.Contracts;

/// <summary>Region subtrees by code: a child's code starts with its parent's (a city's: its first four digits).</summary>
public static class RegionScope
{
    public static bool Covers(string scope, string code) => code.StartsWith(Prefix(scope), StringComparison.Ordinal);

    /// <summary>The code prefix every region in the scope's subtree starts with.</summary>
    public static string Prefix(string scope) => scope.Length == 6 && scope.EndsWith("00", StringComparison.Ordinal) ? scope[..4] : scope;
}
