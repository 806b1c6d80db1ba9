using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Categories;

/// <summary>
/// The minor categories in memory for intake, which reads them for every report. A change on this
/// node is seen at once; another node's change within <see cref="MaxAge"/>.
/// </summary>
public sealed class CategoryCatalog(IDbContextFactory<LinliDb> databases, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyDictionary<string, MinorCategory>> AllAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot.ByCode;
        }
        await using var db = await databases.CreateDbContextAsync(ct);
        var minors = await db.MinorCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        _snapshot = new Snapshot(minors, clock.GetUtcNow());
        return minors;
    }

    public async Task<MinorCategory?> FindAsync(string code, CancellationToken ct) =>
        (await AllAsync(ct)).GetValueOrDefault(code);

    /// <summary>Called after the taxonomy changes on this node.</summary>
    public void Forget() => _snapshot = null;

    private sealed record Snapshot(IReadOnlyDictionary<string, MinorCategory> ByCode, DateTimeOffset LoadedAt);
}
