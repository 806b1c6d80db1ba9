namespace Linli.Modules.Cases.Data;

/// <summary>Where a case stands in the closed loop (DOMAIN.md §2).</summary>
public enum CaseStage
{
    Reported,
    Accepted,
    Filed,
    Dispatched,
    Deferred,
    FedBack,
    Verified,
    Closed,
    Evaluated,
    Declined,
    Voided,
    Ledger,

    /// <summary>Merged by staff into another case that stands for the same problem; its reports moved there.</summary>
    Merged,
}

public enum CaseSource
{
    Web,
    Phone,
    Courier,
    Patrol,
    Hotline,
    Inspection,
    Open311,
}

public static class CaseNames
{
    public static string Stage(CaseStage stage) => stage switch
    {
        CaseStage.FedBack => "fed-back",
        _ => stage.ToString().ToLowerInvariant(),
    };

    public static bool TryParseStage(string? name, out CaseStage stage)
    {
        foreach (var candidate in Enum.GetValues<CaseStage>())
        {
            if (string.Equals(Stage(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }
        stage = default;
        return false;
    }

    public static string Source(CaseSource source) => source.ToString().ToLowerInvariant();

    public static bool TryParseSource(string? name, out CaseSource source) =>
        Enum.TryParse(name, ignoreCase: true, out source) && Enum.IsDefined(source);

    /// <summary>Stages where the clock of the loop still runs.</summary>
    public static bool IsOpen(CaseStage stage) =>
        stage is CaseStage.Reported or CaseStage.Accepted or CaseStage.Filed or CaseStage.Dispatched or CaseStage.FedBack or CaseStage.Verified;
}
