using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Access.Tokens;

public sealed record TokenRequest(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("totp")] string? Totp);

/// <summary>The OAuth 2.0 shape (RFC 6749 §5.1) that API clients expect.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Wrong credentials, a locked account or a missing second factor: always 401, never a hint which.</summary>
public sealed class SignInFailedException(string title, string detail) : DomainException(title, detail, StatusCodes.Status401Unauthorized);

/// <summary>
/// <c>POST /api/v1/auth/token</c>: a bearer token for API clients. Users with two-factor sign-in
/// add <c>totp</c>, the current code of their authenticator.
/// </summary>
internal static class IssueToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static async Task<Ok<TokenResponse>> Handle(
        TokenRequest request, UserManager<LinliUser> users, SignInManager<LinliUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, IAuditLog audit, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username)) errors["username"] = ["is required"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["is required"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var user = await users.FindByNameAsync(request.Username!);
        if (user is null)
        {
            await audit.RecordForAsync(null, "sign-in.token", request.Username, AuditOutcomes.Failure, "unknown user");
            throw Failed();
        }
        var principalName = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName!), new Claim(ClaimTypes.NameIdentifier, user.Id)]));
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await audit.RecordForAsync(principalName, "sign-in.token", user.UserName, AuditOutcomes.Failure, "locked out");
            throw new SignInFailedException("Account locked",
                "Too many failed attempts: the account is locked for a while. Try again later or ask an administrator.");
        }
        if (!check.Succeeded)
        {
            await audit.RecordForAsync(principalName, "sign-in.token", user.UserName, AuditOutcomes.Failure, "wrong password");
            throw Failed();
        }
        var secondFactor = false;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = request.Totp?.Replace(" ", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(code))
            {
                await audit.RecordForAsync(principalName, "sign-in.token", user.UserName, AuditOutcomes.Failure, "two-factor code missing");
                var missing = new SignInFailedException("Two-factor code required",
                    "This account signs in with two factors: add \"totp\", the current code of your authenticator.");
                missing.Extensions["twoFactorRequired"] = true;
                throw missing;
            }
            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                await users.AccessFailedAsync(user);
                await audit.RecordForAsync(principalName, "sign-in.token", user.UserName, AuditOutcomes.Failure, "wrong two-factor code");
                throw Failed();
            }
            secondFactor = true;
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (secondFactor)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "mfa"));
        }
        var now = clock.GetUtcNow();
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Lifetime }, IdentityConstants.BearerScheme);
        var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        await audit.RecordForAsync(principal, "sign-in.token", user.UserName, AuditOutcomes.Success, secondFactor ? "with second factor" : null);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)Lifetime.TotalSeconds));
    }

    private static SignInFailedException Failed() => new("Sign-in failed", "The username or password (or two-factor code) is wrong.");
}
