using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// The intake's SQLite commits leave checkpoints to a background service: the log must grow
/// past SQLite's own threshold while they are off, and one checkpoint must take all of it back
/// into the database, after which the log starts over.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("linli-checkpoint-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteLinliDb Open() =>
        new(new DbContextOptionsBuilder<SqliteLinliDb>().UseSqlite($"Data Source={Path.Combine(_folder, "linli.db")}").Options);

    [Fact]
    public async Task Commits_without_automatic_checkpoints_grow_the_log_and_one_checkpoint_takes_it_all_back()
    {
        var walFile = Path.Combine(_folder, "linli.db-wal");
        await using (var setup = Open())
        {
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE t (x BLOB);");
        }

        await using (var writer = Open())
        {
            await SqliteCheckpointer.TurnOffAutomaticCheckpointsAsync(writer, CancellationToken.None);
            // 3,000 pages in 300 commits: SQLite alone would checkpoint at 1,000 and reuse a 4 MB log.
            for (var i = 0; i < 300; i++)
            {
                await writer.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (randomblob(40000));");
            }
            Assert.True(new FileInfo(walFile).Length > 10_000_000, $"the log holds {new FileInfo(walFile).Length:N0} bytes");

            await using (var checkpointer = Open())
            {
                var (logPages, checkpointed) = await SqliteCheckpointer.CheckpointAsync(checkpointer, CancellationToken.None);
                Assert.True(logPages > 2_900, $"{logPages} pages in the log");
                Assert.Equal(logPages, checkpointed);
            }

            // The next commit starts the log over from its beginning.
            await writer.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (randomblob(100));");
        }
        await using var check = Open();
        var (after, _) = await SqliteCheckpointer.CheckpointAsync(check, CancellationToken.None);
        Assert.InRange(after, 1, 10);
        Assert.Equal(301L, await check.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM t").SingleAsync());
    }
}
