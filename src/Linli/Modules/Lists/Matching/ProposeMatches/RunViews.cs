using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Matching.ProposeMatches;

public sealed record RunView(Guid Id, string Region, DateTimeOffset StartedAt, string StartedBy, int Demands, int Resources, int Candidates,
    double Objective, IReadOnlyList<ProposalView> Proposals);

public sealed record ProposalView(Guid Id, ProposalDemand Demand, ProposalResource Resource, int Quantity, double Score, double? DistanceMeters,
    string SharedWindows, int RemainingCapacity, int Capacity, ProposalExplanation Explanation, DateTimeOffset? ConfirmedAt, string? ConfirmedAs);

public sealed record ProposalDemand(Guid Id, string RegionCode, string Category, string Description, int Quantity, string Urgency, string Status);

public sealed record ProposalResource(Guid Id, string Title, string ProviderName, string ProviderKind, string Category);

public sealed record ProposalExplanation(string Zh, string En);

/// <summary>A run as the API and the page show it: each proposal with the need and resource it joins.</summary>
internal static class RunViews
{
    /// <summary>How long a run's proposals may be confirmed: scores age (waiting time) and the joint meeting is weekly.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public static async Task<RunView> LoadAsync(LinliDb db, Guid id, CancellationToken ct)
    {
        var run = await db.MatchingRuns.AsNoTracking().Include(r => r.Proposals).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException($"Matching run {id} does not exist.");
        var demandIds = run.Proposals.Select(p => p.DemandId).Distinct().ToList();
        var resourceIds = run.Proposals.Select(p => p.ResourceId).Distinct().ToList();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var resources = await db.Resources.AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var proposals = run.Proposals.OrderByDescending(p => p.Score).ThenBy(p => p.Id).Select(p =>
        {
            var d = demands[p.DemandId];
            var r = resources[p.ResourceId];
            return new ProposalView(p.Id, new ProposalDemand(d.Id, d.RegionCode, d.Category, d.Description, d.Quantity, d.Urgency, d.Status.ToString()),
                new ProposalResource(r.Id, r.Title, r.ProviderName, r.ProviderKind, r.Category), p.Quantity, p.Score, p.DistanceMeters, p.SharedWindows,
                p.RemainingCapacity, p.Capacity, new ProposalExplanation(p.ExplanationZh, p.ExplanationEn), p.ConfirmedAt, p.ConfirmedAs);
        }).ToList();
        return new RunView(run.Id, run.RegionCode, run.StartedAt, run.StartedBy, run.DemandCount, run.ResourceCount, run.CandidateCount,
            Math.Round(run.Objective, 4), proposals);
    }
}
