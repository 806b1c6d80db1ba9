namespace Linli.Modules.Cases.Categories;

public sealed record NamesDto(string? Zh, string? En);

public sealed record LimitDto(double Value, string? Unit);

public sealed record MinorCategoryDto(
    string? Code,
    NamesDto? Names,
    string? Kind,
    string? FilingCondition,
    string? DefaultUnit,
    LimitDto? DisposalLimit,
    string? ClosingCondition,
    string? DefaultPriority,
    string? Name = null);

public sealed record MajorCategoryDto(string? Code, NamesDto? Names, string? Kind, IReadOnlyList<MinorCategoryDto>? Minors, string? Name = null);

/// <summary>The whole taxonomy as one JSON document: what export writes and import reads.</summary>
public sealed record CategoryDocument(int Version, IReadOnlyList<MajorCategoryDto>? Majors);
