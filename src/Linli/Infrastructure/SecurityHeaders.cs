namespace Linli.Infrastructure;

/// <summary>Headers that keep pages from being framed, sniffed or fed foreign scripts.</summary>
internal static class SecurityHeaders
{
    // Leaflet positions map tiles with inline styles; scripts come only from our own origin.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:{0}; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The configured base-map tile server (<c>Linli:Map:TileUrl</c>, a Leaflet URL template); none by default.</summary>
    public const string TileUrlKey = "Linli:Map:TileUrl";

    // The API reference page configures itself with an inline script.
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // Map tiles are the one foreign content a page may load, and only from the configured server.
        var tiles = TileOrigin(app.ApplicationServices.GetRequiredService<IConfiguration>()[TileUrlKey]);
        var pagePolicy = ContentSecurityPolicy.Replace("{0}", tiles is null ? "" : " " + tiles, StringComparison.Ordinal);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiReferencePolicy : pagePolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
            await next();
        });
    }

    /// <summary>
    /// The CSP source of a tile URL template: its scheme, host and port. Leaflet's <c>{s}</c> subdomain
    /// placeholder becomes a <c>*.</c> wildcard. A template that is not an http(s) URL stops the start-up.
    /// </summary>
    internal static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        var wildcard = tileUrl.Contains("://{s}.", StringComparison.Ordinal);
        var template = tileUrl.Replace("://{s}.", "://s.", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Contains('{'))
        {
            throw new InvalidOperationException($"{TileUrlKey} must be an http(s) URL template such as https://tile.example/{{z}}/{{x}}/{{y}}.png.");
        }
        var host = wildcard ? "*." + uri.Host[2..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
