using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Authorization;

internal sealed class AccessControl(IDbContextFactory<LinliDb> dbFactory, IConfiguration configuration) : IAccessControl
{
    // One lookup per request: the scoped instance remembers the assignments it loaded.
    private readonly Dictionary<string, IReadOnlyList<Assignment>> _loaded = [];

    public async Task<IReadOnlyList<Assignment>> AssignmentsAsync(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || user.Identity?.IsAuthenticated != true)
        {
            return [];
        }
        if (_loaded.TryGetValue(id, out var known))
        {
            return known;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var assignments = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.UserId == id)
            .Select(a => new Assignment(a.Role, a.Scope, a.Department))
            .ToListAsync();
        _loaded[id] = assignments;
        return assignments;
    }

    public async Task<string?> DenialAsync(ClaimsPrincipal user, string permission, string? regionCode = null)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return "sign in first";
        }
        var granting = (await AssignmentsAsync(user))
            .Where(a => regionCode is null ? RolePermissions.Grants(a, permission) : RolePermissions.GrantsOn(a, permission, regionCode))
            .ToList();
        if (granting.Count == 0)
        {
            return regionCode is null
                ? $"none of your roles grants {permission}"
                : $"none of your roles grants {permission} on region {regionCode}";
        }
        // MLPS level 3: administrators act only after a second factor.
        if (granting.All(a => a.Role == Roles.Admin) && RequireAdminTwoFactor && !SignedInWithSecondFactor(user))
        {
            return "administrators must sign in with two-factor authentication: enable it at /api/v1/auth/two-factor, then sign in again with a code";
        }
        return null;
    }

    public async Task EnsureAsync(ClaimsPrincipal user, string permission, string? regionCode = null)
    {
        if (await DenialAsync(user, permission, regionCode) is { } reason)
        {
            throw new ForbiddenException($"Not allowed: {reason}.");
        }
    }

    public async Task<IReadOnlyList<string>?> ScopesAsync(ClaimsPrincipal user, string permission)
    {
        var assignments = (await AssignmentsAsync(user)).Where(a => RolePermissions.Grants(a, permission)).ToList();
        if (assignments.Any(a => RolePermissions.GrantsEverywhere(a, permission)))
        {
            return null;
        }
        return assignments.Select(a => a.Scope).OfType<string>().Distinct().ToList();
    }

    private bool RequireAdminTwoFactor => configuration.GetValue("Linli:RequireAdminTwoFactor", true);

    public static bool SignedInWithSecondFactor(ClaimsPrincipal user) =>
        user.FindAll("amr").Any(c => c.Value == "mfa");
}
