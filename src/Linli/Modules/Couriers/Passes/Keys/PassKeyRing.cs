using System.Security.Cryptography;
using Linli.Infrastructure.Background;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Verify;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;

namespace Linli.Modules.Couriers.Passes.Keys;

/// <summary>The key that signs new tokens, with its private half decrypted in memory.</summary>
internal sealed record PassSigner(string KeyId, Key Key);

/// <summary>
/// One reading of the key table: what verifies, what signs, what is listed. <see cref="UnreadableKeyId"/> names
/// an Active key whose private half this node cannot decrypt (its data-protection keys differ): it still verifies,
/// but cannot sign, and no second key is made behind the other nodes' backs.
/// </summary>
internal sealed record PassKeySnapshot(PassKeySet Keys, PassSigner? Signer, IReadOnlyList<PassSigningKey> Rows, long LoadedAtMs,
    string? UnreadableKeyId = null);

/// <summary>
/// The pass-signing keys of this node, cached (read again every <see cref="RefreshMs"/> and right
/// after a rotation here), so a verification never waits on the database for keys. Creating and
/// rotating keys happens under a database lease, so two nodes starting together make one key:
/// the one that loses the lease reads the winner's key.
/// </summary>
internal sealed class PassKeyRing(IDbContextFactory<LinliDb> dbFactory, IDataProtectionProvider protection, LeaseCoordinator leases,
    TimeProvider clock, ILogger<PassKeyRing> logger) : IDisposable
{
    public const long RefreshMs = 30_000;
    public const string Algorithm = "Ed25519";
    private const string LeaseName = "pass-signing-keys";
    private const string KeyIdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly IDataProtector _protector = protection.CreateProtector("Linli.PassSigningKeys");
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The lease keeps other nodes out but lets this node in twice; this keeps two callers here apart.
    private readonly SemaphoreSlim _making = new(1, 1);
    private volatile PassKeySnapshot? _snapshot;

    /// <summary>
    /// The cached keys. The background service reads them again every 30 s; a request reads them itself
    /// only when that has not happened for two rounds (the database was away) or no key signs yet.
    /// </summary>
    public async Task<PassKeySnapshot> GetAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Signer is not null && Age(snapshot) < 2 * RefreshMs)
        {
            return snapshot;
        }
        snapshot = await RefreshAsync(RefreshMs, ct);
        return snapshot.Signer is not null || snapshot.UnreadableKeyId is not null ? snapshot : await EnsureActiveAsync(ct);
    }

    private long Age(PassKeySnapshot snapshot) => clock.GetUtcNow().ToUnixTimeMilliseconds() - snapshot.LoadedAtMs;

    public Task<PassKeySnapshot> RefreshAsync(CancellationToken ct) => RefreshAsync(0, ct);

    /// <summary>Reads the key table again, unless it was read less than <paramref name="ifOlderThanMs"/> ago (requests queued behind a reading take its result).</summary>
    public async Task<PassKeySnapshot> RefreshAsync(long ifOlderThanMs, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (ifOlderThanMs > 0 && _snapshot is { Signer: not null } fresh && Age(fresh) < ifOlderThanMs)
            {
                return fresh;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.PassSigningKeys.AsNoTracking().ToListAsync(ct);
            rows = [.. rows.OrderBy(r => r.CreatedAtMs).ThenBy(r => r.KeyId, StringComparer.Ordinal)];
            var keys = PassKeySet.FromRaw(rows.Select(r => (r.KeyId, r.PublicKey, r.Status)));
            // Should a race ever leave two Active keys, the newest signs; both still verify.
            var active = rows.LastOrDefault(r => r.Status == SigningKeyStatus.Active);
            var signer = active is null ? null : _snapshot?.Signer?.KeyId == active.KeyId ? _snapshot.Signer : TrySigner(active);
            var unreadable = active is not null && signer is null ? active.KeyId : null;
            var snapshot = new PassKeySnapshot(keys, signer, rows, clock.GetUtcNow().ToUnixTimeMilliseconds(), unreadable);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes sure exactly one key signs: creates it when none does (start-up, first use).</summary>
    public async Task<PassKeySnapshot> EnsureActiveAsync(CancellationToken ct)
    {
        await _making.WaitAsync(ct);
        try
        {
            return await MakeActiveAsync(ct);
        }
        finally
        {
            _making.Release();
        }
    }

    private async Task<PassKeySnapshot> MakeActiveAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var snapshot = await RefreshAsync(ct);
            if (snapshot.Signer is not null || snapshot.UnreadableKeyId is not null)
            {
                return snapshot;
            }
            if (await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(10), ct))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (!await db.PassSigningKeys.AnyAsync(k => k.Status == SigningKeyStatus.Active, ct))
                {
                    db.PassSigningKeys.Add(NewKey(await FreshKeyIdAsync(db, ct)));
                    await db.SaveChangesAsync(ct);
                    logger.LogInformation("Created the first pass-signing key");
                }
                continue;
            }
            // Another node holds the lease and is making the key: read again shortly.
            await Task.Delay(200, ct);
        }
        throw new NotReadyException("No pass-signing key could be made; try again shortly.");
    }

    /// <summary>A new Active key; the old Active one keeps verifying the tokens it signed (VerifyOnly).</summary>
    public async Task<PassSigningKey> RotateAsync(CancellationToken ct)
    {
        await _making.WaitAsync(ct);
        try
        {
            return await RotateUnderLockAsync(ct);
        }
        finally
        {
            _making.Release();
        }
    }

    private async Task<PassSigningKey> RotateUnderLockAsync(CancellationToken ct)
    {
        var deadline = clock.GetUtcNow().AddSeconds(10);
        while (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(10), ct))
        {
            if (clock.GetUtcNow() > deadline) throw new DomainException("Rotation in progress", "Another rotation is in progress; try again shortly.");
            await Task.Delay(200, ct);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var old in await db.PassSigningKeys.Where(k => k.Status == SigningKeyStatus.Active).ToListAsync(ct))
        {
            old.ReplaceBy(now);
        }
        var key = NewKey(await FreshKeyIdAsync(db, ct));
        db.PassSigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await RefreshAsync(ct);
        return key;
    }

    /// <summary>Withdraws a key: every token it signed is refused (retired-key). The signing key cannot be retired; rotate first.</summary>
    public async Task<PassSigningKey> RetireAsync(string keyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.PassSigningKeys.FirstOrDefaultAsync(k => k.KeyId == keyId, ct)
            ?? throw new NotFoundException($"No pass-signing key {keyId}.");
        if (key.Status == SigningKeyStatus.Active)
        {
            throw new DomainException("Key is signing", $"Key {keyId} signs today's tokens; rotate to a new key first, then retire this one.");
        }
        if (key.Status != SigningKeyStatus.Retired)
        {
            key.Retire(clock.GetUtcNow().ToUnixTimeMilliseconds());
            await db.SaveChangesAsync(ct);
        }
        await RefreshAsync(ct);
        return key;
    }

    private PassSigningKey NewKey(string keyId)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var privateRaw = key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return new PassSigningKey(keyId, Algorithm, key.PublicKey.Export(KeyBlobFormat.RawPublicKey),
                Convert.ToBase64String(_protector.Protect(privateRaw)), clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateRaw);
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _making.Dispose();
        _snapshot?.Signer?.Key.Dispose();
    }

    private string? _reportedUnreadable;

    /// <summary>The signer for the Active key, or null (logged once) when this node's data-protection keys cannot open it.</summary>
    private PassSigner? TrySigner(PassSigningKey active)
    {
        try
        {
            return new PassSigner(active.KeyId, Unprotect(active));
        }
        catch (CryptographicException e)
        {
            if (_reportedUnreadable != active.KeyId)
            {
                _reportedUnreadable = active.KeyId;
                logger.LogError(e, "Pass-signing key {KeyId} cannot be decrypted with this node's data-protection keys (Linli:KeysPath): "
                    + "riders' tokens still verify here, but this node issues none until the nodes share their keys or an admin rotates", active.KeyId);
            }
            return null;
        }
    }

    private Key Unprotect(PassSigningKey row)
    {
        var raw = _protector.Unprotect(Convert.FromBase64String(row.PrivateKeyProtected));
        try
        {
            return Key.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPrivateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>Five characters from an alphabet without look-alikes (no 0/O, 1/I): short in every token, never reused.</summary>
    private static async Task<string> FreshKeyIdAsync(LinliDb db, CancellationToken ct)
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetString(KeyIdAlphabet, 5);
            if (!await db.PassSigningKeys.AnyAsync(k => k.KeyId == id, ct)) return id;
        }
    }
}

/// <summary>Makes the first key at start-up and keeps the cache fresh, so the first rider of the day waits for nothing.</summary>
internal sealed class PassKeyRingService(PassKeyRing ring, ILogger<PassKeyRingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromMilliseconds(PassKeyRing.RefreshMs);
            try
            {
                var snapshot = await ring.RefreshAsync(stoppingToken);
                if (snapshot.Signer is null) await ring.EnsureActiveAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or DomainException or System.Data.Common.DbException)
            {
                // The database may not be migrated yet at the very start; the next round tries again.
                logger.LogDebug(e, "Pass keys not loaded yet");
                wait = TimeSpan.FromSeconds(2);
            }
            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
