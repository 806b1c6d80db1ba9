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
    string? Name = null,
    DuplicatesDto? Duplicates = null,
    IReadOnlyList<TargetDto>? Targets = null);

/// <summary>
/// A milestone target: reach <c>milestone</c> (dispatched, called-back, on-scene, lanes-clear, closed) within
/// <c>limit</c> (natural minutes or hours) of the report, as <c>setBy</c> requires ("1315", "operator", …).
/// </summary>
public sealed record TargetDto(string? Milestone, LimitDto? Limit, string? SetBy);

/// <summary>How near and how soon a new report must be to be merged into an open case of this category (defaults 50 m, 72 h).</summary>
public sealed record DuplicatesDto(double? RadiusMeters, double? WindowHours);

public sealed record MajorCategoryDto(string? Code, NamesDto? Names, string? Kind, IReadOnlyList<MinorCategoryDto>? Minors, string? Name = null);

/// <summary>The whole taxonomy as one JSON document: what export writes and import reads.</summary>
public sealed record CategoryDocument(int Version, IReadOnlyList<MajorCategoryDto>? Majors);
