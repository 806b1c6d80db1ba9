using Linli.Infrastructure.Errors;

namespace Linli.Modules.Lists.Matching.Engine;

/// <summary>
/// One run of the matching over a community or street: the proposals it made, kept so staff can
/// confirm the ones they choose and auditors can see what was proposed and why.
/// </summary>
public sealed class MatchingRun
{
    private readonly List<MatchProposal> _proposals = [];

    private MatchingRun()
    {
        RegionCode = StartedBy = "";
    }

    public MatchingRun(Guid id, string regionCode, int demands, int resources, int candidates, double objective, string startedBy, DateTimeOffset now)
    {
        Id = id;
        RegionCode = regionCode;
        DemandCount = demands;
        ResourceCount = resources;
        CandidateCount = candidates;
        Objective = objective;
        StartedBy = startedBy;
        StartedAt = now;
    }

    public Guid Id { get; private set; }
    public string RegionCode { get; private set; }

    /// <summary>Open demands and active resources with capacity left that the run considered.</summary>
    public int DemandCount { get; private set; }
    public int ResourceCount { get; private set; }

    /// <summary>Pairs that passed category, area and time windows (the edges given to the solver).</summary>
    public int CandidateCount { get; private set; }

    /// <summary>Σ score × quantity of the proposals: the solver's objective.</summary>
    public double Objective { get; private set; }

    public string StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public IReadOnlyList<MatchProposal> Proposals => _proposals;

    public void Propose(MatchProposal proposal) => _proposals.Add(proposal);
}

/// <summary>
/// One proposed assignment: how much of a resource goes to a need each week, the score it earned
/// and the parts of its explanation. The versions of the demand and resource it saw let a
/// confirmation tell whether the run is stale.
/// </summary>
public sealed class MatchProposal
{
    private MatchProposal()
    {
        SharedWindows = ExplanationZh = ExplanationEn = "";
    }

    public MatchProposal(Guid id, Guid runId, Guid demandId, int demandVersion, Guid resourceId, int resourceVersion, int quantity, double score,
        double fit, double? distanceMeters, string sharedWindows, int remaining, int capacity, double urgency, double waitingDays,
        string explanationZh, string explanationEn)
    {
        Id = id;
        RunId = runId;
        DemandId = demandId;
        DemandVersion = demandVersion;
        ResourceId = resourceId;
        ResourceVersion = resourceVersion;
        Quantity = quantity;
        Score = score;
        Fit = fit;
        DistanceMeters = distanceMeters;
        SharedWindows = sharedWindows;
        RemainingCapacity = remaining;
        Capacity = capacity;
        Urgency = urgency;
        WaitingDays = waitingDays;
        ExplanationZh = explanationZh;
        ExplanationEn = explanationEn;
    }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid DemandId { get; private set; }
    public int DemandVersion { get; private set; }
    public Guid ResourceId { get; private set; }
    public int ResourceVersion { get; private set; }

    /// <summary>How much per week, in the unit of the category.</summary>
    public int Quantity { get; private set; }

    public double Score { get; private set; }
    public double Fit { get; private set; }

    /// <summary>Null when either side has no point (the area was a list of regions).</summary>
    public double? DistanceMeters { get; private set; }

    /// <summary>Where the weekly windows meet, stored as windows are; empty when both sides take any time.</summary>
    public string SharedWindows { get; private set; }

    /// <summary>The resource's capacity left when the run started, and its capacity per week.</summary>
    public int RemainingCapacity { get; private set; }
    public int Capacity { get; private set; }

    public double Urgency { get; private set; }
    public double WaitingDays { get; private set; }
    public string ExplanationZh { get; private set; }
    public string ExplanationEn { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedAs { get; private set; }

    public void EnsureNotConfirmed()
    {
        if (ConfirmedAt is not null)
        {
            throw new DomainException("Already confirmed", $"proposal {Id} was already confirmed ({ConfirmedAs})");
        }
    }

    public void Confirm(string how, DateTimeOffset now)
    {
        EnsureNotConfirmed();
        ConfirmedAt = now;
        ConfirmedAs = how;
    }
}
