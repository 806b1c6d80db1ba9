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
            if (!IsReporter(user, c, holdsFollowToken))
            {
                throw Denied(user, "only the reporter evaluates a case (signed in, or with the follow link's X-Follow-Token)");
            }
            return;
        }
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new SignInRequired();
        }
        if (await DenialAsync(user, access, c, action) is { } denial)
        {
            throw new ForbiddenException($"Not allowed to {action} case {c.Number}: {denial}.");
        }
    }

    /// <summary>
    /// The actions this person may take on the case now: allowed by its stage and by her roles. The
    /// case page offers these and no others.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ActionsForAsync(ClaimsPrincipal user, IAccessControl access, Case c, bool holdsFollowToken)
    {
        var actions = new List<string>();
        foreach (var action in c.ActionsNow())
        {
            var allowed = action == "evaluate"
                ? IsReporter(user, c, holdsFollowToken)
                : user.Identity?.IsAuthenticated == true && await DenialAsync(user, access, c, action) is null;
            if (allowed)
            {
                actions.Add(action);
            }
        }
        return actions;
    }

    private static bool IsReporter(ClaimsPrincipal user, Case c, bool holdsFollowToken) =>
        holdsFollowToken || (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && userId == c.ReporterUserId);

    /// <summary>Why the signed-in user may not take the action, or null when she may.</summary>
    private static async Task<string?> DenialAsync(ClaimsPrincipal user, IAccessControl access, Case c, string action) => action switch
    {
        _ when SupervisorActions.Contains(action) => await access.DenialAsync(user, Permissions.CasesSupervise, c.GridCode),
        _ when UnitActions.Contains(action) => await UnitDenialAsync(user, access, c),
        "verify" => await access.DenialAsync(user, Permissions.CasesVerify, c.GridCode),
        "self-handle" => await access.DenialAsync(user, Permissions.CasesSelfHandle, c.GridCode),
        _ => null,
    };

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
