using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Open311.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Open311.ManageKeys;

/// <summary>Finds a key by its secret (through the hash) and keeps each key's fixed-window rate on this node.</summary>
internal sealed class Open311KeyStore(IDbContextFactory<LinliDb> databases)
{
    private readonly ConcurrentDictionary<string, (int PerMinute, FixedWindowRateLimiter Limiter)> _limiters = new();

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() =>
        "o311_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>The active key with this secret, or null.</summary>
    public async Task<Open311Key?> FindAsync(string secret, CancellationToken ct)
    {
        if (secret.Length > 200)
        {
            return null;
        }
        var hash = Hash(secret);
        await using var db = await databases.CreateDbContextAsync(ct);
        return await db.Open311Keys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAtMs == null, ct);
    }

    public bool TryAcquire(string partition, int perMinute)
    {
        var entry = _limiters.AddOrUpdate(partition,
            _ => (perMinute, Limiter(perMinute)),
            (_, existing) => existing.PerMinute == perMinute ? existing : (perMinute, Limiter(perMinute)));
        using var lease = entry.Limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    private static FixedWindowRateLimiter Limiter(int perMinute) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = perMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
