using Linli.Infrastructure.Observability;
using System.Threading.Channels;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.Duplicates;
using Linli.Modules.Cases.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ReportCase;

/// <summary>
/// Writes reports in group commits: the reports that arrive while one transaction commits are
/// written together in the next, with one duplicate query, one counter upsert and one fsync for
/// all of them. A report's request is answered only after its transaction commits, so a 201
/// always means the case is on disk; no durability setting is weakened. One writer per node
/// also keeps SQLite's single writer from queueing behind itself.
/// </summary>
internal sealed class IntakeWriter : BackgroundService
{
    private const int MaxBatch = 256;
    private const int Attempts = 3;

    /// <summary>The rows intake adds, parents first.</summary>
    private static readonly Type[] RowsWrittenInBulk =
        [typeof(Case), typeof(CaseEvent), typeof(CaseReport), typeof(Notifications.CaseNotification), typeof(IdempotencyRecord)];

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(16_384) { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly IDbContextFactory<LinliDb> databases;
    private readonly ReportReader reader;
    private readonly CategoryCatalog catalog;
    private readonly CaseNotifier notifier;
    private readonly LinliMetrics metrics;
    private readonly ILogger<IntakeWriter> logger;

    public IntakeWriter(IServiceScopeFactory scopes, IDbContextFactory<LinliDb> databases, ReportReader reader, CategoryCatalog catalog,
        CaseNotifier notifier, LinliMetrics metrics, ILogger<IntakeWriter> logger)
    {
        (this.scopes, this.databases, this.reader, this.catalog, this.notifier, this.metrics, this.logger) =
            (scopes, databases, reader, catalog, notifier, metrics, logger);
        // Reports accepted but not yet written: the first sign of a node that cannot keep up.
        metrics.Gauge("linli.intake.queue", "{report}", "Reports waiting for this node's intake writer", () => [new(_queue.Reader.Count)]);
    }

    public async Task<IntakeOutcome> WriteAsync(PreparedReport report, CancellationToken ct)
    {
        var pending = new Pending(report, new TaskCompletionSource<IntakeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        // Once queued it is written even if the client goes away: a retry then finds it by its key.
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what was already accepted, then stop.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryPeek(out _))
            {
                await DrainAsync(batch);
            }
        }
    }

    private async Task DrainAsync(List<Pending> batch)
    {
        batch.Clear();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }
        if (batch.Count > 0)
        {
            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(batch);
                return;
            }
            catch (DbUpdateException e) when (attempt < Attempts)
            {
                // Another node took a number or a key, or staff changed a case being joined: read again.
                logger.LogDebug(e, "Intake batch of {Count} retried (attempt {Attempt})", batch.Count, attempt);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // Write one by one, so that one report that cannot be written does not sink the others.
                logger.LogWarning(e, "Intake batch of {Count} failed; writing its reports one by one", batch.Count);
                foreach (var single in batch)
                {
                    await WriteBatchAsync([single]);
                }
                return;
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
                return;
            }
        }
    }

    private async Task WriteOnceAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        // Hundreds of entities are added per batch: detect changes once at the end, not at every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var categories = await catalog.AllAsync(CancellationToken.None);
        // The intake commits many times a second: on SQLite its commits leave the log's checkpoints to SqliteCheckpointer.
        await SqliteCheckpointer.TurnOffAutomaticCheckpointsAsync(db, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcomes = new Outcome?[batch.Count];
        // Where a batch's time goes, for the load test (Debug level of this class).
        var timer = logger.IsEnabled(LogLevel.Debug) ? new PhaseTimer() : null;

        // The retries' keys are looked up on a connection of their own while the duplicate check
        // reads nearby cases on this one: one wait for both instead of two. A key stored meanwhile
        // by another node is caught by its unique index, and the batch is read again.
        var keys = batch.Select(p => p.Report.IdempotencyKey).OfType<string>().Distinct().ToList();
        var knownKeys = KnownKeysAsync(keys);
        var firstWithKey = new Dictionary<string, int>();
        var finder = await DuplicateFinder.LoadAsync(db, batch.Select(p => p.Report.Probe).ToList(), categories, reader, CancellationToken.None);
        var known = await knownKeys;

        timer?.Mark("keys and load");
        // 1. Decide: a retry, a duplicate of an open case, or a new case.
        for (var i = 0; i < batch.Count; i++)
        {
            var report = batch[i].Report;
            if (report.IdempotencyKey is { } key)
            {
                if (known.TryGetValue(key, out var record) || firstWithKey.ContainsKey(key))
                {
                    var hash = record?.RequestHash ?? batch[firstWithKey[key]].Report.RequestHash;
                    outcomes[i] = hash == report.RequestHash ? new Outcome(Kind.Replay, record?.ReportId ?? batch[firstWithKey[key]].Report.ReportId, null, 0)
                        : throw ReportCase.KeyReused(key);
                    continue;
                }
                firstWithKey[key] = i;
            }
            if (finder.Find(report.Probe) is { } match)
            {
                outcomes[i] = new Outcome(Kind.Join, report.ReportId, match.Case.Id, match.Score);
                continue;
            }
            outcomes[i] = new Outcome(Kind.Open, report.ReportId, report.NewCaseId, 0);
            var probe = report.Probe;
            finder.Add(new Candidate(report.NewCaseId, report.Category.Code, probe.Lon, probe.Lat, probe.ReportedAtMs, report.Text));
        }

        timer?.Mark("decide");
        // 2. Numbers for the new cases, one counter update per district and day.
        var opening = Enumerable.Range(0, batch.Count).Where(i => outcomes[i]!.Kind == Kind.Open).ToList();
        var numbers = await NumbersAsync(db, opening.Select(i => batch[i].Report).ToList());

        timer?.Mark("number");
        // 3. Write.
        var cases = new Dictionary<Guid, Case>();
        var joinedIds = outcomes.Where(o => o!.Kind == Kind.Join).Select(o => o!.CaseId!.Value).Distinct().ToList();
        if (joinedIds.Count > 0)
        {
            foreach (var joined in await db.Cases.Include(c => c.History).Where(c => joinedIds.Contains(c.Id)).ToListAsync())
            {
                cases[joined.Id] = joined;
            }
        }
        var opened = new List<Case>();
        for (var i = 0; i < batch.Count; i++)
        {
            var report = batch[i].Report;
            var outcome = outcomes[i]!;
            if (outcome.Kind == Kind.Replay)
            {
                continue;
            }
            Case target;
            if (outcome.Kind == Kind.Open)
            {
                target = Case.Report(report.NewCaseId, numbers[report.ReportId], report.Source, report.Category.Code, report.Priority,
                    report.Description, report.Address, report.Location, report.Regions, report.Context.UserId, report.ReporterName,
                    report.ReporterPhone, report.FollowHash, report.Context, report.Suggestion);
                db.Cases.Add(target);
                cases[target.Id] = target;
                opened.Add(target);
                reader.Remember(target.Id, report.Text);
                CaseNotifier.Add(db, target, "report", report.Context.Now.ToUnixTimeMilliseconds());
            }
            else
            {
                target = cases[outcome.CaseId!.Value];
            }
            var caseReport = new CaseReport(report.ReportId, target.Id, report.Context.Now, report.Source, report.Category.Code, report.Description,
                report.Address, report.Location, report.Context.UserId, report.ReporterName, report.ReporterPhone, report.FollowHash,
                outcome.Kind == Kind.Open ? "first" : "duplicate", outcome.Kind == Kind.Join ? Math.Round(outcome.Score, 4) : null);
            db.CaseReports.Add(caseReport);
            if (outcome.Kind == Kind.Join)
            {
                target.Attach(caseReport, report.Context, outcome.Score);
            }
            foreach (var photo in report.Photos)
            {
                photo.BelongTo(target.Id, report.ReportId);
                db.CasePhotos.Add(photo);
            }
            if (report.IdempotencyKey is { } key)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord(key, report.RequestHash, target.Id, report.ReportId, report.Context.Now.ToUnixTimeMilliseconds()));
            }
        }
        timer?.Mark("build");
        db.ChangeTracker.DetectChanges();
        // The new rows go in without SaveChanges' per-row work (AddedRowsWriter); SaveChanges keeps the joined cases' updates (their Version check) and photos.
        await AddedRowsWriter.WriteAsync(db, RowsWrittenInBulk, CancellationToken.None);
        timer?.Mark("insert");
        await db.SaveChangesAsync();
        timer?.Mark("save");
        await Indicators.CaseCounters.RecordManyAsync(db, batch.Select((p, i) => (p, outcomes[i]!))
            .Where(x => x.Item2.Kind != Kind.Replay)
            .Select(x => (cases[x.Item2.CaseId ?? x.p.Report.NewCaseId], x.Item2.Kind == Kind.Open ? "report" : "attach-report", x.p.Report.Context.Now)), CancellationToken.None);
        timer?.Mark("counters");
        await transaction.CommitAsync();
        timer?.Mark("commit");
        if (timer is not null)
        {
            logger.LogDebug("Intake batch of {Count}: {Phases}; duplicate check: {Finder}", batch.Count, timer, finder.Summary);
        }

        // 4. Answer, then tell the people watching.
        var replays = await ReplaysAsync(db, batch, outcomes);
        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = outcomes[i]!;
            if (outcome.Kind != Kind.Replay)
            {
                metrics.Reports.Add(1, new KeyValuePair<string, object?>("source", CaseNames.Source(batch[i].Report.Source)),
                    new KeyValuePair<string, object?>("joined", outcome.Kind == Kind.Join));
            }
            batch[i].Done.TrySetResult(outcome.Kind == Kind.Replay ? replays[outcome.ReportId]
                : new IntakeOutcome(cases[outcome.CaseId!.Value], outcome.Kind == Kind.Join, Replayed: false));
        }
        // Live pushes go out through the hub (and, on a cluster, its Redis backplane: a round trip each)
        // off the writer's path, so the next batch does not wait for them; the inbox rows are committed.
        var pushes = cases.Values.Select(c => (Case: c, Action: opened.Contains(c) ? "report" : "attach-report")).ToList();
        _ = Task.Run(() => PushAsync(pushes));
    }

    private async Task<Dictionary<string, IdempotencyRecord>> KnownKeysAsync(List<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        await using var db = await databases.CreateDbContextAsync();
        return await db.IdempotencyRecords.AsNoTracking().Where(r => keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key);
    }

    private async Task PushAsync(List<(Case Case, string Action)> pushes)
    {
        try
        {
            foreach (var (c, action) in pushes)
            {
                await notifier.PushAsync(c, action, CaseNotifier.Describe(c, action));
            }
        }
        catch (Exception e)
        {
            // A lost push is a refresh away (the inbox has the row); it must not fail reports already answered.
            logger.LogWarning(e, "Live notification of {Count} intake cases failed", pushes.Count);
        }
    }

    /// <summary>Retries are answered with the case their report is in now (it may have been merged or split since).</summary>
    private static async Task<Dictionary<Guid, IntakeOutcome>> ReplaysAsync(LinliDb db, List<Pending> batch, Outcome?[] outcomes)
    {
        var reportIds = outcomes.Where(o => o!.Kind == Kind.Replay).Select(o => o!.ReportId).Distinct().ToList();
        if (reportIds.Count == 0)
        {
            return [];
        }
        var reports = await db.CaseReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).ToListAsync();
        var caseIds = reports.Select(r => r.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        return reports.ToDictionary(r => r.Id, r => new IntakeOutcome(cases[r.CaseId], r.How == "duplicate", Replayed: true));
    }

    private static async Task<Dictionary<Guid, string>> NumbersAsync(LinliDb db, List<PreparedReport> opening)
    {
        var groups = opening.GroupBy(r => (r.Regions.District, Day: CaseNumbers.Day(r.Context.Now))).ToList();
        var first = await CaseNumbers.TakeAsync(db, groups.Select(g => (g.Key.District, g.Key.Day, g.Count())).ToList());
        var numbers = new Dictionary<Guid, string>();
        foreach (var group in groups)
        {
            var next = first[group.Key];
            foreach (var report in group)
            {
                numbers[report.ReportId] = CaseNumbers.Format(group.Key.District, group.Key.Day, next++);
            }
        }
        return numbers;
    }

    private enum Kind
    {
        Open,
        Join,
        Replay,
    }

    private sealed record Outcome(Kind Kind, Guid ReportId, Guid? CaseId, double Score);

    private sealed record Pending(PreparedReport Report, TaskCompletionSource<IntakeOutcome> Done);

    /// <summary>Milliseconds per phase of one batch, as "load 2.1 decide 0.1 …".</summary>
    private sealed class PhaseTimer
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly System.Text.StringBuilder _phases = new();
        private double _last;

        public void Mark(string phase)
        {
            var now = _watch.Elapsed.TotalMilliseconds;
            _phases.Append(System.Globalization.CultureInfo.InvariantCulture, $"{phase} {now - _last:F1} ");
            _last = now;
        }

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_phases}= {_last:F1} ms");
    }
}
