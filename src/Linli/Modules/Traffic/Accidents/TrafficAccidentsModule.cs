using Linli.Infrastructure.Auth;

namespace Linli.Modules.Traffic.Accidents;

/// <summary>
/// Drivers' self-service reports (快处快撤). Drivers are not signed in: every endpoint is public and
/// rate-limited; each party holds a private link (token), and the other party proves presence with a
/// short code shown on party A's phone (guessing it is bounded by a lock after a few wrong tries).
/// </summary>
internal static class TrafficAccidentsModule
{
    public static WebApplicationBuilder AddTrafficAccidents(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTrafficAccidents(this WebApplication app)
    {
        var accidents = app.MapGroup("/api/v1/traffic/accidents").WithTags("Traffic");
        accidents.MapPost("/check", AccidentRecord.Check).WithName("CheckAccidentQualifies")
            .WithSummary("Does it qualify for quick handling? No injuries, vehicles movable, property damage only, no road property damaged, loss within the city's limit")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        accidents.MapPost("/locate", AccidentLocation.Locate).WithName("LocateAccident")
            .WithSummary("GPS lon/lat (+ heading) → route, direction and stake; or route + direction + stake typed by hand → the point. Off the network: 400 location")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        accidents.MapPost("/", ReportAccident.Handle).WithName("ReportAccident")
            .WithSummary("Report a collision (multipart: answers, lon/lat or route/direction/stake, phone, plate, name, photos front/rear/contact). " +
                "Qualifies → 201 with party A's token and the six-digit confirmation code; any 'no' or police=true → routed to the police as an emergency")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(3 * Infrastructure.Files.PhotoProcessor.MaxBytes + 256 * 1024))
            .DisableAntiforgery().RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        accidents.MapPost("/preview", ConfirmAccident.Preview).WithName("PreviewAccident")
            .WithSummary("The other driver's look before confirming (number + code): A's plate, where, when, the photos. Wrong codes count toward the lock")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.SignIn);
        accidents.MapPost("/confirm", ConfirmAccident.Confirm).WithName("ConfirmAccident")
            .WithSummary("The other driver confirms with number, code, phone, plate, name: 422 wrong code (tries left), 423 locked, 410 expired, 409 already confirmed")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.SignIn);
        accidents.MapGet("/confirm-qr.svg", AccidentRecord.Qr).WithName("AccidentConfirmQr")
            .WithSummary("The confirm link of an accident number as a QR code (carries no code)")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        accidents.MapGet("/{id:guid}", AccidentRecord.Get).WithName("GetAccidentRecord")
            .WithSummary("A party's record for the insurers (token in ?token= or X-Accident-Token); a wrong or missing token is 404")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        accidents.MapPost("/{id:guid}/code", ConfirmAccident.NewCode).WithName("NewAccidentCode")
            .WithSummary("Party A's fresh confirmation code (resets wrong tries and the lock); party A's token only")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.SignIn);
        accidents.MapGet("/{id:guid}/photos/{kind}", AccidentRecord.Photo).WithName("AccidentPhoto")
            .WithSummary("front, rear or contact photo (thumbnail=true for 320 px) for a party's token, or number + current code before confirming")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        return app;
    }
}
