using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Access.Authorization;

/// <summary>
/// API clients get 401/403 as ProblemDetails that say why (for example "administrators must sign
/// in with two-factor authentication"); pages keep the usual redirects.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var api = context.Request.Path.StartsWithSegments("/api");
        if (!api || result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        if (result.Challenged)
        {
            // Let the scheme add its WWW-Authenticate header, then explain.
            foreach (var scheme in policy.AuthenticationSchemes.DefaultIfEmpty(null))
            {
                await (scheme is null ? context.ChallengeAsync() : context.ChallengeAsync(scheme));
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required",
                "Send a bearer token (POST /api/v1/auth/token) or sign in.");
            return;
        }
        var reasons = result.AuthorizationFailure?.FailureReasons.Select(r => r.Message).Distinct().ToList() ?? [];
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
            reasons.Count > 0 ? $"Not allowed: {string.Join("; ", reasons)}." : "Not allowed.");
    }

    private Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
