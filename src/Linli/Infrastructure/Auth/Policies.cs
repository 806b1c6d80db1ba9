namespace Linli.Infrastructure.Auth;

/// <summary>
/// Authorization policy names. Every endpoint names one (a test fails any that does not), so
/// that who may call it is decided in one place: the Access module's permission table.
/// </summary>
public static class Policies
{
    /// <summary>Health probes, the OpenAPI document, sign-in and public pages.</summary>
    public const string Public = "public";

    /// <summary>Any signed-in user (their own account, two-factor set-up).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Reading the region tree: region details, children, exports (within scope).</summary>
    public const string RegionsRead = "regions:read";

    /// <summary>Changing the region tree: imports (within scope).</summary>
    public const string RegionsManage = "regions:manage";

    /// <summary>Locating one point.</summary>
    public const string Locate = "locate";

    /// <summary>Locating up to 100,000 points at once (staff).</summary>
    public const string LocateBatch = "locate:batch";

    /// <summary>Managing accounts and their assignments (admins).</summary>
    public const string UsersManage = "users:manage";

    /// <summary>Changing reference data: categories, the calendar, units (admins).</summary>
    public const string ConfigManage = "config:manage";

    /// <summary>Reading units and routing answers (staff).</summary>
    public const string UnitsRead = "units:read";

    /// <summary>Searching the audit trail (admins).</summary>
    public const string AuditRead = "audit:read";

    /// <summary>Reading the household book and visits (region staff, within scope).</summary>
    public const string PeopleRead = "people:read";

    /// <summary>Keeping the household book and recording visits (community staff, grid workers).</summary>
    public const string PeopleManage = "people:manage";

    /// <summary>Reading the demand, resource and project lists (region staff, within scope).</summary>
    public const string ListsRead = "lists:read";

    /// <summary>Recording demands and resources, running the matching (region staff below the district).</summary>
    public const string ListsManage = "lists:manage";

    /// <summary>Forming, assigning and closing off projects (street and community).</summary>
    public const string ProjectsManage = "projects:manage";

    /// <summary>A unit volunteering for a listed project (揭榜).</summary>
    public const string ProjectsVolunteer = "projects:volunteer";

    /// <summary>The bare assignment solver, open to integrators and auditors (staff).</summary>
    public const string MatchingSolve = "matching:solve";

    /// <summary>A merchant's own alliance membership and offers.</summary>
    public const string OffersManage = "offers:manage";

    /// <summary>A merchant taking points in payment.</summary>
    public const string PointsRedeem = "points:redeem";

    /// <summary>Booking a slot at a service station (residents, couriers).</summary>
    public const string StationsBook = "stations:book";

    /// <summary>Reviewing couriers' applications, suspending riders, handling complaints (street and district officers).</summary>
    public const string CouriersReview = "couriers:review";

    /// <summary>Keeping the sites riders pass (compounds, buildings), their posters, policies and guards; reading their passages.</summary>
    public const string SitesManage = "sites:manage";

    /// <summary>Watching a site's gate and checking riders in (guards named on the site; community staff).</summary>
    public const string GateGuard = "gate:guard";

    /// <summary>A rider holding a courier pass: their tokens, scanning a site code.</summary>
    public const string PassesHold = "passes:hold";

    /// <summary>Verifying a pass token online and fetching a gate's offline bundle (gate devices, guards).</summary>
    public const string PassesVerify = "passes:verify";

    /// <summary>Rotating and retiring the pass-signing keys (admins).</summary>
    public const string PassKeysManage = "passes:keys";

    /// <summary>Thanking a rider publicly for a hazard they spotted (region staff, within scope).</summary>
    public const string CouriersThank = "couriers:thank";

    /// <summary>Reading a utility's registry, inspections, hazards, repairs and indicators (its staff; district officers in their districts).</summary>
    public const string InspectionsRead = "inspections:read";

    /// <summary>Keeping a utility's registry of users, its frequency rules and checklist templates (the utility's desk staff).</summary>
    public const string InspectionsManage = "inspections:manage";

    /// <summary>Planning inspectors' rounds, reassigning them, dispatching repair crews (the utility's dispatchers).</summary>
    public const string InspectionsDispatch = "inspections:dispatch";

    /// <summary>Recording an inspection on site: checklist, photos, the user's signature (inspectors).</summary>
    public const string InspectionsPerform = "inspections:perform";

    /// <summary>A repair crew recording its times on a ticket (on site, made safe, finished).</summary>
    public const string RepairsWork = "repairs:work";

    /// <summary>Reading expressway incidents, the route board and its indicators (the operator's and the expressway police's staff; district officers in their districts).</summary>
    public const string TrafficRead = "traffic:read";

    /// <summary>Keeping the road network reference: routes, directions, stake numbers (the operator's desk).</summary>
    public const string TrafficManage = "traffic:manage";

    /// <summary>Taking incidents in and sending crews: dispatch, call back, close (the operator's and the police's control rooms).</summary>
    public const string TrafficDispatch = "traffic:dispatch";

    /// <summary>A road crew recording its times on an incident (on scene, lanes clear).</summary>
    public const string TrafficWork = "traffic:work";
}
