namespace Linli.Modules.Cases.Data;

/// <summary>
/// The closed loop as one table: the stages each action may start from. The transitions check it,
/// and the pages offer exactly the actions it allows now (never a button that can only fail).
/// </summary>
public sealed partial class Case
{
    private static readonly CaseStage[] StillInTheLoop =
        [CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed, CaseStage.Dispatched, CaseStage.Deferred, CaseStage.FedBack, CaseStage.Verified, CaseStage.Ledger];

    public static IReadOnlyDictionary<string, CaseStage[]> ActionStages { get; } = new Dictionary<string, CaseStage[]>
    {
        ["accept"] = [CaseStage.Reported],
        ["self-handle"] = [CaseStage.Reported, CaseStage.Accepted],
        ["decline"] = [CaseStage.Reported, CaseStage.Accepted],
        ["file"] = [CaseStage.Accepted],
        ["void"] = [CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed],
        ["dispatch"] = [CaseStage.Filed, CaseStage.Deferred, CaseStage.Ledger],
        ["return"] = [CaseStage.Dispatched],
        ["request-extension"] = [CaseStage.Dispatched],
        ["grant-extension"] = [CaseStage.Dispatched],
        ["refuse-extension"] = [CaseStage.Dispatched],
        ["defer"] = [CaseStage.Dispatched],
        ["ledger"] = [CaseStage.Filed, CaseStage.Dispatched, CaseStage.Deferred],
        ["feedback"] = [CaseStage.Dispatched],
        ["verify"] = [CaseStage.FedBack],
        ["close"] = [CaseStage.Verified],
        ["evaluate"] = [CaseStage.Closed],
        ["split"] = StillInTheLoop,
        ["merge"] = StillInTheLoop,
    };

    /// <summary>The actions the case's state allows now, whoever asks (who may take them is CaseAccess's question).</summary>
    public IEnumerable<string> ActionsNow() => ActionStages
        .Where(a => a.Value.Contains(Stage))
        .Select(a => a.Key)
        .Where(action => action switch
        {
            "request-extension" => PendingExtensionHours is null,
            "grant-extension" or "refuse-extension" => PendingExtensionHours is not null,
            "split" => ReportCount > 1,
            _ => true,
        });
}
