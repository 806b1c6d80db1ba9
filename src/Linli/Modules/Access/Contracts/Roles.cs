namespace Linli.Modules.Access.Contracts;

/// <summary>The roles of Linli, as the API writes them.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string DistrictOfficer = "district-officer";
    public const string StreetOfficer = "street-officer";
    public const string CommunityStaff = "community-staff";
    public const string GridWorker = "grid-worker";
    public const string DepartmentHandler = "department-handler";
    public const string Inspector = "inspector";
    public const string Courier = "courier";
    public const string Resident = "resident";
    public const string Merchant = "merchant";
    public const string Gatekeeper = "gatekeeper";

    public static IReadOnlyList<string> All { get; } =
        [Admin, DistrictOfficer, StreetOfficer, CommunityStaff, GridWorker, DepartmentHandler, Inspector, Courier, Resident, Merchant, Gatekeeper];

    /// <summary>Roles whose assignment names a region (its whole subtree is covered).</summary>
    public static IReadOnlyList<string> RegionScoped { get; } = [DistrictOfficer, StreetOfficer, CommunityStaff, GridWorker];

    /// <summary>Roles whose assignment names a department or utility (a unit code).</summary>
    public static IReadOnlyList<string> DepartmentScoped { get; } = [DepartmentHandler, Inspector];

    /// <summary>Staff, as opposed to the public (couriers, residents, merchants, gatekeepers).</summary>
    public static bool IsStaff(string role) => role == Admin || RegionScoped.Contains(role) || DepartmentScoped.Contains(role);

    public static string ChineseName(string role) => role switch
    {
        Admin => "系统管理员",
        DistrictOfficer => "区级干部",
        StreetOfficer => "街道干部",
        CommunityStaff => "社区工作者",
        GridWorker => "网格员",
        DepartmentHandler => "部门处置人员",
        Inspector => "巡检员",
        Courier => "快递小哥/骑手",
        Resident => "居民",
        Merchant => "商户",
        Gatekeeper => "门岗",
        _ => role,
    };
}

/// <summary>What a user may do; each role grants some, within its scope.</summary>
public static class Permissions
{
    public const string RegionsRead = "regions:read";
    public const string RegionsManage = "regions:manage";
    public const string Locate = "locate";
    public const string LocateBatch = "locate:batch";
    public const string UsersManage = "users:manage";
    public const string AuditRead = "audit:read";
    public const string PersonalDataUnmask = "personal-data:unmask";
    public const string ConfigManage = "config:manage";
    public const string UnitsRead = "units:read";
    public const string CasesRead = "cases:read";
    public const string CasesSupervise = "cases:supervise";
    public const string CasesVerify = "cases:verify";
    public const string CasesSelfHandle = "cases:self-handle";

    // The household book and the three lists (issue #8).
    public const string PeopleRead = "people:read";
    public const string PeopleManage = "people:manage";
    public const string ListsRead = "lists:read";
    public const string ListsManage = "lists:manage";
    public const string ProjectsManage = "projects:manage";
    public const string ProjectsVolunteer = "projects:volunteer";
    public const string MatchingSolve = "matching:solve";
    public const string OffersManage = "offers:manage";
    public const string PointsRedeem = "points:redeem";
    public const string StationsBook = "stations:book";

    // Couriers and the courier pass (issue #9).
    public const string CouriersReview = "couriers:review";
    public const string SitesManage = "sites:manage";
    public const string GateGuard = "gate:guard";
    public const string PassesHold = "passes:hold";
    public const string PassesVerify = "passes:verify";
    public const string PassKeysManage = "passes:keys";
    public const string CouriersThank = "couriers:thank";

    // Utility inspections, hazards and repairs (issue #10). A utility's staff act on their own
    // utility's data only (the assignment's department); district officers read their districts.
    public const string InspectionsRead = "inspections:read";
    public const string InspectionsManage = "inspections:manage";
    public const string InspectionsDispatch = "inspections:dispatch";
    public const string InspectionsPerform = "inspections:perform";
    public const string RepairsWork = "repairs:work";

    // Expressway incidents (issue #11). The operator's and the expressway police's staff act on
    // the routes their unit covers (checked inside); district officers read their districts.
    public const string TrafficRead = "traffic:read";
    public const string TrafficManage = "traffic:manage";
    public const string TrafficDispatch = "traffic:dispatch";
    public const string TrafficWork = "traffic:work";
}

/// <summary>A role held within a scope: a region code (its subtree), a department, or everywhere.</summary>
public sealed record Assignment(string Role, string? Scope, string? Department);
