using Linli.Modules.Cases.Calendar;

namespace Linli.Modules.Cases.Categories;

/// <summary>A major class: a group of minor classes of one kind (component 部件, event 事件, or Linli's own).</summary>
public sealed class MajorCategory
{
    private MajorCategory()
    {
        Code = "";
        NameZh = "";
        NameEn = "";
        Kind = "";
    }

    public MajorCategory(string code, string nameZh, string nameEn, string kind)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Kind = kind;
    }

    public string Code { get; private set; }
    public string NameZh { get; private set; }
    public string NameEn { get; private set; }
    public string Kind { get; private set; }

    public void Rename(string nameZh, string nameEn, string kind) => (NameZh, NameEn, Kind) = (nameZh, nameEn, kind);
}

/// <summary>
/// A minor class: what a case is about, with the rules a city runs it by — when to file it, who
/// handles it by default, how long they have, when it may be closed, how urgent it is.
/// </summary>
public sealed class MinorCategory
{
    private MinorCategory()
    {
        Code = "";
        MajorCode = "";
        NameZh = "";
        NameEn = "";
        Kind = "";
        FilingCondition = "";
        ClosingCondition = "";
        DefaultPriority = "";
    }

    public MinorCategory(string code, string majorCode) : this()
    {
        Code = code;
        MajorCode = majorCode;
    }

    public string Code { get; private set; }
    public string MajorCode { get; private set; }
    public string NameZh { get; private set; }
    public string NameEn { get; private set; }
    public string Kind { get; private set; }
    public string FilingCondition { get; private set; }
    public string? DefaultUnit { get; private set; }
    public double LimitValue { get; private set; }
    public LimitUnit LimitUnit { get; private set; }
    public string ClosingCondition { get; private set; }
    public string DefaultPriority { get; private set; }

    /// <summary>A new report within this distance of an open case of this category may be the same problem.</summary>
    public double DuplicateRadiusMeters { get; private set; } = Duplicates.DuplicateWindow.Default.RadiusMeters;

    /// <summary>… and within this many hours of the case's report.</summary>
    public double DuplicateWindowHours { get; private set; } = Duplicates.DuplicateWindow.Default.WindowHours;

    /// <summary>
    /// Milestone targets as JSON (see <see cref="Targets.MilestoneTargets"/>): null when never set, so that
    /// shipped targets fill in on an existing database; "[]" when the category has none.
    /// </summary>
    public string? TargetsJson { get; private set; }

    public TimeLimit DisposalLimit => new(LimitValue, LimitUnit);

    public Duplicates.DuplicateWindow DuplicateWindow => new(DuplicateRadiusMeters, DuplicateWindowHours);

    public void Apply(MinorCategoryDto dto, string kind)
    {
        NameZh = dto.Names!.Zh!.Trim();
        NameEn = dto.Names.En!.Trim();
        Kind = kind;
        FilingCondition = dto.FilingCondition?.Trim() ?? "";
        DefaultUnit = string.IsNullOrWhiteSpace(dto.DefaultUnit) ? null : dto.DefaultUnit.Trim();
        LimitValue = dto.DisposalLimit!.Value;
        LimitUnit = TimeLimit.TryParseUnit(dto.DisposalLimit.Unit, out var unit) ? unit : throw new ArgumentException("unit");
        ClosingCondition = dto.ClosingCondition?.Trim() ?? "";
        DefaultPriority = dto.DefaultPriority ?? Priorities.Normal;
        DuplicateRadiusMeters = dto.Duplicates?.RadiusMeters ?? Duplicates.DuplicateWindow.Default.RadiusMeters;
        DuplicateWindowHours = dto.Duplicates?.WindowHours ?? Duplicates.DuplicateWindow.Default.WindowHours;
        TargetsJson = Targets.MilestoneTargets.Serialize(dto.Targets ?? []);
    }

    /// <summary>Sets the targets of a category that never had any set (the shipped ones on an older database).</summary>
    public void FillTargets(IReadOnlyList<TargetDto> targets) => TargetsJson ??= Targets.MilestoneTargets.Serialize(targets);
}

public static class Priorities
{
    public const string Urgent = "urgent";
    public const string High = "high";
    public const string Normal = "normal";
    public const string Low = "low";

    public static IReadOnlyList<string> All { get; } = [Urgent, High, Normal, Low];
}

public static class CategoryKinds
{
    public static IReadOnlyList<string> All { get; } = ["component", "event", "linli"];
}
