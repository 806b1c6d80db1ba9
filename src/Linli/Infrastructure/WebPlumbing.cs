using Linli.Infrastructure.Auth;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Infrastructure.Observability;
using Linli.Infrastructure.ScaleOut;
using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Linli.Infrastructure;

/// <summary>Cross-cutting HTTP setup: errors, JSON, OpenAPI, health, static files and Blazor.</summary>
internal static class WebPlumbing
{
    /// <summary>Serves on <paramref name="url"/> unless --urls, ASPNETCORE_URLS or *_PORTS say otherwise.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrEmpty(configured))
        {
            builder.WebHost.UseUrls(url);
        }
        return builder;
    }

    public static WebApplicationBuilder AddWebPlumbing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // A city's gateway replaces this with its own ISmsSender before AddWebPlumbing.
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<Messaging.ISmsSender, Messaging.LoggingSmsSender>(services);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures (a non-numeric lon, malformed JSON) reach the exception handler as 400s.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddDbContextCheck<LinliDb>("database", tags: ["ready"]);
        services.AddRazorComponents();
        builder.AddTelemetry();
        builder.AddRedisBackplane();
        return builder;
    }

    public static WebApplication UseWebPlumbing(this WebApplication app)
    {
        app.MapTelemetry();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStaticFiles();
        app.UseLanguages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi().RequireAuthorization(Policies.Public);
        app.MapLanguageSwitch();
        // The interactive reference, served from the package (no CDN: cities run closed networks).
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, "/api/docs", options =>
            {
                options.Title = "Linli API";
                options.OpenApiRoutePattern = "/openapi/{documentName}.json";
            })
            .RequireAuthorization(Policies.Public);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false })
            .RequireAuthorization(Policies.Public);
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).RequireAuthorization(Policies.Public);
        return app;
    }
}
