using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Matching.Engine;

/// <summary>
/// The matching of a community or street: open needs × active resources with capacity left; the
/// pairs whose category fits, whose area holds the need and whose weekly windows meet become
/// candidates with a <see cref="MatchScore"/>; the <see cref="AssignmentSolver"/> then picks the
/// assignment with the highest total score that no need or capacity exceeds. The run is returned
/// unsaved, with a proposal (and its explanation) per assignment.
/// </summary>
internal static class MatchingEngine
{
    public static async Task<MatchingRun> RunAsync(LinliDb db, string regionCode, IReadOnlyList<string> ancestorCodes, string startedBy,
        DateTimeOffset now, CancellationToken ct)
    {
        var prefix = RegionScope.Prefix(regionCode);
        var demands = await db.Demands.AsNoTracking()
            .Where(d => d.Status == DemandStatus.Open && d.RegionCode.StartsWith(prefix)).ToListAsync(ct);
        // Providers kept at the region's level or above, or anywhere in its district: the circle or
        // region list of each decides whether it reaches the needs here.
        var district = regionCode[..Math.Min(6, regionCode.Length)];
        var resources = await db.Resources.AsNoTracking()
            .Where(r => r.Status == ResourceStatus.Active && (r.RegionCode.StartsWith(district) || ancestorCodes.Contains(r.RegionCode)))
            .ToListAsync(ct);
        var ids = resources.Select(r => r.Id).ToList();
        var used = await UsedCapacityAsync(db, ids, ct);
        var left = resources.ToDictionary(r => r.Id, r => r.CapacityPerWeek - used.GetValueOrDefault(r.Id));
        resources = [.. resources.Where(r => left[r.Id] > 0)];

        var byNeed = resources.SelectMany(r => NeedCategories.NeedsMetBy(r.Category).Select(need => (need, r)))
            .ToLookup(x => x.need, x => x.r);
        var candidates = new List<Candidate>();
        foreach (var demand in demands)
        {
            foreach (var resource in byNeed[demand.Category])
            {
                if (Consider(demand, resource, now) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }
        }

        var result = AssignmentSolver.Solve(
            [.. demands.Select(d => new SolverDemand(d.Id.ToString(), d.Quantity))],
            [.. resources.Select(r => new SolverResource(r.Id.ToString(), left[r.Id]))],
            [.. candidates.Select(c => new SolverEdge(c.Demand.Id.ToString(), c.Resource.Id.ToString(), c.Score))], ct);

        var run = new MatchingRun(Guid.CreateVersion7(now), regionCode, demands.Count, resources.Count, candidates.Count, result.Objective, startedBy, now);
        var byPair = candidates.ToDictionary(c => (c.Demand.Id.ToString(), c.Resource.Id.ToString()));
        foreach (var assignment in result.Assignments.Where(a => a.Quantity > 0))
        {
            var c = byPair[(assignment.Demand, assignment.Resource)];
            var (zh, en) = Explanation.Of(c.Distance, c.Shared, left[c.Resource.Id], c.Resource.CapacityPerWeek, c.Resource.Category);
            run.Propose(new MatchProposal(Guid.CreateVersion7(now), run.Id, c.Demand.Id, c.Demand.Version, c.Resource.Id, c.Resource.Version,
                assignment.Quantity, c.Score, c.Fit, c.Distance, WeeklyWindows.Store(c.Shared), left[c.Resource.Id], c.Resource.CapacityPerWeek,
                Demands.DemandRules.UrgencyWeight(c.Demand.Urgency), Math.Round(c.WaitingDays, 1), zh, en));
        }
        return run;
    }

    /// <summary>A candidate pair, or null when the category, the area or the time windows rule it out.</summary>
    internal static Candidate? Consider(Demand demand, Resource resource, DateTimeOffset now)
    {
        var fit = NeedCategories.Fit(resource.Category, demand.Category);
        if (fit <= 0)
        {
            return null;
        }
        var distance = ServiceArea.Distance(demand, resource);
        if (!ServiceArea.Covers(resource, demand, distance))
        {
            return null;
        }
        if (!WeeklyWindows.Meet(demand.Windows, resource.Windows, out var shared))
        {
            return null;
        }
        var waiting = Math.Max(0, (now - demand.CreatedAt).TotalDays);
        var reach = resource.RadiusMeters is { } radius ? radius : MatchScore.RegionReachMeters;
        return new Candidate(demand, resource, fit, distance, shared, waiting, MatchScore.Of(fit, distance, reach, demand.Urgency, waiting));
    }

    /// <summary>The capacity per week each resource has given away in active allocations.</summary>
    public static async Task<Dictionary<Guid, int>> UsedCapacityAsync(LinliDb db, IReadOnlyCollection<Guid> resourceIds, CancellationToken ct) =>
        await db.Allocations.AsNoTracking().Where(a => a.Active && resourceIds.Contains(a.ResourceId))
            .GroupBy(a => a.ResourceId).Select(g => new { g.Key, Used = g.Sum(a => a.QuantityPerWeek) })
            .ToDictionaryAsync(x => x.Key, x => x.Used, ct);

    internal sealed record Candidate(Demand Demand, Resource Resource, double Fit, double? Distance, IReadOnlyList<WeeklyWindow> Shared,
        double WaitingDays, double Score);
}
