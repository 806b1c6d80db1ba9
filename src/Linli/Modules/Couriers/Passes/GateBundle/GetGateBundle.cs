using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Keys;
using Linli.Modules.Couriers.Passes.Verify;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Passes.GateBundle;

public sealed record BundleSite(string Code, string Name, IReadOnlyList<string> AllowedPlatforms, IReadOnlyList<byte> AllowedPlatformCodes,
    int? OpenFromMinute, int? OpenToMinute, bool Closed);

public sealed record BundleKey(string KeyId, string Algorithm, string PublicKey, string Status);

public sealed record BundleRevocation(Guid PassId, string Reason);

public sealed record BundlePlatform(string Code, byte TokenCode, string Name);

public sealed record GateBundleView(BundleSite Site, IReadOnlyList<BundleKey> Keys, IReadOnlyList<string> RetiredKeyIds,
    IReadOnlyList<BundleRevocation> Revoked, IReadOnlyList<BundlePlatform> Platforms, int WindowSeconds, int ClockSkewSeconds, DateTimeOffset IssuedAt);

/// <summary>
/// <c>GET /api/v1/passes/gate-bundle?site=CODE</c>: all a gate device needs to check passes with no
/// network: the public keys, the retired key ids, the passes refused (revoked and not yet expired,
/// and those of suspended riders), the site's policy and the platforms' names by token code. The ETag covers everything but the issue
/// time, so a device polling every minute mostly gets 304 and a few bytes.
/// </summary>
internal static class GetGateBundle
{
    public static async Task<Results<Ok<GateBundleView>, StatusCodeHttpResult>> Handle(string? site, HttpContext http, ClaimsPrincipal user,
        LinliDb db, PassKeyRing ring, PassTokenVerifier verifier, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var found = await PassSupport.SiteForGateAsync(db, access, user, site, ct);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var snapshot = await ring.GetAsync(ct);
        var revoked = await db.CourierPasses.AsNoTracking()
            .Where(p => p.RevokedAtMs != null && p.ExpiresAtMs > nowMs)
            .Select(p => p.Id).ToListAsync(ct);
        var suspended = await (from p in db.CourierPasses.AsNoTracking()
                               join c in db.Couriers.AsNoTracking() on p.CourierId equals c.Id
                               where p.RevokedAtMs == null && p.ExpiresAtMs > nowMs && c.Status == CourierStatus.Suspended
                               select p.Id).ToListAsync(ct);
        var list = revoked.Select(id => new BundleRevocation(id, PassRefusals.Revoked))
            .Concat(suspended.Select(id => new BundleRevocation(id, PassRefusals.Suspended)))
            .OrderBy(r => r.PassId).ToList();
        var codes = PassSupport.PlatformCodes(found).Order().ToList();
        var bundle = new GateBundleView(
            new BundleSite(found.Code, found.Name, found.PlatformList, codes, found.OpenFromMinute, found.OpenToMinute, found.Closed),
            [.. snapshot.Rows.Where(k => k.Status != SigningKeyStatus.Retired)
                .Select(k => new BundleKey(k.KeyId, k.Algorithm, Base64Url.EncodeToString(k.PublicKey), PassSupport.StatusText(k.Status)))],
            [.. snapshot.Rows.Where(k => k.Status == SigningKeyStatus.Retired).Select(k => k.KeyId)],
            list, [.. Contracts.Platforms.All.Select(p => new BundlePlatform(p.Code, p.TokenCode, p.NameZh))], PassTokenVerifier.WindowSeconds, verifier.ClockSkewSeconds, now);

        var etag = ETag(bundle);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(bundle);
    }

    private static string ETag(GateBundleView bundle)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(bundle with { IssuedAt = DateTimeOffset.UnixEpoch });
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";
    }
}
