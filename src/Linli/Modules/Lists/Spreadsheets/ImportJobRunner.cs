using Linli.Infrastructure.Spreadsheets;
using System.Security.Claims;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Spreadsheets;

/// <summary>
/// Runs a large import off the request, writing its progress to <see cref="ImportJob"/> so the
/// page can show it. The rows are still written in one transaction: a job ends done or with
/// nothing stored.
/// </summary>
internal sealed class ImportJobRunner(
    ListImporter importer,
    IDbContextFactory<LinliDb> dbFactory,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ImportJobRunner> logger)
{
    /// <summary>A running job not heard of for this long belonged to a node that stopped.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Rows written so far by the jobs of this node. SQLite has one writer: while the import's
    /// transaction holds it, the job row cannot be updated, so this node answers from memory;
    /// PostgreSQL also gets the figure in the job row for the other nodes.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _written = new();

    public int? WrittenSoFar(Guid id) => _written.TryGetValue(id, out var written) ? written : null;

    public async Task<ImportJob> StartAsync(SheetLayout layout, byte[] file, string fileName, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var job = new ImportJob(Guid.CreateVersion7(now), layout.Kind, fileName, ListImporter.Actor(user), now);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ListImportJobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        // The upload has been read; the work belongs to the app's lifetime, not to the request.
        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(() => RunAsync(job.Id, layout, file, fileName, user, stopping), stopping);
        return job;
    }

    private async Task RunAsync(Guid id, SheetLayout layout, byte[] file, string fileName, ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            var check = await importer.CheckAsync(layout, stream, user,
                (total, done) => UpdateAsync(id, j => j.Progress(ImportJobStatus.Checking, total, done, 0, clock.GetUtcNow()), ct), ct);
            if (check.Errors.Count > 0)
            {
                var (listed, leftOut) = ListImporter.Reported(check.Errors);
                var outcome = JsonSerializer.Serialize(new { errors = listed, moreErrors = leftOut }, JsonSerializerOptions.Web);
                await UpdateAsync(id, j =>
                {
                    j.Progress(ImportJobStatus.Refused, check.TotalRows, check.TotalRows, 0, clock.GetUtcNow());
                    j.Finish(ImportJobStatus.Refused, outcome, clock.GetUtcNow());
                }, ct);
                return;
            }
            var total = check.Rows.Count;
            await UpdateAsync(id, j => j.Progress(ImportJobStatus.Writing, total, total, 0, clock.GetUtcNow()), ct);
            var shared = await SharesProgressAsync(ct);
            _written[id] = 0;
            var written = await importer.WriteAsync(check, user, fileName, async done =>
            {
                _written[id] = done;
                if (shared)
                {
                    await UpdateAsync(id, j => j.Progress(ImportJobStatus.Writing, total, total, done, clock.GetUtcNow()), ct);
                }
            }, ct);
            await UpdateAsync(id, j =>
            {
                j.Progress(ImportJobStatus.Done, total, total, written, clock.GetUtcNow());
                j.Finish(ImportJobStatus.Done, null, clock.GetUtcNow());
            }, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import job {Id} failed; nothing was stored", id);
            await UpdateAsync(id, j => j.Finish(ImportJobStatus.Failed, "the import stopped on a fault of ours; nothing was stored", clock.GetUtcNow()), CancellationToken.None);
        }
        finally
        {
            _written.TryRemove(id, out _);
        }
    }

    private async Task<bool> SharesProgressAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return db.Provider != DatabaseProvider.Sqlite;
    }

    private async Task UpdateAsync(Guid id, Action<ImportJob> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.ListImportJobs.SingleAsync(j => j.Id == id, ct);
        change(job);
        await db.SaveChangesAsync(ct);
    }
}
