using System.Text.Json.Nodes;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Open311.Format;

namespace Linli.Modules.Open311.ListServices;

/// <summary>
/// <c>GET services.{format}</c>: one service per minor category, grouped by its major class, named in
/// the language the client asks for (Chinese by default); <c>GET services/{code}.{format}</c>: its definition.
/// </summary>
internal static class ListServices
{
    public static async Task<IResult> List(HttpContext http, ICaseDirectory cases, LinliDb db, CancellationToken ct)
    {
        var english = English(http.Request);
        var withAttributes = await ServiceAttributes.ServiceAttributes.ServicesWithAttributesAsync(db, ct);
        var services = (await cases.CategoriesAsync(ct)).Select(c => (JsonNode)new JsonObject
        {
            ["service_code"] = c.Code,
            ["service_name"] = english ? c.NameEn : c.NameZh,
            ["description"] = c.Description ?? (english ? c.NameEn : c.NameZh),
            ["metadata"] = withAttributes.Contains(c.Code),
            ["type"] = "realtime",
            ["keywords"] = english ? $"{c.MajorNameEn}, {c.NameEn}" : $"{c.MajorNameZh}，{c.NameZh}",
            ["group"] = english ? c.MajorNameEn : c.MajorNameZh,
        });
        return new Open311Document("services", new JsonArray([.. services]));
    }

    public static async Task<IResult> Definition(string service_code, ICaseDirectory cases, LinliDb db, CancellationToken ct)
    {
        var category = (await cases.CategoriesAsync(ct)).FirstOrDefault(c => c.Code == service_code)
            ?? throw Open311Exception.NotFound($"service_code '{service_code}' is not a service here (GET services.xml lists them).");
        return new Open311Document("service_definition", new JsonObject
        {
            ["service_code"] = category.Code,
            ["attributes"] = new JsonArray([.. (await ServiceAttributes.ServiceAttributes.ForAsync(db, category.Code, ct))
                .Select(a => (JsonNode)ServiceAttributes.ServiceAttributes.Definition(a))]),
        });
    }

    /// <summary>Whether the client prefers English (Accept-Language); Chinese otherwise.</summary>
    public static bool English(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
}
