using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// SQLite only: copies the write-ahead log back into the database every half second, on a
/// connection of its own. Left to itself, SQLite does this inside whichever commit crosses
/// 1,000 log pages, and that commit waits for the copy and its fsync: under the intake's load it
/// was every few batches, 12–25 ms each. A passive checkpoint waits for no reader or writer, and
/// the writers that matter turn their own off (<see cref="TurnOffAutomaticCheckpointsAsync"/>).
/// The setting stays on the SQLite handle when the pool lends it out again, so in time most
/// connections leave checkpoints to this service; if it stalls, it logs each failure and the log
/// grows until it runs again.
/// </summary>
internal sealed class SqliteCheckpointer(IDbContextFactory<LinliDb> factory, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = await factory.CreateDbContextAsync(stoppingToken);
                    await CheckpointAsync(db, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "SQLite checkpoint failed; the next commit past 1,000 log pages does it instead");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One passive checkpoint: the pages in the log and how many of them are in the database now.</summary>
    public static async Task<(long LogPages, long Checkpointed)> CheckpointAsync(LinliDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync(ct);
            // One row: busy (always 0 for a passive one), pages in the log, pages checkpointed (-1, -1 outside WAL mode).
            return await reader.ReadAsync(ct) ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// For a connection that commits often: its commits no longer checkpoint (this service does).
    /// The setting lives on the open SQLite handle, so the connection is opened here and must stay
    /// open for the work that follows.
    /// </summary>
    public static async Task TurnOffAutomaticCheckpointsAsync(LinliDb db, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;", ct);
    }
}
