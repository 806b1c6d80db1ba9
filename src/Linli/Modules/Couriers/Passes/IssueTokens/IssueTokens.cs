using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Keys;
using Linli.Modules.Couriers.Passes.Tokens;
using Linli.Modules.Couriers.Passes.Verify;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;

namespace Linli.Modules.Couriers.Passes.IssueTokens;

public sealed record PassTokenSlot(long NotBefore, long NotAfter, string Token);

public sealed record PassTokens(Guid PassId, string PassNumber, string KeyId, string MaskedName, string Platform, string? PlatformName,
    string Team, int WindowSeconds, DateTimeOffset PassExpiresAt, IReadOnlyList<PassTokenSlot> Tokens);

/// <summary>
/// <c>GET /api/v1/passes/me/tokens?minutes=60</c>: the rider's tokens for the coming minutes, one per
/// 30-second window, so the phone keeps showing a fresh code in a lift or a basement with no signal.
/// </summary>
internal static class IssueTokens
{
    public const int DefaultMinutes = 60;
    public const int MaxMinutes = 240;

    public static async Task<Ok<PassTokens>> Handle(int? minutes, ClaimsPrincipal user, LinliDb db, PassKeyRing ring, TimeProvider clock, CancellationToken ct)
    {
        if (minutes is < 1 or > MaxMinutes) throw new RequestValidationException("minutes", $"between 1 and {MaxMinutes}");
        var userId = PassSupport.UserId(user);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var (courier, pass) = await HeldPassAsync(db, userId, nowMs, ct);
        var keys = await ring.GetAsync(ct);
        var signer = keys.Signer ?? throw new NotReadyException(keys.UnreadableKeyId is { } unreadable
            ? $"This server cannot open the signing key {unreadable}: its data-protection keys differ from the other servers'. Ask an administrator."
            : "No pass-signing key yet; try again shortly.");
        var platform = Platforms.Find(courier.Platform);
        var window = PassTokenVerifier.WindowSeconds;
        var first = now.ToUnixTimeSeconds() / window * window;
        var count = (minutes ?? DefaultMinutes) * 60 / window;
        var slots = new List<PassTokenSlot>(count);
        for (var i = 0; i < count; i++)
        {
            var notBefore = first + ((long)i * window);
            if (notBefore * 1000 >= pass.ExpiresAtMs) break; // no token outlives its pass
            var payload = PassTokenCodec.Payload(signer.KeyId, pass.Id, platform?.TokenCode ?? 255, (uint)notBefore, (uint)(notBefore + window),
                courier.NameMasked);
            var signature = SignatureAlgorithm.Ed25519.Sign(signer.Key, payload);
            slots.Add(new PassTokenSlot(notBefore, notBefore + window, PassTokenCodec.Encode(payload, signature)));
        }
        return TypedResults.Ok(new PassTokens(pass.Id, pass.Number, signer.KeyId, courier.NameMasked, courier.Platform, platform?.NameZh,
            courier.Team, window, DateTimeOffset.FromUnixTimeMilliseconds(pass.ExpiresAtMs), slots));
    }

    /// <summary>The caller's approved courier record and valid pass, or a 409 that says plainly what is missing.</summary>
    public static async Task<(Courier Courier, CourierPass Pass)> HeldPassAsync(LinliDb db, string userId, long nowMs, CancellationToken ct)
    {
        var courier = await db.Couriers.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, ct)
            ?? throw new DomainException("No courier record", Lang.T("您还没有登记为快递员/骑手，请先申请小哥码。", "You have not registered as a courier yet: apply for a pass first."));
        switch (courier.Status)
        {
            case CourierStatus.Pending:
                throw new DomainException("Not approved yet", Lang.T("您的申请正在审核中，通过后即可使用通行码。", "Your application is still being reviewed."));
            case CourierStatus.Rejected:
                throw new DomainException("Not approved", Lang.T($"您的申请未通过：{courier.StatusReason}。", $"Your application was rejected: {courier.StatusReason}"));
            case CourierStatus.Suspended:
                throw new DomainException("Suspended", Lang.T($"您的通行码已被暂停：{courier.StatusReason}。", $"Your pass is suspended: {courier.StatusReason}"));
        }
        var passes = await db.CourierPasses.AsNoTracking().Where(p => p.CourierId == courier.Id && p.RevokedAtMs == null).ToListAsync(ct);
        var pass = passes.Where(p => p.ExpiresAtMs > nowMs).OrderByDescending(p => p.IssuedAtMs).FirstOrDefault()
            ?? throw new DomainException("No valid pass", Lang.T("您没有有效的通行码（已吊销或已过期），请联系街道审核人员。", "You hold no valid pass (revoked or expired): ask your street's officer."));
        return (courier, pass);
    }
}
