using Linli.Infrastructure.Auth;
using Linli.Modules.Couriers.Riders.FindServices;
using Linli.Modules.Couriers.Riders.Leaderboard;
using Linli.Modules.Couriers.Riders.Thanks;

namespace Linli.Modules.Couriers.Riders;

/// <summary>Riders as mobile grid workers (leaderboard, public thanks) and the services the city offers them.</summary>
internal static class RiderServicesModule
{
    public static WebApplicationBuilder AddRiderServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ThankCouriers>();
        return builder;
    }

    public static WebApplication MapRiderServices(this WebApplication app)
    {
        var couriers = app.MapGroup("/api/v1/couriers").WithTags("Couriers");
        // Signed in, not only pass holders: a rider still under review, a driver or a resident also uses a rest stop,
        // and staff check what riders are shown. Nothing here is personal.
        couriers.MapGet("/services", FindServices.FindServices.Handle).WithName("FindWorkerServices")
            .WithSummary("Battery-swap cabinets, rider meals, rest stops and courses near lon,lat: radius (m, default 3000, max 20000), kind (comma-separated); nearest first, at most 200")
            .ProducesValidationProblem().RequireAuthorization(Policies.SignedIn);
        couriers.MapGet("/services.geojson", FindServices.FindServices.GeoJson).WithName("WorkerServicesAsGeoJson")
            .WithSummary("The same worker services as GeoJSON points for the map")
            .Produces<ServiceFeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesValidationProblem().RequireAuthorization(Policies.SignedIn);
        couriers.MapGet("/leaderboard", GetLeaderboard.Handle).WithName("RiderLeaderboard")
            .WithSummary("Riders of a street ranked by reports verified true: street (code), period week|month|year|all; masked names only")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        couriers.MapPost("/thanks", ThanksEndpoints.Thank).WithName("ThankCouriers")
            .WithSummary("Thank publicly the couriers who reported a case {caseNumber, message}, or one courier {courierId, regionCode, message}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.CouriersThank);
        couriers.MapDelete("/thanks/{id:guid}", ThanksEndpoints.Withdraw).WithName("WithdrawCourierThanks")
            .WithSummary("Take a thanks down from the wall").RequireAuthorization(Policies.CouriersThank);
        couriers.MapGet("/thanks", ThanksEndpoints.Wall).WithName("CourierThanksWall")
            .WithSummary("The public thanks wall, newest first: street (code, optional), limit (≤ 200)")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        return app;
    }
}
