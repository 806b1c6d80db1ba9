using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Access.TwoFactor;

public sealed record TwoFactorStatus(bool Enabled, string? SharedKey, string? AuthenticatorUri, int RecoveryCodesLeft);

public sealed record EnableTwoFactorRequest(string? Code);

public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>TOTP (RFC 6238) set-up for the signed-in user: any staff may turn it on; admins must.</summary>
internal static class TwoFactorEndpoints
{
    public static async Task<Ok<TwoFactorStatus>> Status(ClaimsPrincipal principal, UserManager<LinliUser> users)
    {
        var user = await CurrentAsync(principal, users);
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        if (enabled)
        {
            return TypedResults.Ok(new TwoFactorStatus(true, null, null, await users.CountRecoveryCodesAsync(user)));
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        return TypedResults.Ok(new TwoFactorStatus(false, FormatKey(key), AuthenticatorUri(user.UserName!, key), 0));
    }

    public static async Task<Ok<RecoveryCodes>> Enable(EnableTwoFactorRequest request, ClaimsPrincipal principal,
        UserManager<LinliUser> users, IAuditLog audit)
    {
        var user = await CurrentAsync(principal, users);
        var code = request.Code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code))
        {
            throw new RequestValidationException("code", "is required: the 6-digit code your authenticator shows");
        }
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            throw new DomainException("No authenticator key", "Fetch GET /api/v1/auth/two-factor first to get a key for your authenticator.");
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.RecordAsync("two-factor.enable", user.UserName, AuditOutcomes.Failure, "wrong code");
            throw new RequestValidationException("code", "does not match the authenticator: check the device's clock and try the next code");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await audit.RecordAsync("two-factor.enable", user.UserName, AuditOutcomes.Success);
        return TypedResults.Ok(new RecoveryCodes(codes.ToList()));
    }

    public static async Task<NoContent> Disable(ClaimsPrincipal principal, UserManager<LinliUser> users, IAccessControl access, IAuditLog audit)
    {
        var user = await CurrentAsync(principal, users);
        if ((await access.AssignmentsAsync(principal)).Any(a => a.Role == Roles.Admin))
        {
            throw new DomainException("Two-factor required", "Administrators must keep two-factor sign-in on.");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync("two-factor.disable", user.UserName, AuditOutcomes.Success);
        return TypedResults.NoContent();
    }

    private static async Task<LinliUser> CurrentAsync(ClaimsPrincipal principal, UserManager<LinliUser> users) =>
        await users.GetUserAsync(principal) ?? throw new SignInRequiredException();

    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();

    public static string AuthenticatorUri(string userName, string key) => string.Format(CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6", UrlEncoder.Default.Encode("Linli"), UrlEncoder.Default.Encode(userName), key);
}

public sealed class SignInRequiredException() : DomainException("Sign-in required", "This account no longer exists; sign in again.", StatusCodes.Status401Unauthorized);
