using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>Which region a dashboard shows: the one asked for if the user may read its cases, else the top of her scope.</summary>
internal static class DashboardScope
{
    public static async Task<(RegionRef Region, IReadOnlyList<RegionRef> Path)> ResolveAsync(string? region, ClaimsPrincipal user,
        IAccessControl access, IRegionLookup regions)
    {
        // Residents, couriers and departments hold no region's cases: refuse before looking at the code.
        await access.EnsureAsync(user, Permissions.CasesRead);
        if (region is not null && (region.Length is < 6 or > 19 || !region.All(char.IsAsciiDigit)))
        {
            throw new RequestValidationException("region", "a region code of 6 to 19 digits");
        }
        var scopes = await access.ScopesAsync(user, Permissions.CasesRead);
        var code = region ?? Tops(scopes, regions).FirstOrDefault()
            ?? throw new NotFoundException("There are no regions yet: import some at /api/v1/regions/import.");
        var path = regions.PathTo(code);
        if (path.Count == 0)
        {
            throw new RequestValidationException("region", $"no region has the code {code}");
        }
        await access.EnsureAsync(user, Permissions.CasesRead, code);
        // The breadcrumb stops at the top of the scope: a street officer cannot go up to her district.
        return (path[^1], path.Where(r => scopes is null || scopes.Any(s => RegionScope.Covers(s, r.Code))).ToList());
    }

    /// <summary>The highest regions a user covers: the tops of the tree for city-wide users, else her scopes.</summary>
    public static IEnumerable<string> Tops(IReadOnlyList<string>? scopes, IRegionLookup regions) =>
        scopes is null ? regions.ChildrenOf(null).Select(r => r.Code) : scopes;
}
