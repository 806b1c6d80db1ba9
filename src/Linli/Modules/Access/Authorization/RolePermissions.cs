using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Access.Authorization;

/// <summary>
/// What each role may do, and whether that holds within its assignment's region subtree or
/// everywhere. Least privilege: a permission is listed only where a role needs it.
/// </summary>
internal static class RolePermissions
{
    private enum Reach
    {
        /// <summary>Within the region subtree the assignment names.</summary>
        Scoped,

        /// <summary>Everywhere (admins; departments read the map of the whole city).</summary>
        Everywhere,
    }

    private static readonly Dictionary<string, Dictionary<string, Reach>> Table = new()
    {
        [Roles.Admin] = new()
        {
            [Permissions.RegionsRead] = Reach.Everywhere,
            [Permissions.RegionsManage] = Reach.Everywhere,
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.LocateBatch] = Reach.Everywhere,
            [Permissions.UsersManage] = Reach.Everywhere,
            [Permissions.AuditRead] = Reach.Everywhere,
            [Permissions.PersonalDataUnmask] = Reach.Everywhere,
            [Permissions.ConfigManage] = Reach.Everywhere,
            [Permissions.UnitsRead] = Reach.Everywhere,
            [Permissions.CasesRead] = Reach.Everywhere,
            [Permissions.CasesSupervise] = Reach.Everywhere,
            [Permissions.CasesVerify] = Reach.Everywhere,
            [Permissions.PeopleRead] = Reach.Everywhere,
            [Permissions.PeopleManage] = Reach.Everywhere,
            [Permissions.ListsRead] = Reach.Everywhere,
            [Permissions.ListsManage] = Reach.Everywhere,
            [Permissions.ProjectsManage] = Reach.Everywhere,
            [Permissions.MatchingSolve] = Reach.Everywhere,
            [Permissions.CouriersReview] = Reach.Everywhere,
            [Permissions.SitesManage] = Reach.Everywhere,
            [Permissions.GateGuard] = Reach.Everywhere,
            [Permissions.PassesVerify] = Reach.Everywhere,
            [Permissions.PassKeysManage] = Reach.Everywhere,
            [Permissions.CouriersThank] = Reach.Everywhere,
            [Permissions.InspectionsRead] = Reach.Everywhere,
            [Permissions.InspectionsManage] = Reach.Everywhere,
            [Permissions.InspectionsDispatch] = Reach.Everywhere,
            [Permissions.RepairsWork] = Reach.Everywhere,
            [Permissions.TrafficRead] = Reach.Everywhere,
            [Permissions.TrafficManage] = Reach.Everywhere,
            [Permissions.TrafficDispatch] = Reach.Everywhere,
            [Permissions.TrafficWork] = Reach.Everywhere,
        },
        [Roles.DistrictOfficer] = new()
        {
            [Permissions.RegionsRead] = Reach.Scoped,
            [Permissions.RegionsManage] = Reach.Scoped,
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.LocateBatch] = Reach.Everywhere,
            [Permissions.UnitsRead] = Reach.Everywhere,
            [Permissions.CasesRead] = Reach.Scoped,
            [Permissions.CasesSupervise] = Reach.Scoped,
            [Permissions.PeopleRead] = Reach.Scoped,
            [Permissions.ListsRead] = Reach.Scoped,
            [Permissions.MatchingSolve] = Reach.Everywhere,
            // The district's social-work office reviews riders working in the district.
            [Permissions.CouriersReview] = Reach.Scoped,
            [Permissions.CouriersThank] = Reach.Scoped,
            [Permissions.SitesManage] = Reach.Scoped,
            // Major gas hazards are reported to the district; it follows them and the indicators.
            [Permissions.InspectionsRead] = Reach.Scoped,
            // Expressway incidents in the district reach its officers too.
            [Permissions.TrafficRead] = Reach.Scoped,
        },
        [Roles.StreetOfficer] = Staff(
            Permissions.CasesSupervise, Permissions.PeopleRead, Permissions.ListsRead, Permissions.ListsManage, Permissions.ProjectsManage,
            Permissions.CouriersReview, Permissions.SitesManage, Permissions.GateGuard, Permissions.PassesVerify, Permissions.CouriersThank),
        [Roles.CommunityStaff] = Staff(
            Permissions.CasesSupervise, Permissions.CasesVerify, Permissions.PeopleRead, Permissions.PeopleManage,
            Permissions.ListsRead, Permissions.ListsManage, Permissions.ProjectsManage,
            Permissions.SitesManage, Permissions.GateGuard, Permissions.PassesVerify, Permissions.CouriersThank),
        [Roles.GridWorker] = Staff(
            Permissions.CasesVerify, Permissions.CasesSelfHandle, Permissions.PeopleRead, Permissions.PeopleManage,
            Permissions.ListsRead, Permissions.ListsManage, Permissions.CouriersThank),
        [Roles.DepartmentHandler] = new()
        {
            // A department is a co-building unit too: it may take up a listed project (揭榜).
            [Permissions.ProjectsVolunteer] = Reach.Everywhere,
            [Permissions.RegionsRead] = Reach.Everywhere,
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.LocateBatch] = Reach.Everywhere,
            [Permissions.UnitsRead] = Reach.Everywhere,
            // A utility's desk: its registry, plans and dispatch, limited to the assignment's utility (checked inside).
            [Permissions.InspectionsRead] = Reach.Everywhere,
            [Permissions.InspectionsManage] = Reach.Everywhere,
            [Permissions.InspectionsDispatch] = Reach.Everywhere,
            [Permissions.RepairsWork] = Reach.Everywhere,
            // An expressway operator's or the expressway police's control room, limited to the routes the unit covers (checked inside).
            [Permissions.TrafficRead] = Reach.Everywhere,
            [Permissions.TrafficManage] = Reach.Everywhere,
            [Permissions.TrafficDispatch] = Reach.Everywhere,
            [Permissions.TrafficWork] = Reach.Everywhere,
        },
        [Roles.Inspector] = new()
        {
            [Permissions.RegionsRead] = Reach.Everywhere,
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.LocateBatch] = Reach.Everywhere,
            [Permissions.UnitsRead] = Reach.Everywhere,
            // The utility's field staff: rounds, inspections, repair times, within the assignment's utility.
            [Permissions.InspectionsRead] = Reach.Everywhere,
            [Permissions.InspectionsPerform] = Reach.Everywhere,
            [Permissions.RepairsWork] = Reach.Everywhere,
            // A road crew (patrol, clearance) of an expressway operator, on its unit's routes.
            [Permissions.TrafficRead] = Reach.Everywhere,
            [Permissions.TrafficWork] = Reach.Everywhere,
        },
        [Roles.Courier] = new()
        {
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.StationsBook] = Reach.Everywhere,
            [Permissions.PassesHold] = Reach.Everywhere,
        },
        [Roles.Resident] = new() { [Permissions.Locate] = Reach.Everywhere, [Permissions.StationsBook] = Reach.Everywhere },
        [Roles.Merchant] = new()
        {
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.OffersManage] = Reach.Everywhere,
            [Permissions.PointsRedeem] = Reach.Everywhere,
        },
        // A guard watches only the sites that name them (checked inside); verifying needs no region.
        [Roles.Gatekeeper] = new()
        {
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.GateGuard] = Reach.Everywhere,
            [Permissions.PassesVerify] = Reach.Everywhere,
        },
    };

    private static Dictionary<string, Reach> Staff(params string[] scopedCasePermissions)
    {
        var permissions = new Dictionary<string, Reach>
        {
            [Permissions.RegionsRead] = Reach.Scoped,
            [Permissions.Locate] = Reach.Everywhere,
            [Permissions.LocateBatch] = Reach.Everywhere,
            [Permissions.UnitsRead] = Reach.Everywhere,
            [Permissions.CasesRead] = Reach.Scoped,
            // The bare solver reads no data: any region staff may run it.
            [Permissions.MatchingSolve] = Reach.Everywhere,
        };
        foreach (var permission in scopedCasePermissions)
        {
            permissions[permission] = Reach.Scoped;
        }
        return permissions;
    }

    public static bool Grants(Assignment assignment, string permission) =>
        Table.TryGetValue(assignment.Role, out var permissions) && permissions.ContainsKey(permission);

    /// <summary>Whether the assignment grants the permission whatever the region.</summary>
    public static bool GrantsEverywhere(Assignment assignment, string permission) =>
        Table.TryGetValue(assignment.Role, out var permissions) && permissions.TryGetValue(permission, out var reach) && reach == Reach.Everywhere;

    /// <summary>Whether the assignment grants the permission on the region with this code.</summary>
    public static bool GrantsOn(Assignment assignment, string permission, string regionCode)
    {
        if (!Table.TryGetValue(assignment.Role, out var permissions) || !permissions.TryGetValue(permission, out var reach))
        {
            return false;
        }
        return reach == Reach.Everywhere || (assignment.Scope is { } scope && RegionScope.Covers(scope, regionCode));
    }
}
