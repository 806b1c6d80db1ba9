using Linli.Infrastructure.Auth;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Linli.Modules.Access.Authorization;

/// <summary>An endpoint policy: the user must hold the permission somewhere.</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler(IAccessControl access) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var denial = await access.DenialAsync(context.User, requirement.Permission);
        if (denial is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, denial));
        }
    }
}

internal static class PermissionPolicies
{
    /// <summary>Each policy name of <see cref="Policies"/> with the permission it needs.</summary>
    public static AuthorizationBuilder AddLinliPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Policies.Public, p => p.RequireAssertion(_ => true))
        .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Policies.RegionsRead, Permission(Permissions.RegionsRead))
        .AddPolicy(Policies.RegionsManage, Permission(Permissions.RegionsManage))
        .AddPolicy(Policies.Locate, Permission(Permissions.Locate))
        .AddPolicy(Policies.LocateBatch, Permission(Permissions.LocateBatch))
        .AddPolicy(Policies.UsersManage, Permission(Permissions.UsersManage))
        .AddPolicy(Policies.AuditRead, Permission(Permissions.AuditRead))
        .AddPolicy(Policies.ConfigManage, Permission(Permissions.ConfigManage))
        .AddPolicy(Policies.UnitsRead, Permission(Permissions.UnitsRead))
        .AddPolicy(Policies.PeopleRead, Permission(Permissions.PeopleRead))
        .AddPolicy(Policies.PeopleManage, Permission(Permissions.PeopleManage))
        .AddPolicy(Policies.ListsRead, Permission(Permissions.ListsRead))
        .AddPolicy(Policies.ListsManage, Permission(Permissions.ListsManage))
        .AddPolicy(Policies.ProjectsManage, Permission(Permissions.ProjectsManage))
        .AddPolicy(Policies.ProjectsVolunteer, Permission(Permissions.ProjectsVolunteer))
        .AddPolicy(Policies.MatchingSolve, Permission(Permissions.MatchingSolve))
        .AddPolicy(Policies.OffersManage, Permission(Permissions.OffersManage))
        .AddPolicy(Policies.PointsRedeem, Permission(Permissions.PointsRedeem))
        .AddPolicy(Policies.StationsBook, Permission(Permissions.StationsBook))
        .AddPolicy(Policies.CouriersReview, Permission(Permissions.CouriersReview))
        .AddPolicy(Policies.SitesManage, Permission(Permissions.SitesManage))
        .AddPolicy(Policies.GateGuard, Permission(Permissions.GateGuard))
        .AddPolicy(Policies.PassesHold, Permission(Permissions.PassesHold))
        .AddPolicy(Policies.PassesVerify, Permission(Permissions.PassesVerify))
        .AddPolicy(Policies.PassKeysManage, Permission(Permissions.PassKeysManage))
        .AddPolicy(Policies.CouriersThank, Permission(Permissions.CouriersThank))
        .AddPolicy(Policies.InspectionsRead, Permission(Permissions.InspectionsRead))
        .AddPolicy(Policies.InspectionsManage, Permission(Permissions.InspectionsManage))
        .AddPolicy(Policies.InspectionsDispatch, Permission(Permissions.InspectionsDispatch))
        .AddPolicy(Policies.InspectionsPerform, Permission(Permissions.InspectionsPerform))
        .AddPolicy(Policies.RepairsWork, Permission(Permissions.RepairsWork))
        .AddPolicy(Policies.TrafficRead, Permission(Permissions.TrafficRead))
        .AddPolicy(Policies.TrafficManage, Permission(Permissions.TrafficManage))
        .AddPolicy(Policies.TrafficDispatch, Permission(Permissions.TrafficDispatch))
        .AddPolicy(Policies.TrafficWork, Permission(Permissions.TrafficWork));

    private static Action<AuthorizationPolicyBuilder> Permission(string permission) =>
        p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission));
}
