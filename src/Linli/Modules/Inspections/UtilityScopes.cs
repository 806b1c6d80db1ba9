using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Inspections;

/// <summary>Inspections speak of the unit a user works for as their utility; the gas group is an admin's default.</summary>
internal static class UtilityScopes
{
    public static string UtilityFor(this UnitScope scope, string? requested) => scope.UnitFor(requested, "GAS", "utility");
}
