using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Gate;
using Linli.Modules.Couriers.Passes.Keys;
using Linli.Modules.Couriers.Passes.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Passes.Verify;

public sealed record VerifyPassRequest(string? Token, string? Site);

public sealed record VerifiedPassView(Guid Id, string Number, string MaskedName, string Platform, string? PlatformName, string Team, string? PhotoUrl);

public sealed record VerifiedSiteView(string Code, string Name);

public sealed record VerifyPassResponse(bool Valid, string? Reason, string? ReasonText, VerifiedPassView? Pass, VerifiedSiteView Site,
    Guid PassageId, DateTimeOffset CheckedAt);

/// <summary>
/// <c>POST /api/v1/passes/verify</c>: a gate online asks Linli. The token's own checks, then the
/// database's truth (the rider suspended a minute ago is refused even if the gate's list is older),
/// then replay: the passage's unique replay key lets one node, one request, accept a window at a site.
/// Every check is a passage on record and reaches the site's gate page.
/// </summary>
internal static class VerifyPass
{
    public static async Task<Ok<VerifyPassResponse>> Handle(VerifyPassRequest request, ClaimsPrincipal user, LinliDb db, PassKeyRing ring,
        PassTokenVerifier verifier, IAccessControl access, IGateFeed feed, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Token)) throw new RequestValidationException("token", "is required");
        if (request.Token.Length > PassSupport.MaxTokenFieldLength)
        {
            throw new RequestValidationException("token", $"at most {PassSupport.MaxTokenFieldLength} characters");
        }
        var site = await PassSupport.SiteForGateAsync(db, access, user, request.Site, ct);
        var userId = PassSupport.UserId(user);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var token = request.Token.Trim();

        CourierPass? pass = null;
        Courier? courier = null;
        var revocations = new Dictionary<Guid, string>();
        if (PassTokenCodec.TryDecode(token, out var decoded))
        {
            pass = await db.CourierPasses.AsNoTracking().FirstOrDefaultAsync(p => p.Id == decoded!.PassId, ct);
            courier = pass is null ? null : await db.Couriers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pass.CourierId, ct);
            if (PassSupport.Refusal(pass, courier, nowMs) is { } refusal) revocations[decoded!.PassId] = refusal;
        }
        var keys = (await ring.GetAsync(ct)).Keys;
        var verdict = verifier.Verify(token, keys, revocations, PassSupport.Policy(site), replay: null, now.ToUnixTimeSeconds());
        var trusted = !PassSupport.IsUntrusted(verdict.Reason);
        var claims = verdict.Claims;
        var shownCourier = trusted ? courier : null;

        var passage = await RecordAsync(db, site, shownCourier?.Id, claims, verdict.Valid, verdict.Reason, userId, nowMs, ct);
        var shownNumber = shownCourier is null ? null : pass?.Number;
        var complaintPhone = configuration["Linli:Couriers:ComplaintPhone"] ?? GatePassages.DefaultComplaintPhone;
        var gate = GatePassages.Build(passage, site.Code, shownCourier, shownNumber, complaintPhone);
        await feed.PublishAsync(gate, ct);

        var view = shownCourier is null || pass is null ? null : new VerifiedPassView(pass.Id, pass.Number, shownCourier.NameMasked,
            shownCourier.Platform, Platforms.Find(shownCourier.Platform)?.NameZh, shownCourier.Team, gate.PhotoUrl);
        return TypedResults.Ok(new VerifyPassResponse(passage.Allowed, passage.Reason, gate.ReasonText, view,
            new VerifiedSiteView(site.Code, site.Name), passage.Id, now));
    }

    /// <summary>
    /// Stores the passage; an accepted one carries "{passId}:{notBefore}:{siteId}", unique, so when the
    /// same window was let in already (here, or by another node this instant) it is stored refused as replayed.
    /// </summary>
    private static async Task<Passage> RecordAsync(LinliDb db, Site site, Guid? courierId, PassTokenClaims? claims, bool valid, string? reason,
        string userId, long nowMs, CancellationToken ct)
    {
        var replayKey = valid && claims is not null ? $"{claims.PassId:N}:{claims.NotBefore}:{site.Id:N}" : null;
        var passage = new Passage(Guid.NewGuid(), site.Id, courierId, claims?.PassId, PassageMethod.TokenOnline, valid, reason, nowMs)
            .CheckedAtGate(userId, replayKey, null, nowMs);
        db.Passages.Add(passage);
        try
        {
            await db.SaveChangesAsync(ct);
            return passage;
        }
        catch (DbUpdateException e) when (replayKey is not null && DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var replayed = new Passage(Guid.NewGuid(), site.Id, courierId, claims!.PassId, PassageMethod.TokenOnline, false, PassRefusals.Replayed, nowMs)
                .CheckedAtGate(userId, null, null, nowMs);
            db.Passages.Add(replayed);
            await db.SaveChangesAsync(ct);
            return replayed;
        }
    }
}
