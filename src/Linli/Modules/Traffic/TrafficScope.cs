using System.Security.Claims;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Traffic;

/// <summary>
/// Who sees which incidents: an operator's staff the routes their unit runs (<see cref="Data.Expressway.Operator"/>),
/// the expressway police (<c>Linli:Traffic:PoliceUnits</c>, JJ by default) every route, district
/// officers the incidents in their districts, admins everything.
/// </summary>
internal static class TrafficScope
{
    public static async Task<UnitScope> OfAsync(IAccessControl access, ClaimsPrincipal user, string permission, IConfiguration configuration)
    {
        var scope = await UnitScope.OfAsync(access, user, permission);
        var police = configuration.GetSection("Linli:Traffic:PoliceUnits").Get<string[]>() ?? ["JJ"];
        return scope.Units.Any(police.Contains) ? scope with { Everything = true } : scope;
    }

    /// <summary>The unit that runs expressways when an admin acts without naming one.</summary>
    public const string DefaultOperator = "GS";
}
