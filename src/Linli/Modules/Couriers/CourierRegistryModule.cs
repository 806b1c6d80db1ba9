using Linli.Infrastructure.Auth;
using Linli.Modules.Couriers.Complaints;
using Linli.Modules.Couriers.Gate;
using Linli.Modules.Couriers.Passages;
using Linli.Modules.Couriers.Registration;
using Linli.Modules.Couriers.Review;
using Linli.Modules.Couriers.Sites;

namespace Linli.Modules.Couriers;

/// <summary>Registration with a verified phone, officers' review, complaints, sites and their passages.</summary>
internal static class CourierRegistryModule
{
    public static WebApplicationBuilder AddCourierRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IGateFeed, SignalRGateFeed>();
        builder.Services.AddSingleton<PhoneVerifier>();
        builder.Services.AddHostedService<CourierDemoData>();
        return builder;
    }

    public static WebApplication MapCourierRegistry(this WebApplication app)
    {
        // Who may join a site's group is decided inside (the site's guards, staff keeping it).
        app.MapHub<GateHub>(GateHub.Route).RequireAuthorization(Policies.SignedIn);

        var couriers = app.MapGroup("/api/v1/couriers").WithTags("Couriers");
        // Registration is open to people without an account; the SMS code and rate limits keep it honest.
        couriers.MapPost("/phone-codes", RegisterCourier.SendCode).WithName("SendCourierPhoneCode")
            .WithSummary("Send a six-digit code by SMS to prove the phone (5 minutes, 5 tries; one a minute, ten a day per number)")
            .ProducesProblem(StatusCodes.Status429TooManyRequests).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.SignIn);
        couriers.MapPost("/registrations", RegisterCourier.Handle).WithName("RegisterCourier")
            .WithSummary("Apply for the courier pass with the SMS code; without an account one is opened (user name defaults to the phone)")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.SignIn);
        couriers.MapGet("/me", MyCourier.Get).WithName("MyCourier")
            .WithSummary("Your application, eligibility, pass and history").RequireAuthorization(Policies.PassesHold);
        couriers.MapPut("/me", MyCourier.Resubmit).WithName("ResubmitCourierApplication")
            .WithSummary("Correct the facts of a rejected application and send it again").RequireAuthorization(Policies.PassesHold);
        couriers.MapPut("/me/photo", MyCourier.UploadPhoto).WithName("UploadCourierPhoto")
            .WithSummary("Your photo for the gate card: JPEG, PNG or WebP up to 5 MB (form field 'photo' or the body); EXIF removed")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MyCourier.MaxPhotoBytes + 64 * 1024))
            .DisableAntiforgery().RequireAuthorization(Policies.PassesHold);
        couriers.MapGet("/", ReviewCouriers.List).WithName("ListCouriers")
            .WithSummary("Couriers working in your area, oldest application first; status=pending is the review queue").RequireAuthorization(Policies.CouriersReview);
        // The rider, reviewing officers, and guards of a gate the rider passed today (checked inside).
        couriers.MapGet("/{id:guid}/photo", CourierPhoto.Get).WithName("CourierPhoto").RequireAuthorization(Policies.SignedIn);
        couriers.MapGet("/{id:guid}", ReviewCouriers.Get).WithName("GetCourier").RequireAuthorization(Policies.CouriersReview);
        couriers.MapPost("/{id:guid}/approve", ReviewCouriers.Approve).WithName("ApproveCourier")
            .WithSummary("Approve an application that meets every eligibility rule (422 naming those it does not); issues the pass")
            .RequireAuthorization(Policies.CouriersReview);
        couriers.MapPost("/{id:guid}/reject", ReviewCouriers.Reject).WithName("RejectCourier")
            .WithSummary("Reject an application with a reason the rider sees").RequireAuthorization(Policies.CouriersReview);
        couriers.MapPost("/{id:guid}/suspend", ReviewCouriers.Suspend).WithName("SuspendCourier")
            .WithSummary("Suspend an approved rider with a reason: refused at every gate (and on gate devices at their next sync)")
            .RequireAuthorization(Policies.CouriersReview);
        couriers.MapPost("/{id:guid}/reinstate", ReviewCouriers.Reinstate).WithName("ReinstateCourier").RequireAuthorization(Policies.CouriersReview);
        couriers.MapPost("/{id:guid}/pass/reissue", ReviewCouriers.Reissue).WithName("ReissueCourierPass")
            .WithSummary("Revoke the current pass (lost phone, misuse) and issue a new number").RequireAuthorization(Policies.CouriersReview);

        couriers.MapPost("/complaints", CourierComplaints.File).WithName("FileCourierComplaint")
            .WithSummary("Complain about a rider by the pass number on the gate card; answers the complaint's own number to follow it")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        couriers.MapGet("/complaints/{number}", CourierComplaints.Follow).WithName("FollowCourierComplaint")
            .WithSummary("A complaint's status and outcome by its number").RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        couriers.MapGet("/complaints", CourierComplaints.List).WithName("ListCourierComplaints")
            .WithSummary("Complaints about riders in your area, oldest first; status=open|upheld|dismissed").RequireAuthorization(Policies.CouriersReview);
        couriers.MapPost("/complaints/{id:guid}/decide", CourierComplaints.Decide).WithName("DecideCourierComplaint")
            .WithSummary("Uphold (optionally suspending the rider) or dismiss, with the outcome the complainant sees")
            .RequireAuthorization(Policies.CouriersReview);

        var sites = app.MapGroup("/api/v1/sites").WithTags("Couriers");
        sites.MapPost("/", ManageSites.Create).WithName("CreateSite")
            .WithSummary("A compound or building riders pass: its policy (platforms, hours) and guards; answers the new site code")
            .RequireAuthorization(Policies.SitesManage);
        sites.MapGet("/", ManageSites.List).WithName("ListSites").RequireAuthorization(Policies.SitesManage);
        sites.MapGet("/{code}", ManageSites.Get).WithName("GetSite").RequireAuthorization(Policies.SitesManage);
        sites.MapPut("/{code}", ManageSites.Update).WithName("UpdateSite").RequireAuthorization(Policies.SitesManage);
        sites.MapDelete("/{code}", ManageSites.Close).WithName("CloseSite")
            .WithSummary("Close a site: its code stops working; its passages are kept").RequireAuthorization(Policies.SitesManage);
        sites.MapGet("/{code}/qr.svg", SitePoster.Qr).WithName("SiteQrCode")
            .WithSummary("The site code as an SVG QR code opening the scan page").RequireAuthorization(Policies.SitesManage);
        sites.MapPost("/{code}/scan", ScanSite.Handle).WithName("ScanSite")
            .WithSummary("A rider scanned the site's poster: checks rider, pass and policy, records the passage, shows it on the gate page")
            .RequireAuthorization(Policies.PassesHold);
        sites.MapGet("/{code}/map", ScanSite.Map).WithName("SiteMap")
            .WithSummary("The compound's buildings as GeoJSON, for a rider let in within the last two hours")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json").RequireAuthorization(Policies.PassesHold);
        app.MapGet("/api/v1/passages", ListPassages.Handle).WithName("ListPassages").WithTags("Couriers")
            .WithSummary("Passages at the sites you keep, newest first: site, courier, from/to (default 7 days, at most 93), allowed")
            .RequireAuthorization(Policies.SitesManage);
        return app;
    }
}
