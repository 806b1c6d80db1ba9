using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Data;

namespace Linli.Modules.Cases.ActOnCase;

/// <summary>
/// Who may act on a case at each stage (DOMAIN.md §2): supervisors of the region (community, street,
/// district) run the centre's steps; the assigned unit handles (a department's handlers, or the grid
/// worker when the grid itself is the unit); grid workers and community staff verify; the reporter
/// evaluates. All within the scope that covers the case.
/// </summary>
internal static class CaseAccess
{
    public static readonly string[] SupervisorActions =
        ["accept", "file", "decline", "void", "dispatch", "grant-extension", "refuse-extension", "defer", "ledger", "close", "split", "merge"];

    public static readonly string[] UnitActions = ["return", "request-extension", "feedback"];

    public static async Task EnsureMayActAsync(ClaimsPrincipal user, IAccessControl access, Case c, string action, bool holdsFollowToken)
    {
        if (action == "evaluate")
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (holdsFollowToken || (userId is not null && userId == c.ReporterUserId))
            {
                return;
            }
            throw Denied(user, "only the reporter evaluates a case (signed in, or with the follow link's X-Follow-Token)");
        }
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new SignInRequired();
        }
        var denial = action switch
        {
            _ when SupervisorActions.Contains(action) => await access.DenialAsync(user, Permissions.CasesSupervise, c.GridCode),
            _ when UnitActions.Contains(action) => await UnitDenialAsync(user, access, c),
            "verify" => await access.DenialAsync(user, Permissions.CasesVerify, c.GridCode),
            "self-handle" => await access.DenialAsync(user, Permissions.CasesSelfHandle, c.GridCode),
            _ => null,
        };
        if (denial is not null)
        {
            throw new ForbiddenException($"Not allowed to {action} case {c.Number}: {denial}.");
        }
    }

    /// <summary>May the user see this case at all?</summary>
    public static async Task<bool> MayReadAsync(ClaimsPrincipal user, IAccessControl access, Case c)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && id == c.ReporterUserId)
        {
            return true;
        }
        if (await access.DenialAsync(user, Permissions.CasesRead, c.GridCode) is null)
        {
            return true;
        }
        return c.AssignedUnit is not null && (await access.AssignmentsAsync(user)).Any(a => a.Department == c.AssignedUnit);
    }

    private static async Task<string?> UnitDenialAsync(ClaimsPrincipal user, IAccessControl access, Case c)
    {
        var assignments = await access.AssignmentsAsync(user);
        if (c.AssignedUnit is null)
        {
            // Not with any unit yet: the stage check that follows explains why nobody may act (409).
            return assignments.Any(a => a.Role is Roles.DepartmentHandler or Roles.GridWorker or Roles.Admin)
                ? null : "the case is not assigned to a unit";
        }
        if (assignments.Any(a => a.Role == Roles.DepartmentHandler && a.Department == c.AssignedUnit))
        {
            return null;
        }
        // When the grid itself is the unit, its grid worker handles.
        if (assignments.Any(a => a.Role == Roles.GridWorker && a.Scope is { } scope && RegionScope.Covers(scope, c.AssignedUnit)))
        {
            return null;
        }
        if (assignments.Any(a => a.Role == Roles.Admin) && await access.DenialAsync(user, Permissions.CasesSupervise, c.GridCode) is null)
        {
            return null;
        }
        return $"only the assigned unit ({c.AssignedUnit}) handles it";
    }

    private static DomainException Denied(ClaimsPrincipal user, string why) =>
        user.Identity?.IsAuthenticated == true ? new ForbiddenException($"Not allowed: {why}.") : new SignInRequired();

    internal sealed class SignInRequired() : DomainException("Sign-in required", "Sign in (or send a bearer token) to act on cases.", StatusCodes.Status401Unauthorized);
}
