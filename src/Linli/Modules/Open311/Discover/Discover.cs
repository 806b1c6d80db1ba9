using System.Text.Json.Nodes;
using Linli.Modules.Open311.Format;

namespace Linli.Modules.Open311.Discover;

/// <summary><c>GET /open311/v2/discovery.{format}</c>: where the endpoint is, which formats it speaks, how to get a key.</summary>
internal static class Discover
{
    /// <summary>When this endpoint's behaviour last changed.</summary>
    public const string Changeset = "2026-03-01T00:00:00+08:00";

    public static IResult Handle(HttpContext http, Open311Settings settings)
    {
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/open311/v2";
        return new Open311Document("discovery", new JsonObject
        {
            ["changeset"] = Changeset,
            ["contact"] = settings.Contact ?? "Ask the city's Linli administrators.",
            ["key_service"] = "An administrator creates keys: POST /api/v1/open311/keys.",
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["specification"] = "http://wiki.open311.org/GeoReport_v2",
                ["url"] = url,
                ["changeset"] = Changeset,
                ["type"] = "production",
                ["formats"] = new JsonArray("text/xml", "application/json"),
            }),
        });
    }
}
