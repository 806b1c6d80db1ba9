using Linli.Infrastructure.Auth;
using Linli.Modules.Lists.Merchants;
using Linli.Modules.Lists.Points;
using Linli.Modules.Lists.Stations;

namespace Linli.Modules.Lists;

/// <summary>
/// The caring-merchant alliance (爱心商家联盟), red neighbourhood service stations (红色邻里服务站)
/// and the points ledger: merchants' offers and stations' services are rows of the resource list.
/// </summary>
internal static class AllianceModule
{
    public static WebApplicationBuilder AddAlliance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MerchantService>();
        builder.Services.AddSingleton<OfferService>();
        builder.Services.AddScoped<StationDesk>();
        builder.Services.AddScoped<BookingDesk>();
        builder.Services.AddSingleton<PointsBook>();
        builder.Services.AddScoped<PointsDesk>();
        builder.Services.AddSingleton<Contracts.IPointsLedger, PointsLedger>();
        builder.Services.AddHostedService<AllianceDemoData>();
        return builder;
    }

    public static WebApplication MapAlliance(this WebApplication app)
    {
        var merchants = app.MapGroup("/api/v1/merchants").WithTags("Alliance");
        merchants.MapPost("/", MerchantEndpoints.Apply).WithName("ApplyToAlliance")
            .WithSummary("A merchant applies to join the caring-merchant alliance (unified social credit code checked); a rejected application of one's own is sent again")
            .RequireAuthorization(Policies.OffersManage);
        merchants.MapGet("/mine", MerchantEndpoints.Mine).WithName("MyMerchants").WithSummary("The merchants this account applied for, with status, reason and offers")
            .RequireAuthorization(Policies.OffersManage);
        merchants.MapGet("/", MerchantEndpoints.List).WithName("ListMerchants")
            .WithSummary("Merchants in your scope, the review queue (pending) first; status=pending|approved|rejected|suspended")
            .RequireAuthorization(Policies.ListsRead);
        merchants.MapGet("/geojson", MerchantEndpoints.GeoJson).WithName("MerchantsAsGeoJson")
            .WithSummary("Approved merchants and their offers as GeoJSON points for the public map (no contact, no credit code)")
            .Produces<MerchantFeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        // The owner, or staff reading the lists in the merchant's region (checked inside).
        merchants.MapGet("/{id:guid}", MerchantEndpoints.Get).WithName("GetMerchant").RequireAuthorization(Policies.SignedIn);
        merchants.MapPost("/{id:guid}/approve", MerchantEndpoints.Approve).WithName("ApproveMerchant")
            .WithSummary("Approve an application (or reinstate a suspended merchant: its paused offers resume)").RequireAuthorization(Policies.ListsManage);
        merchants.MapPost("/{id:guid}/reject", MerchantEndpoints.Reject).WithName("RejectMerchant")
            .WithSummary("Reject an application with a reason the merchant sees").RequireAuthorization(Policies.ListsManage);
        merchants.MapPost("/{id:guid}/suspend", MerchantEndpoints.Suspend).WithName("SuspendMerchant")
            .WithSummary("Suspend an approved merchant with a reason; its offers pause on the resource list").RequireAuthorization(Policies.ListsManage);
        merchants.MapPost("/{id:guid}/offers", MerchantEndpoints.CreateOffer).WithName("PublishOffer")
            .WithSummary("An approved merchant publishes an offer; it appears on the resource list in the same transaction").RequireAuthorization(Policies.OffersManage);
        merchants.MapPut("/offers/{id:guid}", MerchantEndpoints.UpdateOffer).WithName("ReviseOffer").RequireAuthorization(Policies.OffersManage);
        merchants.MapDelete("/offers/{id:guid}", MerchantEndpoints.WithdrawOffer).WithName("WithdrawOffer")
            .WithSummary("Withdraw an offer and its resource-list entry").RequireAuthorization(Policies.OffersManage);

        var stations = app.MapGroup("/api/v1/stations").WithTags("Alliance");
        stations.MapGet("/", StationEndpoints.List).WithName("ListStations").WithSummary("Service stations and their services; region=code narrows to a subtree")
            .RequireAuthorization(Policies.SignedIn);
        stations.MapPost("/", StationEndpoints.Create).WithName("CreateStation").RequireAuthorization(Policies.ListsManage);
        stations.MapPost("/bookings", StationEndpoints.Book).WithName("BookStationSlot")
            .WithSummary("Book a place in a slot; 409 when the slot is full or you already booked it (capacity is held by the database on every node)")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.StationsBook);
        stations.MapGet("/bookings/mine", StationEndpoints.Mine).WithName("MyStationBookings").RequireAuthorization(Policies.StationsBook);
        stations.MapDelete("/bookings/{id:guid}", StationEndpoints.Cancel).WithName("CancelStationBooking")
            .WithSummary("Cancel your own booking before the slot begins").RequireAuthorization(Policies.StationsBook);
        stations.MapPut("/services/{id:guid}", StationEndpoints.UpdateService).WithName("UpdateStationService").RequireAuthorization(Policies.ListsManage);
        stations.MapDelete("/services/{id:guid}", StationEndpoints.WithdrawService).WithName("WithdrawStationService").RequireAuthorization(Policies.ListsManage);
        stations.MapGet("/{id:guid}", StationEndpoints.Get).WithName("GetStation").RequireAuthorization(Policies.SignedIn);
        stations.MapPut("/{id:guid}", StationEndpoints.Update).WithName("UpdateStation").RequireAuthorization(Policies.ListsManage);
        stations.MapPost("/{id:guid}/services", StationEndpoints.AddService).WithName("AddStationService").RequireAuthorization(Policies.ListsManage);
        stations.MapGet("/{id:guid}/slots", StationEndpoints.Slots).WithName("StationSlots")
            .WithSummary("Free places per service and slot from 'from' to 'to' (yyyy-MM-dd, China time, at most 31 days; default the next 7 days)")
            .RequireAuthorization(Policies.SignedIn);
        stations.MapGet("/{id:guid}/bookings", StationEndpoints.Bookings).WithName("StationBookings")
            .WithSummary("A station's bookings from 'from' on, bookers masked (staff in the station's region)").RequireAuthorization(Policies.ListsRead);

        var points = app.MapGroup("/api/v1/points").WithTags("Alliance");
        points.MapGet("/me", PointsEndpoints.Mine).WithName("MyPoints")
            .WithSummary("Your balance, volunteer hours, what expires next and the ledger").RequireAuthorization(Policies.SignedIn);
        // Staff in a region see the ledger of a person who earned or spent points there (checked inside).
        points.MapGet("/people/{id}", PointsEndpoints.Person).WithName("PersonPoints").RequireAuthorization(Policies.ListsRead);
        points.MapPost("/volunteer-hours", PointsEndpoints.RecordHours).WithName("RecordVolunteerHours")
            .WithSummary("Record hours a person volunteered (kept, never expire) and award points per hour (Linli:Points:PerHour)")
            .RequireAuthorization(Policies.ListsManage);
        points.MapPost("/redemption-codes", PointsEndpoints.CreateCode).WithName("CreateRedemptionCode")
            .WithSummary("A short-lived code to show an alliance merchant, worth the points you choose").RequireAuthorization(Policies.SignedIn);
        points.MapPost("/redeem", PointsEndpoints.Redeem).WithName("RedeemPoints")
            .WithSummary("A merchant takes the points a customer's code stands for: once, oldest points first").RequireAuthorization(Policies.PointsRedeem)
            // Codes are short enough to read aloud; the limit keeps guessing them out of reach.
            .RequireRateLimiting(RateLimits.Public);
        points.MapPost("/entries/{id:long}/refund", PointsEndpoints.Refund).WithName("RefundPoints")
            .WithSummary("Always refused (409): a spent point is never refunded").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
