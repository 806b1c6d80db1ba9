using Linli.Infrastructure.Persistence;

namespace Linli.Modules.Lists.ListResources;

/// <summary>
/// How much of each resource's weekly capacity is already given out. Allocations belong to the
/// projects and the matching; until they register an implementation, <see cref="NoResourceUsage"/>
/// answers and the lists show capacity without "used".
/// </summary>
public interface IResourceUsage
{
    /// <summary>Units per week allocated, by resource id; ids without allocations may be left out. Null: not known.</summary>
    Task<IReadOnlyDictionary<Guid, int>?> UsedPerWeekAsync(LinliDb db, IReadOnlyCollection<Guid> resourceIds, CancellationToken ct);
}

internal sealed class NoResourceUsage : IResourceUsage
{
    public Task<IReadOnlyDictionary<Guid, int>?> UsedPerWeekAsync(LinliDb db, IReadOnlyCollection<Guid> resourceIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>?>(null);
}
