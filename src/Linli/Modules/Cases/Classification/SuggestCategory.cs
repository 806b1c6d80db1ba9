using Linli.Infrastructure.Errors;
using Linli.Modules.Cases.Categories;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Cases.Classification;

public sealed record SuggestCategoryRequest(string? Text);

/// <summary><c>POST /api/v1/cases/suggest</c>: what the report page shows while the reporter types.</summary>
internal static class SuggestCategory
{
    public static async Task<Ok<IReadOnlyList<CategorySuggestion>>> Handle(SuggestCategoryRequest? request, HttpRequest http,
        CategorySuggester suggester, CategoryCatalog catalog, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Text))
        {
            throw new RequestValidationException("text", "is required: the words of the report");
        }
        if (request.Text.Length > 4000)
        {
            throw new RequestValidationException("text", $"at most 4,000 characters, not {request.Text.Length:N0}");
        }
        var english = CategoryEndpoints.English(http);
        var names = (await catalog.AllAsync(ct)).ToDictionary(c => c.Key, c => english ? c.Value.NameEn : c.Value.NameZh);
        return TypedResults.Ok(await suggester.SuggestAsync(request.Text, names));
    }
}
