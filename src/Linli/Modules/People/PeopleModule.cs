using Linli.Infrastructure.Auth;
using Linli.Modules.People.DemoHouseholds;
using Linli.Modules.People.Households;

namespace Linli.Modules.People;

/// <summary>
/// The household book (住户台账): households of each building, their members, care tags, the
/// party member linked to each household, and the grid worker's visits.
/// </summary>
internal static class PeopleModule
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HouseholdBook>();
        builder.Services.AddSingleton<Contracts.IHouseholdDirectory, HouseholdDirectory>();
        builder.Services.AddSingleton<DemoHouseholdSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoHouseholdSeeder>());
        builder.Services.AddHealthChecks().AddCheck<DemoHouseholdsHealthCheck>("demo-households", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        var households = app.MapGroup("/api/v1/households").WithTags("People");
        households.MapGet("/", HouseholdEndpoints.List).WithName("ListHouseholds")
            .WithSummary("Households of a building or any region within your scope, paged (page, pageSize ≤ 200), filtered by careTag, hasPartyMember, notVisitedDays; personal data masked")
            .RequireAuthorization(Policies.PeopleRead);
        households.MapPost("/", HouseholdEndpoints.Create).WithName("CreateHousehold")
            .WithSummary("Record a household of a building (with its members, optionally); care tags need careTagsConsent")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PeopleManage);
        households.MapGet("/{householdId:guid}", HouseholdEndpoints.Get).WithName("GetHousehold")
            .WithSummary("One household with its members, masked (刘*燕, 139****1234, 330105********1234)")
            .RequireAuthorization(Policies.PeopleRead);
        households.MapPut("/{householdId:guid}", HouseholdEndpoints.Update).WithName("UpdateHousehold")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.PeopleManage);
        households.MapPost("/{householdId:guid}/unmask", HouseholdEndpoints.Unmask).WithName("UnmaskHousehold")
            .WithSummary("The household's personal data in full, for a stated reason (needs personal-data:unmask; audited)")
            .RequireAuthorization(Policies.PeopleRead);
        households.MapPost("/{householdId:guid}/members", HouseholdEndpoints.AddMember).WithName("AddHouseholdMember")
            .ProducesValidationProblem().RequireAuthorization(Policies.PeopleManage);
        households.MapPut("/{householdId:guid}/members/{memberId:guid}", HouseholdEndpoints.UpdateMember).WithName("UpdateHouseholdMember")
            .ProducesValidationProblem().RequireAuthorization(Policies.PeopleManage);
        households.MapDelete("/{householdId:guid}/members/{memberId:guid}", HouseholdEndpoints.RemoveMember).WithName("RemoveHouseholdMember")
            .RequireAuthorization(Policies.PeopleManage);
        households.MapPut("/{householdId:guid}/party-member", HouseholdEndpoints.LinkPartyMember).WithName("LinkPartyMember")
            .WithSummary("Link the party member who looks after the household (党员联户): name and phone, or a Linli account")
            .ProducesValidationProblem().RequireAuthorization(Policies.PeopleManage);
        households.MapDelete("/{householdId:guid}/party-member", HouseholdEndpoints.UnlinkPartyMember).WithName("UnlinkPartyMember")
            .RequireAuthorization(Policies.PeopleManage);
        households.MapPost("/{householdId:guid}/visits", HouseholdEndpoints.RecordVisit).WithName("RecordVisit")
            .WithSummary("Record a visit (走访); its needs go onto the demand list in the same transaction, and one bad need refuses the whole visit")
            .ProducesValidationProblem().RequireAuthorization(Policies.PeopleManage);
        households.MapGet("/{householdId:guid}/visits", HouseholdEndpoints.Visits).WithName("ListVisits")
            .WithSummary("The household's visits, newest first").RequireAuthorization(Policies.PeopleRead);
        app.MapGet("/api/v1/visits", HouseholdEndpoints.VisitsIn).WithTags("People").WithName("ListVisitsInRegion")
            .WithSummary("Visits in a region within your scope over the last 'days' (default 30), newest first, at most 'limit' (≤ 500)")
            .RequireAuthorization(Policies.PeopleRead);
        return app;
    }
}
