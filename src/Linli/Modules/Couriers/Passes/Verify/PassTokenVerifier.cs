using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Tokens;
using NSec.Cryptography;

namespace Linli.Modules.Couriers.Passes.Verify;

/// <summary>Remembers which token windows a gate has let in, so a screenshot shown twice is refused.</summary>
internal interface IPassReplayStore
{
    /// <summary>False when the pass's window was seen at this site already.</summary>
    bool TryRemember(Guid passId, uint notBefore, string siteKey);
}

/// <summary>
/// A site's rules as a verifier needs them: platform token codes let in (empty: all), open minutes
/// in China time (UTC+8; both null: any time; from &gt; to spans midnight), closed.
/// </summary>
internal sealed record PassSitePolicy(string SiteKey, IReadOnlySet<byte> AllowedPlatformCodes, int? OpenFromMinute, int? OpenToMinute, bool Closed)
{
    public bool IsOpenAt(long nowUnixSeconds)
    {
        return !Closed && Sites.SitePolicy.IsOpenAtMinute(OpenFromMinute, OpenToMinute, (int)((nowUnixSeconds + (8 * 3600)) / 60 % 1440));
    }
}

/// <summary>The verdict: valid, or the first refusal reason in the fixed order; the claims whenever the token decoded.</summary>
internal readonly record struct PassVerification(bool Valid, string? Reason, PassTokenClaims? Claims)
{
    public static PassVerification Refuse(string reason, PassTokenClaims? claims = null) => new(false, reason, claims);
}

/// <summary>
/// Checks a pass token with no database and no network: the same rules run on a node (online
/// verification) and, ported to JavaScript, on a gate device. The order is fixed:
/// malformed → unknown-key → retired-key → bad-signature → not-yet-valid/expired (with skew) →
/// revoked/suspended (whatever the revocation map says) → platform-not-allowed → site-closed → replayed.
/// </summary>
internal sealed class PassTokenVerifier(int clockSkewSeconds = PassTokenVerifier.DefaultClockSkewSeconds)
{
    public const int DefaultClockSkewSeconds = 30;
    public const int WindowSeconds = 30;

    public int ClockSkewSeconds { get; } = clockSkewSeconds;

    public PassVerification Verify(string? token, PassKeySet keys, IReadOnlyDictionary<Guid, string> revocations, PassSitePolicy site,
        IPassReplayStore? replay, long nowUnixSeconds)
    {
        var checkedToken = CheckSignature(token, keys, out var fields, out var claims);
        if (checkedToken is not null)
        {
            return PassVerification.Refuse(checkedToken, claims);
        }
        if (fields.NotBefore > nowUnixSeconds + ClockSkewSeconds)
        {
            return PassVerification.Refuse(PassRefusals.NotYetValid, claims);
        }
        if (fields.NotAfter + (long)ClockSkewSeconds <= nowUnixSeconds)
        {
            return PassVerification.Refuse(PassRefusals.Expired, claims);
        }
        if (revocations.TryGetValue(claims!.PassId, out var revoked))
        {
            return PassVerification.Refuse(revoked, claims);
        }
        if (site.AllowedPlatformCodes.Count > 0 && !site.AllowedPlatformCodes.Contains(fields.PlatformCode))
        {
            return PassVerification.Refuse(PassRefusals.PlatformNotAllowed, claims);
        }
        if (!site.IsOpenAt(nowUnixSeconds))
        {
            return PassVerification.Refuse(PassRefusals.SiteClosed, claims);
        }
        if (replay is not null && !replay.TryRemember(claims.PassId, fields.NotBefore, site.SiteKey))
        {
            return PassVerification.Refuse(PassRefusals.Replayed, claims);
        }
        return new PassVerification(true, null, claims);
    }

    /// <summary>
    /// Decodes and checks the key and signature only; null when the signature is good (retired keys
    /// included when <paramref name="acceptRetired"/>: an offline upload judges what the gate saw then).
    /// </summary>
    public static string? CheckSignature(string? token, PassKeySet keys, out TokenFields fields, out PassTokenClaims? claims,
        bool acceptRetired = false)
    {
        fields = default;
        claims = null;
        Span<byte> buffer = stackalloc byte[PassTokenCodec.MaxTokenChars];
        if (token is null || !PassTokenCodec.TryUnwrap(token, buffer, out var length) || !PassTokenCodec.TryParse(buffer[..length], out fields))
        {
            return PassRefusals.Malformed;
        }
        var bytes = buffer[..length];
        if (!PassTokenCodec.TryReadName(bytes, fields, out var name))
        {
            return PassRefusals.Malformed;
        }
        if (!keys.TryGet(fields.KeyId(bytes), out var key))
        {
            claims = Claims(bytes, fields, name, null);
            return PassRefusals.UnknownKey;
        }
        claims = Claims(bytes, fields, name, key!.KeyId);
        if (key.Status == SigningKeyStatus.Retired && !acceptRetired)
        {
            return PassRefusals.RetiredKey;
        }
        if (!SignatureAlgorithm.Ed25519.Verify(key.PublicKey, bytes[..fields.SignatureAt], bytes[fields.SignatureAt..]))
        {
            return PassRefusals.BadSignature;
        }
        return null;
    }

    private static PassTokenClaims Claims(ReadOnlySpan<byte> bytes, in TokenFields fields, string name, string? keyId) =>
        new(keyId ?? System.Text.Encoding.ASCII.GetString(fields.KeyId(bytes)), fields.PassId(bytes), fields.PlatformCode,
            fields.NotBefore, fields.NotAfter, name);
}
