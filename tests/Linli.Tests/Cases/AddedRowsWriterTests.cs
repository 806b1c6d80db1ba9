using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.Notifications;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Cases;

/// <summary>
/// The intake writes its new rows with multi-row INSERTs instead of SaveChanges: what lands in the
/// database must be exactly what SaveChanges would have written (converters, points, times, nulls),
/// on both databases.
/// </summary>
[Trait("Category", "Database")]
public sealed class AddedRowsWriterTests
{
    private static readonly Type[] Rows = [typeof(Case), typeof(CaseEvent), typeof(CaseNotification)];

    [Fact]
    public async Task Rows_written_in_bulk_read_back_exactly_like_rows_saved_by_save_changes()
    {
        await using var app = await TestApp.StartAsync();
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        var calendar = await app.Factory.Services.GetRequiredService<CalendarStore>().CurrentAsync();
        var now = new DateTimeOffset(2026, 11, 29, 9, 30, 15, 123, TimeSpan.Zero);
        var context = new CaseContext(now, "user-7", "grid1", calendar, new TimeLimit(2, LimitUnit.WorkingDays));
        Case Make(Guid id, string number) => Case.Report(id, number, CaseSource.Courier, "0101", "urgent", "井盖缺失，'引号' 和 \"双引号\"；",
            null, Wgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(120.1551234, 30.2741234)),
            new CaseRegions("330105", "330105001", null, "330105001001", null), "user-7", "cipher-name", null, "hash-1", context, new { suggested = "0101" });

        var saved = Make(Guid.NewGuid(), "330105-20261129-9001");
        var bulk = Make(Guid.NewGuid(), "330105-20261129-9002");
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Cases.Add(saved);
            CaseNotifier.Add(db, saved, "report", now.ToUnixTimeMilliseconds());
            await db.SaveChangesAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Cases.Add(bulk);
            CaseNotifier.Add(db, bulk, "report", now.ToUnixTimeMilliseconds());
            db.ChangeTracker.DetectChanges();
            Assert.Equal(3, await AddedRowsWriter.WriteAsync(db, Rows, CancellationToken.None));
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
            await transaction.CommitAsync();
        }

        await using var read = await factory.CreateDbContextAsync();
        var cases = await read.Cases.AsNoTracking().Include(c => c.History).Where(c => c.Id == saved.Id || c.Id == bulk.Id).ToListAsync();
        var (a, b) = (cases.Single(c => c.Id == saved.Id), cases.Single(c => c.Id == bulk.Id));
        AssertSameValues(read, a, b, "Id", "Number");
        Assert.Equal(120.1551234, b.Location.X, 7);
        Assert.Equal(CaseStage.Reported, b.Stage);
        Assert.Equal(now, b.ReportedAt);
        var (eventA, eventB) = (Assert.Single(a.History), Assert.Single(b.History));
        Assert.NotEqual(0, eventB.Id); // the database numbered it
        AssertSameValues(read, eventA, eventB, "Id", "CaseId");
        var notes = await read.CaseNotifications.AsNoTracking().Where(n => n.CaseId == saved.Id || n.CaseId == bulk.Id).ToListAsync();
        Assert.Equal(2, notes.Count);
        AssertSameValues(read, notes.Single(n => n.CaseId == saved.Id), notes.Single(n => n.CaseId == bulk.Id), "Id", "CaseId", "CaseNumber", "Text");
    }

    [Fact]
    public async Task A_clash_is_reported_like_save_changes_reports_it_and_leaves_nothing_behind()
    {
        await using var app = await TestApp.StartAsync();
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord("key-1", "h", Guid.NewGuid(), Guid.NewGuid(), 1));
            await db.SaveChangesAsync();
        }
        await using (var db = await factory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.IdempotencyRecords.Add(new IdempotencyRecord("key-2", "h", Guid.NewGuid(), Guid.NewGuid(), 1));
            db.IdempotencyRecords.Add(new IdempotencyRecord("key-1", "h", Guid.NewGuid(), Guid.NewGuid(), 2));
            db.ChangeTracker.DetectChanges();
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => AddedRowsWriter.WriteAsync(db, [typeof(IdempotencyRecord)], CancellationToken.None));
            Assert.True(DbErrors.IsUniqueViolation(e));
            Assert.True(DbErrors.IsLostRace(e));
        }
        await using var read = await factory.CreateDbContextAsync();
        Assert.Equal(["key-1"], await read.IdempotencyRecords.AsNoTracking().Select(r => r.Key).ToListAsync());
    }

    private static void AssertSameValues<T>(LinliDb db, T expected, T actual, params string[] except) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        foreach (var property in type.GetProperties().Where(p => !except.Contains(p.Name)))
        {
            var (x, y) = (db.Entry(expected).Property(property.Name).CurrentValue, db.Entry(actual).Property(property.Name).CurrentValue);
            Assert.True(Equals(x, y) || x is NetTopologySuite.Geometries.Geometry g && g.EqualsExact((NetTopologySuite.Geometries.Geometry)y!),
                $"{typeof(T).Name}.{property.Name}: {x} (SaveChanges) vs {y} (bulk)");
        }
    }
}
