using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Background;

/// <summary>A named lease row: the node that holds it does the work until it expires.</summary>
public sealed class BackgroundLease
{
    private BackgroundLease()
    {
        Name = "";
        Holder = "";
    }

    public BackgroundLease(string name, string holder, long expiresAtMs)
    {
        Name = name;
        Holder = holder;
        ExpiresAtMs = expiresAtMs;
    }

    public string Name { get; private set; }
    public string Holder { get; private set; }
    public long ExpiresAtMs { get; private set; }
}

/// <summary>
/// Database-coordinated leases for background work (rule 10): one conditional UPDATE takes a free or
/// expired lease, so across any number of nodes only one sweeps at a time. The work itself is
/// still idempotent, so a lease lost mid-sweep costs nothing but time.
/// </summary>
public sealed class LeaseCoordinator(IDbContextFactory<LinliDb> dbFactory, TimeProvider clock)
{
    public string NodeId { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 64);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[^length..];

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)duration.TotalMilliseconds;
        var holder = NodeId;
        var taken = await db.BackgroundLeases
            .Where(l => l.Name == name && (l.ExpiresAtMs < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtMs, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.BackgroundLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        try
        {
            db.BackgroundLeases.Add(new BackgroundLease(name, holder, until));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another node created it first
        }
    }
}
