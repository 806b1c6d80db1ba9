using Linli.Infrastructure.Auth;
using Microsoft.AspNetCore.Localization;

namespace Linli.Infrastructure.Localization;

/// <summary>Chooses each request's page language from the cookie (never from the browser: Chinese is the default).</summary>
internal static class LanguageSetup
{
    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app) => app.UseRequestLocalization(options =>
    {
        options.DefaultRequestCulture = new RequestCulture(Lang.Chinese);
        options.SupportedCultures = options.SupportedUICultures = [Lang.Chinese, Lang.English];
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = Lang.CookieName },
        ];
    });

    /// <summary><c>GET /lang/en?back=/map</c>: switches the language and returns to the page (only pages of this site).</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/lang/{code}", (string code, string? back, HttpContext http) =>
            {
                var culture = code == "en" ? Lang.English : Lang.Chinese;
                http.Response.Cookies.Append(Lang.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
                var local = back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal);
                return Results.LocalRedirect(local ? back! : "/");
            })
            .ExcludeFromDescription()
            .RequireAuthorization(Policies.Public);
}
