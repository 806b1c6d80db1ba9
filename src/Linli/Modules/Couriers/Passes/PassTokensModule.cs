using Linli.Infrastructure.Auth;
using Linli.Infrastructure.Background;
using Linli.Modules.Couriers.Passes.GateBundle;
using Linli.Modules.Couriers.Passes.IssueTokens;
using Linli.Modules.Couriers.Passes.Keys;
using Linli.Modules.Couriers.Passes.SyncPassages;
using Linli.Modules.Couriers.Passes.Verify;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Modules.Couriers.Passes;

/// <summary>The offline pass: signing keys and their rotation, rotating tokens, verification online and the gate's bundle.</summary>
internal static class PassTokensModule
{
    public static WebApplicationBuilder AddPassTokens(this WebApplicationBuilder builder)
    {
        var skew = Math.Clamp(builder.Configuration.GetValue("Linli:Passes:ClockSkewSeconds", PassTokenVerifier.DefaultClockSkewSeconds), 0, 600);
        builder.Services.AddSingleton(new PassTokenVerifier(skew));
        builder.Services.TryAddSingleton<LeaseCoordinator>();
        builder.Services.AddSingleton<PassKeyRing>();
        builder.Services.AddHostedService<PassKeyRingService>();
        return builder;
    }

    public static WebApplication MapPassTokens(this WebApplication app)
    {
        var passes = app.MapGroup("/api/v1/passes").WithTags("Couriers");
        passes.MapGet("/keys", ManageKeys.List).WithName("ListPassKeys")
            .WithSummary("The public halves of the pass-signing keys (Ed25519, base64url) with their status; never a private key")
            .RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Public);
        passes.MapPost("/keys/rotate", ManageKeys.Rotate).WithName("RotatePassKey")
            .WithSummary("A new signing key; the previous one only verifies the tokens it signed until they expire")
            .RequireAuthorization(Policies.PassKeysManage);
        passes.MapPost("/keys/{keyId}/retire", ManageKeys.Retire).WithName("RetirePassKey")
            .WithSummary("Withdraws a key: tokens it signed are refused (retired-key); the signing key cannot be retired (409)")
            .RequireAuthorization(Policies.PassKeysManage);
        passes.MapGet("/me/tokens", IssueTokens.IssueTokens.Handle).WithName("GetMyPassTokens")
            .WithSummary("The rider's signed tokens, one per 30-second window for the next minutes (default 60, at most 240), to show offline")
            .RequireAuthorization(Policies.PassesHold);
        passes.MapPost("/verify", VerifyPass.Handle).WithName("VerifyPassToken")
            .WithSummary("Checks a rider's token at a site online: signature, window, revocation, the site's policy, replay; records the passage")
            .RequireAuthorization(Policies.PassesVerify);
        passes.MapGet("/gate-bundle", GetGateBundle.Handle).WithName("GetGateBundle")
            .WithSummary("What a gate device needs offline: public keys, retired key ids, refused passes, the site's policy (ETag; 304 when unchanged)")
            .RequireAuthorization(Policies.PassesVerify);
        passes.MapPost("/passages/sync", SyncPassages.SyncPassages.Handle).WithName("SyncOfflinePassages")
            .WithSummary("A gate device's offline passages (at most 1000), stored once each by device ref; forged tokens are stored refused")
            .RequireAuthorization(Policies.PassesVerify);
        return app;
    }
}
