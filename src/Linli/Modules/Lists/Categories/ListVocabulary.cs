using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Demands;
using Linli.Modules.Lists.ListAccess;
using Linli.Modules.Lists.RecordResource;
using Linli.Modules.People.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.Categories;

/// <summary>A code with its names in both languages.</summary>
public sealed record Term(string Code, string Chinese, string English);

public sealed record CategoryTerm(string Code, string Group, string Chinese, string English);

/// <summary>Every word the lists' fields may take, for pages, forms and clients.</summary>
public sealed record ListVocabularyView(IReadOnlyList<Term> Groups, IReadOnlyList<CategoryTerm> Categories, IReadOnlyList<Term> CareTags,
    IReadOnlyList<Term> Channels, IReadOnlyList<Term> Urgencies, IReadOnlyList<Term> ProviderKinds, IReadOnlyList<Term> Conditions,
    IReadOnlyList<string> DemandStatuses, IReadOnlyList<string> ResourceStatuses);

/// <summary>GET /api/v1/lists/categories: the need categories by group, care tags, channels, urgencies and the rest.</summary>
internal static class ListVocabulary
{
    /// <summary>The groups of <see cref="NeedCategories"/>, named.</summary>
    public static IReadOnlyList<Term> Groups { get; } =
    [
        new("elderly", "为老服务", "Elderly care"),
        new("children", "儿童关爱", "Children"),
        new("repairs", "维修便民", "Repairs and everyday services"),
        new("jobs", "就业帮扶", "Jobs"),
        new("legal", "法律服务", "Legal aid"),
        new("culture", "文体活动", "Culture and sport"),
        new("health", "医疗健康", "Health"),
        new("wishes", "微心愿", "Small wishes"),
        new("workers", "新就业群体", "Couriers and riders"),
    ];

    public static ListVocabularyView View { get; } = new(
        Groups,
        [.. NeedCategories.All.Select(c => new CategoryTerm(c.Code, c.Group, c.Chinese, c.English))],
        [.. CareTags.All.Select(Of)],
        [.. DemandRules.Channels.Select(Of)],
        [.. DemandRules.Urgencies.Select(Of)],
        [.. ResourceRules.ProviderKinds.Select(Of)],
        [.. ResourceRules.Conditions.Select(Of)],
        ListNames.DemandStatuses,
        ListNames.ResourceStatuses);

    public static Ok<ListVocabularyView> Handle() => TypedResults.Ok(View);

    public static Term GroupOf(string? code) => Groups.FirstOrDefault(g => g.Code == code) ?? new(code ?? "", code ?? "", code ?? "");

    private static Term Of((string Code, string Chinese, string English) t) => new(t.Code, t.Chinese, t.English);
}
