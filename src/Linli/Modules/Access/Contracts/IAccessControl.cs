using System.Security.Claims;

namespace Linli.Modules.Access.Contracts;

/// <summary>
/// The one place that decides "may this user do this to this thing". Endpoint policies ask it
/// whether the user holds a permission at all; handlers ask it about the region they touch.
/// </summary>
public interface IAccessControl
{
    Task<IReadOnlyList<Assignment>> AssignmentsAsync(ClaimsPrincipal user);

    /// <summary>Null when allowed, else why not.</summary>
    Task<string?> DenialAsync(ClaimsPrincipal user, string permission, string? regionCode = null);

    /// <summary>Throws a 403 unless the user may use the permission on the region.</summary>
    Task EnsureAsync(ClaimsPrincipal user, string permission, string? regionCode = null);

    /// <summary>The region codes within which the user holds the permission; null means everywhere.</summary>
    Task<IReadOnlyList<string>?> ScopesAsync(ClaimsPrincipal user, string permission);
}
