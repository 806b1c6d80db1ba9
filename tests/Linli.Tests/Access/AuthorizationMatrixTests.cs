using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Infrastructure.RegionFile;

namespace Linli.Tests.Access;

/// <summary>
/// Every endpoint of the app × every role × a target inside and outside the role's scope,
/// against <see cref="Expectations"/>. A new endpoint without a row, or without a named policy, fails.
/// </summary>
[Trait("Category", "Database")]
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string OutsideCode = "330106001001001";
    private const string Anonymous = "anonymous";

    /// <summary>The scope each role's test account covers; the "inside" target is in it.</summary>
    private static readonly Dictionary<string, (string? Scope, string? Department)> Accounts = new()
    {
        [Roles.DistrictOfficer] = ("330105", null),
        [Roles.StreetOfficer] = ("330105001", null),
        [Roles.CommunityStaff] = ("330105001001", null),
        [Roles.GridWorker] = ("330105001001001", null),
        [Roles.DepartmentHandler] = (null, "CG"),
        [Roles.Inspector] = (null, "GAS"),
        [Roles.Courier] = (null, null),
        [Roles.Resident] = (null, null),
        [Roles.Merchant] = (null, null),
        [Roles.Gatekeeper] = (null, null),
    };

    private static readonly string[] RegionStaff = [Roles.DistrictOfficer, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker];
    private static readonly string[] Staff = [.. RegionStaff, Roles.DepartmentHandler, Roles.Inspector];
    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] PeopleKeepers = [Roles.CommunityStaff, Roles.GridWorker];
    private const string InsideBuilding = "3301050010010010001";
    private const string OutsideBuilding = "3301060010010010001";

    /// <summary>Region staff who keep the demand and resource lists (lists:manage): all but the district.</summary>
    private static readonly string[] ListKeepers = [Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker];
    private static readonly string[] ListsManagers = [Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker];

    // Couriers (issue #9): who reviews riders, keeps sites, holds a pass.
    private static readonly string[] CourierReviewers = [Roles.Admin, Roles.DistrictOfficer, Roles.StreetOfficer];
    private static readonly string[] SiteKeepers = [Roles.Admin, Roles.DistrictOfficer, Roles.StreetOfficer, Roles.CommunityStaff];
    private static readonly string[] PassHolders = [Roles.Courier];
    private static readonly string[] GateGuards = [Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.Gatekeeper];
    /// <summary>Gate devices and the staff who may check riders in (passes:verify).</summary>
    private static readonly string[] PassVerifiers = [Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.Gatekeeper];

    // Inspections (issue #10): readers see their utility's data (district officers: in their districts; 404 elsewhere), the desk
    // manages and dispatches (inspections:manage, inspections:dispatch), crews of inspectors work repairs (repairs:work).
    private static readonly string[] RndDesk = [Roles.Admin, Roles.DepartmentHandler];
    private static readonly string[] RndRepairWorkers = [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector];
    private static readonly string[] InspectionReaders = [Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector];
    private static readonly string[] InspectionManagers = [Roles.Admin, Roles.DepartmentHandler];

    // Expressway incidents (issue #11): traffic:read, traffic:dispatch/manage (the control room), traffic:work (crew members and the desk).
    private static readonly string[] IncReaders = [Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector];
    private static readonly string[] IncDesk = [Roles.Admin, Roles.DepartmentHandler];
    private static readonly string[] IncWorkers = [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector];
    // Expressway road network (issue #11): every traffic reader (district officers too: the network is reference data), the desks manage.
    private static readonly string[] RoadReaders = [Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector];
    private static readonly string[] RoadManagers = [Roles.Admin, Roles.DepartmentHandler];

    private static readonly Dictionary<string, Rule> Expectations = new()
    {
        ["GET /healthz"] = Rule.Public,
        ["GET /readyz"] = Rule.Public,
        ["GET /metrics"] = Rule.Public,
        ["GET /openapi/{documentName}.json"] = Rule.Public,
        ["POST /api/v1/auth/token"] = Rule.Public,
        ["GET /api/v1/auth/two-factor"] = Rule.SignedIn,
        ["POST /api/v1/auth/two-factor/enable"] = Rule.SignedIn,
        ["POST /api/v1/auth/two-factor/disable"] = Rule.SignedIn,
        ["POST /api/v1/users/"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/users/"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/users/{id}"] = Rule.Only([Roles.Admin]),
        ["PUT /api/v1/users/{id}"] = Rule.Only([Roles.Admin]),
        ["DELETE /api/v1/users/{id}"] = Rule.Only([Roles.Admin]),
        ["POST /api/v1/users/{id}/unmask"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/audit"] = Rule.Only([Roles.Admin]),
        ["POST /account/logout"] = Rule.Public,
        ["POST /api/v1/regions/import"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: [Roles.DistrictOfficer]),
        ["GET /_framework/opaque-redirect"] = Rule.Public,
        ["GET /api/v1/regions/"] = Rule.Only([Roles.Admin, .. Staff]),
        ["GET /api/v1/regions/{code}"] = Rule.Scoped(everywhere: [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector], scoped: RegionStaff),
        ["GET /api/v1/regions/{code}/children"] = Rule.Scoped(everywhere: [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector], scoped: RegionStaff),
        ["GET /api/v1/regions/{code}/party"] = Rule.Scoped(everywhere: [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector], scoped: RegionStaff),
        ["GET /api/v1/regions/{code}/geojson"] = Rule.Scoped(everywhere: [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector], scoped: RegionStaff),
        ["GET /api/v1/locate"] = Rule.Only(Everyone),
        ["POST /api/v1/locate"] = Rule.Only([Roles.Admin, .. Staff]),
        // The bare solver reads no data: admins and every region staff role, wherever they work.
        ["POST /api/v1/matching/solve"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/categories/"] = Rule.Public,
        ["GET /api/v1/categories/export"] = Rule.Public,
        ["GET /api/v1/categories/{code}"] = Rule.Public,
        ["POST /api/v1/categories/import"] = Rule.Only([Roles.Admin]),
        ["PUT /api/v1/categories/{code}"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/calendar/deadline"] = Rule.SignedIn,
        ["GET /api/v1/calendar/{year:int}"] = Rule.SignedIn,
        ["PUT /api/v1/calendar/{year:int}"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/units/"] = Rule.Only([Roles.Admin, .. Staff]),
        ["GET /api/v1/units/route"] = Rule.Only([Roles.Admin, .. Staff]),
        ["GET /api/v1/units/{code}"] = Rule.Only([Roles.Admin, .. Staff]),
        ["POST /api/v1/units/"] = Rule.Only([Roles.Admin]),
        ["PUT /api/v1/units/{code}"] = Rule.Only([Roles.Admin]),
        ["DELETE /api/v1/units/{code}"] = Rule.Only([Roles.Admin]),
        ["PUT /api/v1/units/grid-defaults/{gridCode}"] = Rule.Only([Roles.Admin]),
        ["POST /api/v1/cases/"] = Rule.Public,
        ["GET /api/v1/cases/"] = Rule.SignedIn,
        ["GET /api/v1/cases/geojson"] = Rule.SignedIn,
        ["GET /api/v1/cases/{id:guid}"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /api/v1/cases/{id:guid}/history"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["POST /api/v1/cases/{id:guid}/actions/{action}"] = Rule.Scoped(everywhere: [Roles.Admin],
            scoped: [Roles.DistrictOfficer, Roles.StreetOfficer, Roles.CommunityStaff]),
        ["GET /api/v1/cases/follow/{token}"] = Rule.Public,
        ["POST /api/v1/cases/suggest"] = Rule.Public,
        ["GET /api/v1/cases/{id:guid}/reports"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /api/v1/indicators"] = Rule.SignedIn,
        ["GET /api/v1/dashboard"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /api/v1/inbox/"] = Rule.SignedIn,
        ["POST /api/v1/inbox/{id:long}/read"] = Rule.SignedIn,
        ["POST /hubs/cases/negotiate"] = Rule.Public,
        ["GET /hubs/cases/negotiate"] = Rule.Public,
        ["GET /hubs/cases"] = Rule.Public,
        ["POST /hubs/cases"] = Rule.Public,
        ["DELETE /hubs/cases"] = Rule.Public,
        // The gate hub lets any account connect; which site's group it may join is decided by Watch.
        ["POST /hubs/gate/negotiate"] = Rule.SignedIn,
        ["GET /hubs/gate/negotiate"] = Rule.SignedIn,
        ["GET /hubs/gate"] = Rule.SignedIn,
        ["POST /hubs/gate"] = Rule.SignedIn,
        ["DELETE /hubs/gate"] = Rule.SignedIn,
        ["GET /api/v1/cases/{id:guid}/photos"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /api/v1/cases/{id:guid}/photos/{photoId:guid}"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /api/docs/{documentName?}"] = Rule.Public,
        ["GET /api/docs/scalar.js"] = Rule.Public,
        ["GET /api/docs/scalar.aspnetcore.js"] = Rule.Public,
        ["GET /api/docs/favicon.svg"] = Rule.Public,
        ["GET /"] = Rule.Page(Rule.Only([Roles.Admin, .. Staff])),
        ["POST /"] = Rule.Page(Rule.Only([Roles.Admin, .. Staff])),
        ["GET /regions"] = Rule.Page(Rule.Only([Roles.Admin, .. Staff])),
        ["POST /regions"] = Rule.Page(Rule.Only([Roles.Admin, .. Staff])),
        ["GET /regions/{Code}"] = Rule.Page(Rule.Scoped(everywhere: [Roles.Admin, Roles.DepartmentHandler, Roles.Inspector], scoped: RegionStaff)),
        // A POST to a page without one of its forms is refused (400) before the page checks the region.
        ["POST /regions/{Code}"] = Rule.Page(Rule.Only([Roles.Admin, .. Staff])),
        ["GET /account/login"] = Rule.Public,
        ["POST /account/login"] = Rule.Public,
        ["GET /account/login-2fa"] = Rule.Public,
        ["POST /account/login-2fa"] = Rule.Public,
        ["GET /report"] = Rule.Public,
        ["POST /report"] = Rule.Public,
        ["GET /account/denied"] = Rule.Public,
        ["POST /account/denied"] = Rule.Public,
        ["GET /lang/{code}"] = Rule.Public,
        ["GET /map"] = Rule.Page(Rule.SignedIn),
        ["POST /map"] = Rule.Page(Rule.SignedIn),
        ["GET /admin/users"] = Rule.Page(Rule.Only([Roles.Admin])),
        ["POST /admin/users"] = Rule.Page(Rule.Only([Roles.Admin])),
        ["GET /admin/audit"] = Rule.Page(Rule.Only([Roles.Admin])),
        ["POST /admin/audit"] = Rule.Page(Rule.Only([Roles.Admin])),
        ["GET /admin/open311-keys"] = Rule.Page(Rule.Only([Roles.Admin])),
        ["POST /admin/open311-keys"] = Rule.Page(Rule.Only([Roles.Admin])),
        ["GET /account/two-factor"] = Rule.Page(Rule.SignedIn),
        // Without ?region the dashboard shows the user's own scope; roles that read no cases are refused.
        ["GET /dashboard"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /dashboard"] = Rule.Page(Rule.SignedIn),
        ["POST /account/two-factor"] = Rule.Page(Rule.SignedIn),
        ["GET /inbox"] = Rule.Page(Rule.SignedIn),
        ["POST /inbox"] = Rule.Page(Rule.SignedIn),
        ["GET /cases/{Id:guid}"] = Rule.Page(Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff)),
        ["POST /cases/{Id:guid}"] = Rule.Page(Rule.SignedIn),
        ["GET /follow/{Token}"] = Rule.Public,
        ["POST /follow/{Token}"] = Rule.Public,
        // Open311: public at the ASP.NET level, the api_key is checked inside (403 in the specification's format).
        ["GET /open311/v2/discovery.{format}"] = Rule.Public,
        ["GET /open311/v2/services.{format}"] = Rule.Public,
        ["GET /open311/v2/services/{service_code}.{format}"] = Rule.Public,
        ["POST /open311/v2/requests.{format}"] = Rule.Public,
        ["GET /open311/v2/requests.{format}"] = Rule.Public,
        ["GET /open311/v2/requests/{service_request_id}.{format}"] = Rule.Public,
        ["GET /open311/v2/tokens/{token}.{format}"] = Rule.Public,
        ["GET /open311/v2/servicerequestupdates.{format}"] = Rule.Public,
        ["POST /open311/v2/servicerequestupdates.{format}"] = Rule.Public,
        ["GET /open311/v2/{**path}"] = Rule.Public,
        ["POST /open311/v2/{**path}"] = Rule.Public,
        ["POST /api/v1/open311/keys/"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/open311/keys/"] = Rule.Only([Roles.Admin]),
        ["DELETE /api/v1/open311/keys/{id:guid}"] = Rule.Only([Roles.Admin]),
        ["PUT /api/v1/open311/services/{code}/attributes/"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/open311/services/{code}/attributes/"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/demands/template.xlsx"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/resources/template.xlsx"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/demands/export.xlsx"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/resources/export.xlsx"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["POST /api/v1/demands/import"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        ["POST /api/v1/resources/import"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        ["POST /api/v1/lists/imports/demands"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        ["POST /api/v1/lists/imports/resources"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        ["GET /lists/import"] = Rule.Page(Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker])),
        ["POST /lists/import"] = Rule.Page(Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker])),
        ["GET /api/v1/lists/imports/{id:guid}"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        // The household book (issue #8 item 0): the household's building is checked against the scope inside.
        ["GET /api/v1/households/"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["POST /api/v1/households/"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["GET /api/v1/households/{householdId:guid}"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["PUT /api/v1/households/{householdId:guid}"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["POST /api/v1/households/{householdId:guid}/unmask"] = Rule.Only([Roles.Admin]),
        ["POST /api/v1/households/{householdId:guid}/members"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["PUT /api/v1/households/{householdId:guid}/members/{memberId:guid}"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["DELETE /api/v1/households/{householdId:guid}/members/{memberId:guid}"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["PUT /api/v1/households/{householdId:guid}/party-member"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["DELETE /api/v1/households/{householdId:guid}/party-member"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["POST /api/v1/households/{householdId:guid}/visits"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers),
        ["GET /api/v1/households/{householdId:guid}/visits"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /api/v1/visits"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["GET /households"] = Rule.Page(Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff)),
        ["POST /households"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /households/{HouseholdId:guid}"] = Rule.Page(Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff)),
        ["POST /households/{HouseholdId:guid}"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /households/{HouseholdId:guid}/visit"] = Rule.Page(Rule.Scoped(everywhere: [Roles.Admin], scoped: PeopleKeepers)),
        ["POST /households/{HouseholdId:guid}/visit"] = Rule.Page(Rule.Only([Roles.Admin, .. PeopleKeepers])),
        // The demand and resource lists (issue #8): read by region staff within scope, kept below the district.
        ["GET /api/v1/lists/categories"] = Rule.SignedIn,
        ["GET /api/v1/lists/coverage"] = Rule.Scoped(everywhere: [Roles.Admin], scoped: RegionStaff),
        ["POST /api/v1/demands/"] = Rule.Only([Roles.Admin, .. ListKeepers]),
        ["GET /api/v1/demands/"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/demands/geojson"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/demands/{id:guid}"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["POST /api/v1/demands/{id:guid}/close"] = Rule.Only([Roles.Admin, .. ListKeepers]),
        ["POST /api/v1/demands/{id:guid}/fulfil"] = Rule.Only([Roles.Admin, .. ListKeepers]),
        ["POST /api/v1/demands/{id:guid}/reopen"] = Rule.Only([Roles.Admin, .. ListKeepers]),
        ["POST /api/v1/resources/"] = Rule.Only([Roles.Admin, .. ListKeepers]),
        ["GET /api/v1/resources/"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/resources/geojson"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/resources/{id:guid}"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["POST /api/v1/resources/{id:guid}/{action}"] = Rule.Only([Roles.Admin, .. ListKeepers]),
        ["GET /lists/demands"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /lists/demands"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /lists/demands/new"] = Rule.Page(Rule.Only([Roles.Admin, .. ListKeepers])),
        ["POST /lists/demands/new"] = Rule.Page(Rule.Only([Roles.Admin, .. ListKeepers])),
        ["GET /lists/demands/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /lists/demands/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /lists/resources"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /lists/resources"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /lists/resources/new"] = Rule.Page(Rule.Only([Roles.Admin, .. ListKeepers])),
        ["POST /lists/resources/new"] = Rule.Page(Rule.Only([Roles.Admin, .. ListKeepers])),
        ["GET /lists/resources/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /lists/resources/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /lists/coverage"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /lists/coverage"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        // Matching runs and projects (issue #8). Ids in these routes name no run or project here, so the answer is
        // the policy's and the "may see some projects" check's: a 404 (allowed) or a 400 for the empty body.
        ["POST /api/v1/matching/runs/"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        ["GET /api/v1/matching/runs/{id:guid}"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["POST /api/v1/matching/runs/{id:guid}/confirm"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker]),
        ["POST /api/v1/projects/"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff]),
        ["GET /api/v1/projects/"] = Rule.Only([Roles.Admin, .. RegionStaff, Roles.DepartmentHandler]),
        ["GET /api/v1/projects/{id:guid}"] = Rule.Only([Roles.Admin, .. RegionStaff, Roles.DepartmentHandler]),
        ["POST /api/v1/projects/{id:guid}/volunteer"] = Rule.Only([Roles.DepartmentHandler]),
        ["POST /api/v1/projects/{id:guid}/assign"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff]),
        ["POST /api/v1/projects/{id:guid}/milestones"] = Rule.Only([Roles.Admin, .. RegionStaff, Roles.DepartmentHandler]),
        ["POST /api/v1/projects/{id:guid}/milestones/{milestoneId:guid}/complete"] = Rule.Only([Roles.Admin, .. RegionStaff, Roles.DepartmentHandler]),
        ["POST /api/v1/projects/{id:guid}/close-off"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff]),
        ["POST /api/v1/projects/{id:guid}/rate"] = Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff]),
        ["GET /lists/matching"] = Rule.Page(Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker])),
        ["POST /lists/matching"] = Rule.Page(Rule.Only([Roles.Admin, Roles.StreetOfficer, Roles.CommunityStaff, Roles.GridWorker])),
        ["GET /lists/projects"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff, Roles.DepartmentHandler])),
        ["POST /lists/projects"] = Rule.Page(Rule.SignedIn),
        ["GET /lists/projects/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff, Roles.DepartmentHandler])),
        ["POST /lists/projects/{Id:guid}"] = Rule.Page(Rule.SignedIn),
        // The caring-merchant alliance, service stations and points (issue #8 items 5-7). Ids in these routes name no
        // merchant, station, offer or booking here, so the handler's own scope check answers 404 to every role the policy lets in.
        ["POST /api/v1/merchants/"] = Rule.Only([Roles.Merchant]),
        ["GET /api/v1/merchants/mine"] = Rule.Only([Roles.Merchant]),
        ["GET /api/v1/merchants/"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/merchants/geojson"] = Rule.Public,
        ["GET /api/v1/merchants/{id:guid}"] = Rule.SignedIn,
        ["POST /api/v1/merchants/{id:guid}/approve"] = Rule.Only(ListsManagers),
        ["POST /api/v1/merchants/{id:guid}/reject"] = Rule.Only(ListsManagers),
        ["POST /api/v1/merchants/{id:guid}/suspend"] = Rule.Only(ListsManagers),
        ["POST /api/v1/merchants/{id:guid}/offers"] = Rule.Only([Roles.Merchant]),
        ["PUT /api/v1/merchants/offers/{id:guid}"] = Rule.Only([Roles.Merchant]),
        ["DELETE /api/v1/merchants/offers/{id:guid}"] = Rule.Only([Roles.Merchant]),
        ["GET /api/v1/stations/"] = Rule.SignedIn,
        ["POST /api/v1/stations/"] = Rule.Only(ListsManagers),
        ["POST /api/v1/stations/bookings"] = Rule.Only([Roles.Courier, Roles.Resident]),
        ["GET /api/v1/stations/bookings/mine"] = Rule.Only([Roles.Courier, Roles.Resident]),
        ["DELETE /api/v1/stations/bookings/{id:guid}"] = Rule.Only([Roles.Courier, Roles.Resident]),
        ["PUT /api/v1/stations/services/{id:guid}"] = Rule.Only(ListsManagers),
        ["DELETE /api/v1/stations/services/{id:guid}"] = Rule.Only(ListsManagers),
        ["GET /api/v1/stations/{id:guid}"] = Rule.SignedIn,
        ["PUT /api/v1/stations/{id:guid}"] = Rule.Only(ListsManagers),
        ["POST /api/v1/stations/{id:guid}/services"] = Rule.Only(ListsManagers),
        ["GET /api/v1/stations/{id:guid}/slots"] = Rule.SignedIn,
        ["GET /api/v1/stations/{id:guid}/bookings"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/points/me"] = Rule.SignedIn,
        // Couriers: unknown sites and couriers answer 404 to anyone holding the permission, so these read as "everywhere".
        ["POST /api/v1/couriers/phone-codes"] = Rule.Public,
        ["POST /api/v1/couriers/registrations"] = Rule.Public,
        ["GET /api/v1/couriers/me"] = Rule.Only(PassHolders),
        ["PUT /api/v1/couriers/me"] = Rule.Only(PassHolders),
        ["PUT /api/v1/couriers/me/photo"] = Rule.Only(PassHolders),
        ["GET /api/v1/couriers/"] = Rule.Only(CourierReviewers),
        ["GET /api/v1/couriers/{id:guid}/photo"] = Rule.SignedIn,
        ["GET /api/v1/couriers/{id:guid}"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/{id:guid}/approve"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/{id:guid}/reject"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/{id:guid}/suspend"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/{id:guid}/reinstate"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/{id:guid}/pass/reissue"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/complaints"] = Rule.Public,
        ["GET /api/v1/couriers/complaints/{number}"] = Rule.Public,
        ["GET /api/v1/couriers/complaints"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/couriers/complaints/{id:guid}/decide"] = Rule.Only(CourierReviewers),
        ["POST /api/v1/sites/"] = Rule.Only(SiteKeepers),
        ["GET /api/v1/sites/"] = Rule.Only(SiteKeepers),
        ["GET /api/v1/sites/{code}"] = Rule.Only(SiteKeepers),
        ["PUT /api/v1/sites/{code}"] = Rule.Only(SiteKeepers),
        ["DELETE /api/v1/sites/{code}"] = Rule.Only(SiteKeepers),
        ["GET /api/v1/sites/{code}/qr.svg"] = Rule.Only(SiteKeepers),
        ["POST /api/v1/sites/{code}/scan"] = Rule.Only(PassHolders),
        ["GET /api/v1/sites/{code}/map"] = Rule.Only(PassHolders),
        ["GET /api/v1/passages"] = Rule.Only(SiteKeepers),
        // Couriers' officer pages; the detail and poster of an unknown rider or site say so (404) to anyone holding the permission.
        ["GET /couriers/review"] = Rule.Page(Rule.Only(CourierReviewers)),
        ["POST /couriers/review"] = Rule.Page(Rule.Only(CourierReviewers)),
        ["GET /couriers/{Id:guid}"] = Rule.Page(Rule.Only(CourierReviewers)),
        ["POST /couriers/{Id:guid}"] = Rule.Page(Rule.Only(CourierReviewers)),
        ["GET /couriers/complaints"] = Rule.Page(Rule.Only(CourierReviewers)),
        ["POST /couriers/complaints"] = Rule.Page(Rule.Only(CourierReviewers)),
        ["GET /couriers/sites"] = Rule.Page(Rule.Only(SiteKeepers)),
        ["POST /couriers/sites"] = Rule.Page(Rule.Only(SiteKeepers)),
        ["GET /couriers/sites/{Code}/poster"] = Rule.Page(Rule.Only(SiteKeepers)),
        ["POST /couriers/sites/{Code}/poster"] = Rule.Page(Rule.Only(SiteKeepers)),
        ["GET /couriers/passages"] = Rule.Page(Rule.Only(SiteKeepers)),
        ["POST /couriers/passages"] = Rule.Page(Rule.Only(SiteKeepers)),
        // Inspection indicators (issue #10): a utility's staff and admins everywhere (bounded by the utility inside), district officers in their districts.
        ["GET /api/v1/inspections/indicators/"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/indicators/export"] = Rule.Only(InspectionReaders),
        ["GET /inspections"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections"] = Rule.Page(Rule.Only(InspectionReaders)),
        // Expressway route board (issue #11, BOARD): traffic:read; an operator's staff see their routes, the police all, district officers their districts (checked inside).
        ["GET /api/v1/traffic/board"] = Rule.Only([Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector]),
        ["GET /api/v1/traffic/indicators"] = Rule.Only([Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector]),
        ["GET /api/v1/traffic/indicators/export"] = Rule.Only([Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector]),
        ["GET /traffic/board"] = Rule.Page(Rule.Only([Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector])),
        ["POST /traffic/board"] = Rule.Page(Rule.Only([Roles.Admin, Roles.DistrictOfficer, Roles.DepartmentHandler, Roles.Inspector])),
        ["GET /couriers/complaint"] = Rule.Page(Rule.Public),
        ["POST /couriers/complaint"] = Rule.Page(Rule.Public),
        // Region staff see only people who earned or spent points in their scope; the matrix's target has none.
        ["GET /api/v1/points/people/{id}"] = Rule.Only([Roles.Admin]),
        ["POST /api/v1/points/volunteer-hours"] = Rule.Only(ListsManagers),
        ["POST /api/v1/points/redemption-codes"] = Rule.SignedIn,
        ["POST /api/v1/points/redeem"] = Rule.Only([Roles.Merchant]),
        ["POST /api/v1/points/entries/{id:long}/refund"] = Rule.SignedIn,
        ["GET /merchants/join"] = Rule.Page(Rule.Only([Roles.Merchant])),
        ["POST /merchants/join"] = Rule.Page(Rule.Only([Roles.Merchant])),
        ["GET /merchants/mine"] = Rule.Page(Rule.Only([Roles.Merchant])),
        ["POST /merchants/mine"] = Rule.Page(Rule.Only([Roles.Merchant])),
        ["GET /lists/merchants"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["POST /lists/merchants"] = Rule.Page(Rule.Only([Roles.Admin, .. RegionStaff])),
        ["GET /stations"] = Rule.Page(Rule.SignedIn),
        ["GET /api/v1/inspections/customers/"] = Rule.Only(InspectionReaders),
        ["POST /api/v1/inspections/customers/"] = Rule.Only(InspectionManagers),
        ["GET /api/v1/inspections/customers/template"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/customers/export"] = Rule.Only(InspectionReaders),
        ["POST /api/v1/inspections/customers/import"] = Rule.Only(InspectionManagers),
        ["GET /api/v1/inspections/customers/{id:guid}"] = Rule.Only(InspectionReaders),
        ["PUT /api/v1/inspections/customers/{id:guid}"] = Rule.Only(InspectionManagers),
        ["POST /api/v1/inspections/customers/{id:guid}/deactivate"] = Rule.Only(InspectionManagers),
        ["POST /api/v1/inspections/customers/{id:guid}/activate"] = Rule.Only(InspectionManagers),
        ["POST /api/v1/inspections/customers/{id:guid}/contact"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/frequency-rules/"] = Rule.Only(InspectionReaders),
        ["PUT /api/v1/inspections/frequency-rules/"] = Rule.Only(InspectionManagers),
        ["GET /inspections/customers"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections/customers"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["GET /inspections/customers/{Id:guid}"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections/customers/{Id:guid}"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["GET /inspections/customers/new"] = Rule.Page(Rule.Only(InspectionManagers)),
        ["POST /inspections/customers/new"] = Rule.Page(Rule.Only(InspectionManagers)),
        ["GET /inspections/customers/{Id:guid}/edit"] = Rule.Page(Rule.Only(InspectionManagers)),
        ["POST /inspections/customers/{Id:guid}/edit"] = Rule.Page(Rule.Only(InspectionManagers)),
        ["GET /inspections/customers/import"] = Rule.Page(Rule.Only(InspectionManagers)),
        ["POST /inspections/customers/import"] = Rule.Page(Rule.Only(InspectionManagers)),
        ["GET /inspections/rules"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections/rules"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /stations"] = Rule.Page(Rule.SignedIn),
        ["GET /stations/{Id:guid}"] = Rule.Page(Rule.SignedIn),
        ["POST /stations/{Id:guid}"] = Rule.Page(Rule.SignedIn),
        ["GET /points"] = Rule.Page(Rule.SignedIn),
        ["POST /points"] = Rule.Page(Rule.SignedIn),
        // Riders as grid workers and their services (issue #9 items 4-5). Without a query the services answer 400 (allowed);
        // a thanks with an empty body is refused on its fields before any scope is checked, and the withdraw route's id names no thanks (404).
        ["GET /api/v1/couriers/services"] = Rule.SignedIn,
        ["GET /api/v1/couriers/services.geojson"] = Rule.SignedIn,
        ["GET /api/v1/couriers/leaderboard"] = Rule.Public,
        ["POST /api/v1/couriers/thanks"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["DELETE /api/v1/couriers/thanks/{id:guid}"] = Rule.Only([Roles.Admin, .. RegionStaff]),
        ["GET /api/v1/couriers/thanks"] = Rule.Public,
        ["GET /rider/services"] = Rule.Page(Rule.SignedIn),
        ["POST /rider/services"] = Rule.Page(Rule.SignedIn),
        ["GET /rider"] = Rule.Page(Rule.Public),
        ["POST /rider"] = Rule.Page(Rule.Public),
        ["GET /rider/register"] = Rule.Page(Rule.Public),
        ["POST /rider/register"] = Rule.Page(Rule.Public),
        ["GET /s/{Code}"] = Rule.Page(Rule.Only(PassHolders)),
        ["POST /s/{Code}"] = Rule.Page(Rule.Only(PassHolders)),
        ["GET /gate"] = Rule.Page(Rule.Only(GateGuards)),
        ["POST /gate"] = Rule.Page(Rule.Only(GateGuards)),
        ["GET /gate/{Code}"] = Rule.Page(Rule.Only(GateGuards)),
        ["POST /gate/{Code}"] = Rule.Page(Rule.Only(GateGuards)),
        ["GET /couriers/leaderboard"] = Rule.Page(Rule.Public),
        ["POST /couriers/leaderboard"] = Rule.Page(Rule.Public),
        ["GET /couriers/thanks"] = Rule.Page(Rule.Public),
        ["POST /couriers/thanks"] = Rule.Page(Rule.Public),
        // The offline courier pass (issue #9 item 3). Verify, bundle and sync name a site, checked inside (the site's
        // guards, staff keeping its region): the matrix sends none, so every role the policy lets in gets 400.
        ["GET /api/v1/passes/keys"] = Rule.Public,
        ["POST /api/v1/passes/keys/rotate"] = Rule.Only([Roles.Admin]),
        ["POST /api/v1/passes/keys/{keyId}/retire"] = Rule.Only([Roles.Admin]),
        ["GET /api/v1/passes/me/tokens"] = Rule.Only([Roles.Courier]),
        ["POST /api/v1/passes/verify"] = Rule.Only(PassVerifiers),
        ["GET /api/v1/passes/gate-bundle"] = Rule.Only(PassVerifiers),
        ["POST /api/v1/passes/passages/sync"] = Rule.Only(PassVerifiers),
        ["GET /rider/pass"] = Rule.Page(Rule.Only([Roles.Courier])),
        ["POST /rider/pass"] = Rule.Page(Rule.Only([Roles.Courier])),
        // Inspections, hazards side (issue #10): unknown ids answer 404 to anyone holding the permission; district officers read their districts.
        ["GET /api/v1/inspections/templates"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/templates/{code}"] = Rule.Only(InspectionReaders),
        ["PUT /api/v1/inspections/templates/{code}"] = Rule.Only(InspectionManagers),
        ["GET /api/v1/inspections/hazards"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/hazards/{id:guid}"] = Rule.Only(InspectionReaders),
        ["POST /api/v1/inspections/hazards/{id:guid}/rectified"] = Rule.Only(InspectionManagers),
        ["GET /api/v1/inspections/"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/{id:guid}"] = Rule.Only(InspectionReaders),
        ["POST /api/v1/inspections/{id:guid}/record"] = Rule.Only([Roles.Inspector]),
        ["GET /api/v1/inspections/{id:guid}/photos/{photoId:guid}"] = Rule.Only(InspectionReaders),
        ["GET /api/v1/inspections/{id:guid}/signature"] = Rule.Only(InspectionReaders),
        ["GET /inspect"] = Rule.Page(Rule.Only([Roles.Inspector])),
        ["POST /inspect"] = Rule.Page(Rule.Only([Roles.Inspector])),
        ["GET /inspect/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Inspector])),
        ["POST /inspect/{Id:guid}"] = Rule.Page(Rule.Only([Roles.Inspector])),
        ["GET /inspections/hazards"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections/hazards"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["GET /inspections/hazards/{Id:guid}"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections/hazards/{Id:guid}"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["GET /inspections/hazards/{Id:guid}/notice"] = Rule.Page(Rule.Only(InspectionReaders)),
        ["POST /inspections/hazards/{Id:guid}/notice"] = Rule.Page(Rule.Only(InspectionReaders)),
        // Inspections (issue #10), rounds and repairs: the desk plans and dispatches, crews (inspectors) record their steps.
        ["POST /api/v1/inspections/rounds/plan"] = Rule.Only(RndDesk),
        ["GET /api/v1/inspections/rounds/"] = Rule.Only(RndDesk),
        ["GET /api/v1/inspections/rounds/mine"] = Rule.Only([Roles.Admin, Roles.DepartmentHandler, Roles.Inspector, Roles.DistrictOfficer]),
        ["POST /api/v1/inspections/{id:guid}/assign"] = Rule.Only(RndDesk),
        ["POST /api/v1/repairs/crews/"] = Rule.Only(RndDesk),
        ["GET /api/v1/repairs/crews/"] = Rule.Only(RndRepairWorkers),
        ["GET /api/v1/repairs/crews/{id:guid}"] = Rule.Only(RndRepairWorkers),
        ["PUT /api/v1/repairs/crews/{id:guid}"] = Rule.Only(RndDesk),
        ["DELETE /api/v1/repairs/crews/{id:guid}"] = Rule.Only(RndDesk),
        ["PUT /api/v1/repairs/crews/{id:guid}/position"] = Rule.Only(RndRepairWorkers),
        ["POST /api/v1/repairs/"] = Rule.Only(RndRepairWorkers),
        ["GET /api/v1/repairs/"] = Rule.Only(RndRepairWorkers),
        ["GET /api/v1/repairs/{id:guid}"] = Rule.Only(RndRepairWorkers),
        // Dispatching and cancelling are the desk's (checked in the handler); inspectors on a crew hold repairs:work for the rest.
        ["POST /api/v1/repairs/{id:guid}/dispatch"] = Rule.Only(RndDesk),
        ["POST /api/v1/repairs/{id:guid}/arrive"] = Rule.Only(RndRepairWorkers),
        ["POST /api/v1/repairs/{id:guid}/made-safe"] = Rule.Only(RndRepairWorkers),
        ["POST /api/v1/repairs/{id:guid}/finish"] = Rule.Only(RndRepairWorkers),
        ["POST /api/v1/repairs/{id:guid}/cancel"] = Rule.Only(RndDesk),
        ["GET /inspections/rounds"] = Rule.Page(Rule.Only(RndDesk)),
        ["POST /inspections/rounds"] = Rule.Page(Rule.Only(RndDesk)),
        ["GET /repairs"] = Rule.Page(Rule.Only(RndDesk)),
        ["POST /repairs"] = Rule.Page(Rule.Only(RndDesk)),
        ["GET /repairs/planned"] = Rule.Page(Rule.Only(RndDesk)),
        ["POST /repairs/planned"] = Rule.Page(Rule.Only(RndDesk)),
        ["GET /repairs/mine"] = Rule.Page(Rule.Only(RndRepairWorkers)),
        ["POST /repairs/mine"] = Rule.Page(Rule.Only(RndRepairWorkers)),
        ["GET /repairs/{Id:guid}"] = Rule.Page(Rule.Only(RndRepairWorkers)),
        ["POST /repairs/{Id:guid}"] = Rule.Page(Rule.Only(RndRepairWorkers)),
        // Traffic, drivers' quick accident reports (issue #11 item 2): drivers are not signed in; each party's private token or the
        // short code guards a report (a missing token answers 404, an empty body 400), so every row is public.
        ["POST /api/v1/traffic/accidents/check"] = Rule.Public,
        ["POST /api/v1/traffic/accidents/locate"] = Rule.Public,
        ["POST /api/v1/traffic/accidents/"] = Rule.Public,
        ["POST /api/v1/traffic/accidents/preview"] = Rule.Public,
        ["POST /api/v1/traffic/accidents/confirm"] = Rule.Public,
        ["GET /api/v1/traffic/accidents/confirm-qr.svg"] = Rule.Public,
        ["GET /api/v1/traffic/accidents/{id:guid}"] = Rule.Public,
        ["POST /api/v1/traffic/accidents/{id:guid}/code"] = Rule.Public,
        ["GET /api/v1/traffic/accidents/{id:guid}/photos/{kind}"] = Rule.Public,
        ["GET /accident"] = Rule.Page(Rule.Public),
        ["POST /accident"] = Rule.Page(Rule.Public),
        ["GET /accident/confirm"] = Rule.Page(Rule.Public),
        ["POST /accident/confirm"] = Rule.Page(Rule.Public),
        ["GET /accident/{Id:guid}/record"] = Rule.Page(Rule.Public),
        ["POST /accident/{Id:guid}/record"] = Rule.Page(Rule.Public),
        // Expressway incidents (issue #11), the incident desk: read by the operator's and police staff, crews and district officers;
        // the control room (department handlers) reports, dispatches and keeps crews; crew members (inspectors) record on scene / lanes clear.
        ["POST /api/v1/traffic/incidents/"] = Rule.Only(IncDesk),
        ["GET /api/v1/traffic/incidents/"] = Rule.Only(IncReaders),
        ["GET /api/v1/traffic/incidents/{id:guid}"] = Rule.Only(IncReaders),
        ["POST /api/v1/traffic/incidents/{id:guid}/dispatch"] = Rule.Only(IncDesk),
        ["POST /api/v1/traffic/incidents/{id:guid}/call-back"] = Rule.Only(IncDesk),
        ["POST /api/v1/traffic/incidents/{id:guid}/on-scene"] = Rule.Only(IncWorkers),
        ["POST /api/v1/traffic/incidents/{id:guid}/lanes-clear"] = Rule.Only(IncWorkers),
        ["POST /api/v1/traffic/incidents/{id:guid}/close"] = Rule.Only(IncDesk),
        ["POST /api/v1/traffic/incidents/{id:guid}/cancel"] = Rule.Only(IncDesk),
        ["GET /api/v1/traffic/crews/"] = Rule.Only(IncReaders),
        ["POST /api/v1/traffic/crews/"] = Rule.Only(IncDesk),
        ["PUT /api/v1/traffic/crews/{id:guid}"] = Rule.Only(IncDesk),
        ["PUT /api/v1/traffic/crews/{id:guid}/duty"] = Rule.Only(IncWorkers),
        ["PUT /api/v1/traffic/crews/{id:guid}/position"] = Rule.Only(IncWorkers),
        ["GET /traffic/incidents"] = Rule.Page(Rule.Only(IncReaders)),
        ["POST /traffic/incidents"] = Rule.Page(Rule.Only(IncReaders)),
        ["GET /traffic/incidents/{Id:guid}"] = Rule.Page(Rule.Only(IncReaders)),
        ["POST /traffic/incidents/{Id:guid}"] = Rule.Page(Rule.Only(IncReaders)),
        ["GET /traffic/crew"] = Rule.Page(Rule.Only(IncWorkers)),
        ["POST /traffic/crew"] = Rule.Page(Rule.Only(IncWorkers)),
        // Expressway road network (issue #11, ROADS): staff with traffic:read read it, the operator's desk (traffic:manage) imports and retires;
        // locate and stake look-ups are public (drivers' phones, rate-limited).
        ["POST /api/v1/traffic/routes/import"] = Rule.Only(RoadManagers),
        ["GET /api/v1/traffic/routes"] = Rule.Only(RoadReaders),
        ["GET /api/v1/traffic/routes.geojson"] = Rule.Only(RoadReaders),
        ["GET /api/v1/traffic/routes/{code}"] = Rule.Only(RoadReaders),
        ["DELETE /api/v1/traffic/routes/{code}/{direction}"] = Rule.Only(RoadManagers),
        ["GET /api/v1/traffic/locate"] = Rule.Public,
        ["GET /api/v1/traffic/routes/{code}/{direction}/stakes/{stake}"] = Rule.Public,
        ["GET /traffic/routes"] = Rule.Page(Rule.Only(RoadReaders)),
        ["POST /traffic/routes"] = Rule.Page(Rule.Only(RoadReaders)),
        ["GET /traffic/routes/import"] = Rule.Page(Rule.Only(RoadManagers)),
        ["POST /traffic/routes/import"] = Rule.Page(Rule.Only(RoadManagers)),
    };

    private TestApp _app = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private string _targetUserId = "";
    private string _insideCase = "";
    private string _outsideCase = "";
    private string _open311Key = "";
    private string _insideHousehold = "";
    private string _outsideHousehold = "";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(SampleTree().ToString())).StatusCode);
        var west = new RegionFile()
            .Add("330106", "西湖区", "district", null, Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001", "北山街道", "street", "330106", Box(120.20, 30.30, 120.30, 30.40))
            .Add("330106001001", "北山社区", "community", "330106001", Box(120.20, 30.30, 120.25, 30.35))
            .Add(OutsideCode, "北山网格", "grid", "330106001001", Box(120.20, 30.30, 120.25, 30.35))
            .Add(OutsideBuilding, "1幢", "building", OutsideCode, Box(120.21, 30.31, 120.211, 30.311));
        Assert.Equal(HttpStatusCode.OK, (await _app.ImportAsync(west.ToString())).StatusCode);
        _clients[Roles.Admin] = _app.Client;
        _clients[Anonymous] = _app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var (role, (scope, department)) in Accounts)
        {
            _clients[role] = await _app.ClientForAsync(role, scope, department, username: $"matrix-{role}");
        }
        var target = await _app.Client.PostAsJsonAsync("/api/v1/users", new
        {
            username = "matrix-target", password = "Pass-word-2026x", displayName = "目标用户", phone = "13900002222",
            assignments = new[] { new { role = Roles.Resident } },
        });
        _targetUserId = (await target.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        _insideCase = await ReportAsync(120.11, 30.32);
        _outsideCase = await ReportAsync(120.22, 30.32);
        var key = await _app.Client.PostAsJsonAsync("/api/v1/open311/keys", new { name = "matrix", perMinute = 10_000 });
        _open311Key = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        _insideHousehold = await HouseholdAsync(InsideBuilding);
        _outsideHousehold = await HouseholdAsync(OutsideBuilding);
    }

    private async Task<string> HouseholdAsync(string building)
    {
        var response = await _app.Client.PostAsJsonAsync("/api/v1/households", new { buildingCode = building, address = "1单元101", headName = "刘海燕" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string> ReportAsync(double lon, double lat)
    {
        var response = await _app.Anonymous.PostAsJsonAsync("/api/v1/cases", new { category = "1101", description = "垃圾", lon, lat });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_endpoint_names_an_authorization_policy_and_has_a_row_in_the_matrix()
    {
        var missing = new List<string>();
        foreach (var (key, endpoint) in Endpoints())
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (policies.Count == 0 || policies.Any(string.IsNullOrEmpty))
            {
                missing.Add($"{key}: no named authorization policy");
            }
            if (!Expectations.ContainsKey(key))
            {
                missing.Add($"{key}: no row in the authorization matrix");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_inside_and_outside_its_scope_as_the_matrix_says()
    {
        var wrong = new List<string>();
        foreach (var (key, endpoint) in Endpoints())
        {
            if (!Expectations.TryGetValue(key, out var rule))
            {
                continue;
            }
            foreach (var role in _clients.Keys)
            {
                foreach (var inside in new[] { true, false })
                {
                    var code = inside ? InsideCode(role) : OutsideCode;
                    var (method, pattern) = Split(key);
                    using var request = new HttpRequestMessage(new HttpMethod(method), Path(pattern, code, inside)) { Content = Body(key, code) };
                    using var response = await _clients[role].SendAsync(request);
                    var expected = rule.Expected(role, inside);
                    var actual = rule.IsPublic && pattern.StartsWith("/account/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Redirect
                        ? Outcome.Allowed // the sign-in pages send you on to each other by design
                        : Classify(response);
                    if (expected != actual)
                    {
                        wrong.Add($"{key} as {role} on a target {(inside ? "inside" : "outside")} its scope: expected {expected}, got {actual} ({(int)response.StatusCode})");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> Endpoints()
    {
        var source = _app.Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                yield return ($"{method} {endpoint.RoutePattern.RawText}", endpoint);
            }
        }
    }

    private static string InsideCode(string role) =>
        Accounts.TryGetValue(role, out var account) && account.Scope is not null ? account.Scope : "330105001001001";

    private string Path(string pattern, string code, bool inside) => pattern
        .Replace("{id:guid}", inside ? _insideCase : _outsideCase, StringComparison.Ordinal)
        .Replace("{Id:guid}", inside ? _insideCase : _outsideCase, StringComparison.Ordinal)
        .Replace("{householdId:guid}", inside ? _insideHousehold : _outsideHousehold, StringComparison.Ordinal)
        .Replace("{HouseholdId:guid}", inside ? _insideHousehold : _outsideHousehold, StringComparison.Ordinal)
        .Replace("{memberId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{Token}", "no-such-token", StringComparison.Ordinal)
        .Replace("{action}", "accept", StringComparison.Ordinal)
        .Replace("{photoId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{keyId}", "NOKEY", StringComparison.Ordinal)
        .Replace("{milestoneId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{id:long}", "1", StringComparison.Ordinal)
        .Replace("{number}", "TS-20260101-000000", StringComparison.Ordinal)
        .Replace("{documentName?}", "v1", StringComparison.Ordinal)
        .Replace("{token}", "no-such-token", StringComparison.Ordinal)
        .Replace("{format}", "xml", StringComparison.Ordinal)
        .Replace("{service_code}", "1101", StringComparison.Ordinal)
        .Replace("{service_request_id}", "no-such-request", StringComparison.Ordinal)
        .Replace("{**path}", "nothing-here", StringComparison.Ordinal)
        .Replace("{code}", code, StringComparison.Ordinal)
        .Replace("{Code}", code, StringComparison.Ordinal)
        .Replace("{id}", _targetUserId, StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{year:int}", "2026", StringComparison.Ordinal)
        .Replace("{gridCode}", code, StringComparison.Ordinal)
        + (pattern == "/api/v1/locate" ? "?lon=120.11&lat=30.32" : "")
        + (pattern == "/api/v1/dashboard" ? $"?region={code}" : "")
        + (pattern is "/api/v1/households/" or "/households" or "/api/v1/visits" ? $"?region={code}" : "")
        + (pattern == "/api/v1/lists/coverage" ? $"?region={code}" : "");

    private HttpContent? Body(string key, string code) => key switch
    {
        "POST /open311/v2/requests.{format}" => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = _open311Key, ["service_code"] = "1101", ["lat"] = "30.32", ["long"] = "120.11", ["description"] = "垃圾",
        }),
        "POST /open311/v2/servicerequestupdates.{format}" => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = _open311Key, ["service_request_id"] = "no-such-request", ["update_id"] = "matrix", ["description"] = "还是满的",
        }),
        "POST /api/v1/regions/import" => new StringContent(
            new RegionFile().Add(code + "901", "新网格", "grid", code, Box(120.1, 30.3, 120.101, 30.301)).ToString(),
            Encoding.UTF8, "application/geo+json"),
        "POST /api/v1/locate" => JsonContent.Create(new[] { new[] { 120.11, 30.32 } }),
        "POST /api/v1/users/{id}/unmask" => JsonContent.Create(new { reason = "matrix test" }),
        "POST /api/v1/households/{householdId:guid}/unmask" => JsonContent.Create(new { reason = "matrix test" }),
        "POST /api/v1/households/" => JsonContent.Create(new
        {
            buildingCode = code == OutsideCode ? OutsideBuilding : InsideBuilding, address = "9单元909", headName = "刘海燕",
        }),
        _ when key.StartsWith("POST /api", StringComparison.Ordinal) || key.StartsWith("PUT", StringComparison.Ordinal) => JsonContent.Create(new { }),
        _ => null,
    };

    private static (string Method, string Pattern) Split(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return (key[..space], key[(space + 1)..]);
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Outcome.SignInRequired,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true => Outcome.SignInRequired,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true => Outcome.Forbidden,
        _ => Outcome.Allowed,
    };

    private enum Outcome
    {
        Allowed,
        Forbidden,
        SignInRequired,
    }

    private sealed record Rule(bool IsPublic, bool AnySignedIn, string[] Everywhere, string[] ScopedRoles)
    {
        public static Rule Public { get; } = new(true, true, [], []);
        public static Rule SignedIn { get; } = new(false, true, [], []);

        public static Rule Only(string[] roles) => new(false, false, roles, []);

        public static Rule Scoped(string[] everywhere, string[] scoped) => new(false, false, everywhere, scoped);

        /// <summary>Pages are the same rules; a browser is sent to sign in rather than told 401.</summary>
        public static Rule Page(Rule rule) => rule;

        public Outcome Expected(string role, bool inside)
        {
            if (IsPublic) return Outcome.Allowed;
            if (role == Anonymous) return Outcome.SignInRequired;
            if (AnySignedIn || Everywhere.Contains(role)) return Outcome.Allowed;
            if (ScopedRoles.Contains(role)) return inside ? Outcome.Allowed : Outcome.Forbidden;
            return Outcome.Forbidden;
        }
    }
}
