using Linli.Modules.Cases.Data;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Cases.QueryCases;

public sealed record RegionName(string Code, string Name);

public sealed record CaseRegionsView(RegionName? District, RegionName? Street, RegionName? Community, RegionName? Grid, RegionName? Building);

public sealed record CaseDeadlines(DateTimeOffset? Stage, DateTimeOffset? StageWarning, DateTimeOffset Case);

public sealed record CaseLocation(double Lon, double Lat);

/// <summary>Names another case: its id and its number.</summary>
public sealed record CaseReference(Guid Id, string Number);

/// <summary>A case as the API shows it; personal data of the reporter is never in it.</summary>
public sealed record CaseView(
    Guid Id,
    string Number,
    string Stage,
    string Source,
    string Category,
    string Priority,
    string Description,
    string? Address,
    CaseLocation Location,
    CaseRegionsView Regions,
    string? AssignedUnit,
    string? AssignedPerson,
    CaseDeadlines Deadlines,
    string Timer,
    bool Overdue,
    double? PendingExtensionHours,
    int ReturnCount,
    int ReworkCount,
    bool SelfHandled,
    int? Rating,
    DateTimeOffset ReportedAt,
    int Version,
    int ReportCount = 1,
    Guid? MergedInto = null)
{
    /// <summary>Only in the answer to a report that joined an open case: the case it repeats (the answer is then 200).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CaseReference? DuplicateOf { get; init; }

    /// <summary>Only in the answer to a report sent without a category: the categories suggested from its words, the first taken.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Classification.CategorySuggestion>? SuggestedCategories { get; init; }

    /// <summary>Only in the answer to a report: the secret of the reporter's follow link, shown once.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? FollowToken { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? FollowUrl { get; init; }

    public static CaseView Of(Case c, IRegionLookup regions, DateTimeOffset now)
    {
        var names = regions.PathTo(c.BuildingCode ?? c.GridCode).ToDictionary(r => r.Code, r => r.Name);
        RegionName? Name(string? code) => code is null ? null : new RegionName(code, names.GetValueOrDefault(code) ?? code);
        var nowMs = now.ToUnixTimeMilliseconds();
        return new CaseView(
            c.Id, c.Number, CaseNames.Stage(c.Stage), CaseNames.Source(c.Source), c.CategoryCode, c.Priority, c.Description, c.Address,
            new CaseLocation(c.Location.X, c.Location.Y),
            new CaseRegionsView(Name(c.DistrictCode), Name(c.StreetCode), Name(c.CommunityCode), Name(c.GridCode), Name(c.BuildingCode)),
            c.AssignedUnit,
            c.AssignedPerson,
            new CaseDeadlines(Time(c.StageDeadlineMs), Time(c.StageWarningAtMs), Time(c.CaseDeadlineMs)!.Value),
            TimerColours.Of(nowMs, c.StageWarningAtMs, c.StageDeadlineMs),
            c.StageDeadlineMs is { } d && nowMs >= d,
            c.PendingExtensionHours, c.ReturnCount, c.ReworkCount, c.SelfHandled, c.Rating,
            c.ReportedAt.ToOffset(Calendar.WorkingCalendar.ChinaStandardTime), c.Version, c.ReportCount, c.MergedIntoId);
    }

    public static string ETag(Case c) => $"\"{c.Version}\"";

    private static DateTimeOffset? Time(long? ms) =>
        ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value).ToOffset(Calendar.WorkingCalendar.ChinaStandardTime) : null;
}

public sealed record CaseEventView(int Sequence, DateTimeOffset At, string? User, string Action, string From, string To, string? Note, string? Data);
