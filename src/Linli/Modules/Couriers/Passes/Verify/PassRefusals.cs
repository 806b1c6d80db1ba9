namespace Linli.Modules.Couriers.Passes.Verify;

/// <summary>
/// Refusal codes of a pass check: the same words the gate page shows (Gate.GatePassages.ReasonText)
/// and the browser scanner (wwwroot/js/pass-gate.js) gives offline.
/// </summary>
internal static class PassRefusals
{
    public const string Malformed = "malformed";
    public const string UnknownKey = "unknown-key";
    public const string RetiredKey = "retired-key";
    public const string BadSignature = "bad-signature";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string Revoked = "revoked";
    public const string Suspended = "suspended";
    public const string NotApproved = "not-approved";
    public const string NoPass = "no-pass";
    public const string PlatformNotAllowed = "platform-not-allowed";
    public const string SiteClosed = "site-closed";
    public const string SiteUnknown = "site-unknown";
    public const string Replayed = "replayed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Malformed, UnknownKey, RetiredKey, BadSignature, Expired, NotYetValid, Revoked, Suspended, NotApproved, NoPass,
        PlatformNotAllowed, SiteClosed, SiteUnknown, Replayed,
    };
}
