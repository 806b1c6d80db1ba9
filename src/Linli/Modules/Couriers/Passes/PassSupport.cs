using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Gate;
using Linli.Modules.Couriers.Passes.Verify;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Passes;

/// <summary>What the verify, bundle and sync endpoints share: the site check, the site's policy, the database's truth about a pass.</summary>
internal static class PassSupport
{
    public const int MaxSiteCodeLength = 16;

    /// <summary>Longer than this is refused as a request (400); up to it, a bad token is a refusal (malformed) on record.</summary>
    public const int MaxTokenFieldLength = 1024;

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException("Not allowed: sign in first.");

    /// <summary>The site named in the request, if the caller guards it or keeps sites in its region.</summary>
    /// <exception cref="RequestValidationException">No site code, or too long.</exception>
    /// <exception cref="NotFoundException">No such site.</exception>
    /// <exception cref="ForbiddenException">The caller may not check riders in there.</exception>
    public static async Task<Site> SiteForGateAsync(LinliDb db, IAccessControl access, ClaimsPrincipal user, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new RequestValidationException("site", "is required");
        if (code.Trim().Length > MaxSiteCodeLength) throw new RequestValidationException("site", $"at most {MaxSiteCodeLength} characters");
        var normalized = code.Trim().ToUpperInvariant();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == normalized, ct)
            ?? throw new NotFoundException($"No site {normalized}.");
        if (!await GateAccess.MayWatchAsync(access, user, site))
        {
            throw new ForbiddenException($"You are not a guard of site {site.Code} and do not keep sites in its region.");
        }
        return site;
    }

    public static PassSitePolicy Policy(Site site) => new(site.Id.ToString("N"), PlatformCodes(site), site.OpenFromMinute, site.OpenToMinute, site.Closed);

    public static HashSet<byte> PlatformCodes(Site site) =>
        [.. site.PlatformList.Select(Platforms.Find).OfType<Platform>().Select(p => p.TokenCode)];

    /// <summary>Why the database refuses a pass whatever its token says (null: nothing against it).</summary>
    public static string? Refusal(CourierPass? pass, Courier? courier, long nowMs) => (pass, courier) switch
    {
        (null, _) or (_, null) => PassRefusals.NoPass,
        _ when pass.IsRevoked => PassRefusals.Revoked,
        _ when courier.Status == CourierStatus.Suspended => PassRefusals.Suspended,
        _ when courier.Status != CourierStatus.Approved => PassRefusals.NotApproved,
        _ when pass.ExpiresAtMs <= nowMs => PassRefusals.NoPass,
        _ => null,
    };

    /// <summary>Reasons that mean the token's signature was not confirmed: its claims are not to be believed or shown.</summary>
    public static bool IsUntrusted(string? reason) =>
        reason is PassRefusals.Malformed or PassRefusals.UnknownKey or PassRefusals.RetiredKey or PassRefusals.BadSignature;

    /// <summary>A unique index refused the row: the same thing was done twice, here or on another node.</summary>
    public static string StatusText(SigningKeyStatus status) => status switch
    {
        SigningKeyStatus.Active => "active",
        SigningKeyStatus.VerifyOnly => "verify-only",
        _ => "retired",
    };
}
