using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Audit;

/// <summary>
/// Appends to the chained audit trail in its own transaction (an entry survives the rollback of the
/// work it describes). Appends are serialised: in process by a lock, across nodes on PostgreSQL by
/// an advisory transaction lock, so the chain never forks.
/// </summary>
internal sealed class AuditLog(
    IDbContextFactory<LinliDb> dbFactory,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<AuditLog> logger) : IAuditLog
{
    private const long AdvisoryLockKey = 0x4C696E6C69417564; // "LinliAud"
    private static readonly SemaphoreSlim Appending = new(1, 1);

    public Task RecordAsync(string action, string? target, string outcome, string? detail = null, CancellationToken ct = default) =>
        RecordForAsync(http.HttpContext?.User, action, target, outcome, detail, ct);

    public async Task RecordForAsync(ClaimsPrincipal? user, string action, string? target, string outcome, string? detail = null,
        CancellationToken ct = default)
    {
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = user?.Identity?.Name;
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await Appending.WaitAsync(CancellationToken.None);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", CancellationToken.None);
            }
            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(CancellationToken.None);
            db.AuditEntries.Add(new AuditEntry(
                (last?.Sequence ?? 0) + 1, clock.GetUtcNow(), userId, userName, action, Truncate(target, 256),
                outcome, address, Truncate(detail, 2000), last?.Hash ?? AuditEntry.GenesisHash));
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An audit entry that cannot be written is an incident, never silent.
            logger.LogCritical(e, "Audit entry lost: {Action} {Target} {Outcome} by {User}", action, target, outcome, userName);
            throw;
        }
        finally
        {
            Appending.Release();
        }
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
