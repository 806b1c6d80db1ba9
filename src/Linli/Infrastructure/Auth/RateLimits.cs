using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Linli.Infrastructure.Auth;

/// <summary>
/// Per-client rate limits on public endpoints (sign-in, tokens, and later reporting, Open311 and
/// pass verification): 429 ProblemDetails with Retry-After when exceeded.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Public = "public";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var signInPerMinute = builder.Configuration.GetValue("Linli:RateLimits:SignInPerMinute", 10);
        var publicPerMinute = builder.Configuration.GetValue("Linli:RateLimits:PublicPerMinute", 120);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignIn, context => PerClient(context, SignIn, signInPerMinute));
            o.AddPolicy(Public, context => PerClient(context, Public, publicPerMinute));
            // The sign-in page is a Blazor form, not an endpoint of ours to decorate.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
                    ? PerClient(context, "sign-in-page", signInPerMinute)
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            o.OnRejected = async (rejection, ct) =>
            {
                var response = rejection.HttpContext.Response;
                var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                var problems = rejection.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejection.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Slow down: try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                    },
                });
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter($"{policy}:{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
