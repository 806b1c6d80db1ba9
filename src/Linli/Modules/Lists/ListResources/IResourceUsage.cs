using Linli.Infrastructure.Persistence;

namespace Linli.Modules.Lists.ListResources;

/// <summary>How much of each resource's weekly capacity is already given out, for the lists and pages.</summary>
public interface IResourceUsage
{
    /// <summary>Units per week allocated, by resource id; ids without allocations are left out.</summary>
    Task<IReadOnlyDictionary<Guid, int>?> UsedPerWeekAsync(LinliDb db, IReadOnlyCollection<Guid> resourceIds, CancellationToken ct);
}

/// <summary>The sum of the active allocations (direct or in a project), the same figure the matching subtracts.</summary>
internal sealed class AllocationUsage : IResourceUsage
{
    public async Task<IReadOnlyDictionary<Guid, int>?> UsedPerWeekAsync(LinliDb db, IReadOnlyCollection<Guid> resourceIds, CancellationToken ct) =>
        await Matching.Engine.MatchingEngine.UsedCapacityAsync(db, resourceIds, ct);
}
