using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Points;

/// <summary>
/// The ledger's arithmetic: earnings, FIFO spending, expiry. Rows are only ever added. A
/// person's writers are serialised by bumping their <see cref="PointAccount"/> row inside the
/// transaction before the balance is read, so concurrent spends on any node cannot overspend.
/// </summary>
internal sealed class PointsBook(IConfiguration configuration, TimeProvider clock)
{
    public int ExpiryYears => configuration.GetValue("Linli:Points:ExpiryYears", 3);

    public decimal PointsPerHour => configuration.GetValue("Linli:Points:PerHour", 10m);

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Adds an earning unless one with the reference exists; false when it did.</summary>
    public async Task<bool> EarnAsync(LinliDb db, string userId, int points, string reason, string reference, string actor, string? regionCode, CancellationToken ct)
    {
        if (points < 1) throw new RequestValidationException("points", "at least 1");
        if (await db.PointEntries.AnyAsync(e => e.Reference == reference, ct)) return false;
        var now = clock.GetUtcNow();
        var expires = now.ToOffset(ChinaTime).AddYears(ExpiryYears).ToUnixTimeMilliseconds();
        var entry = new PointEntry(userId, PointEntry.Earn, points, reason, reference, actor, now.ToUnixTimeMilliseconds(), expires, regionCode, null);
        db.PointEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.Entry(entry).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>Opens the transaction that holds the person's ledger until it commits.</summary>
    public async Task<IDbContextTransaction> LockAsync(LinliDb db, string userId, CancellationToken ct)
    {
        if (!await db.PointAccounts.AnyAsync(a => a.UserId == userId, ct))
        {
            var account = new PointAccount(userId);
            db.PointAccounts.Add(account);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // Made by a concurrent request.
            }
            db.Entry(account).State = EntityState.Detached;
        }
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PointAccounts.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1), ct);
        return transaction;
    }

    /// <summary>Earnings with points left, oldest first, after writing expiry entries for those past their date. Call under <see cref="LockAsync"/>.</summary>
    public async Task<List<(PointEntry Earning, int Left)>> OpenLotsAsync(LinliDb db, string userId, CancellationToken ct)
    {
        var earnings = await db.PointEntries.Where(e => e.UserId == userId && e.Kind == PointEntry.Earn).ToListAsync(ct);
        var ids = earnings.Select(e => e.Id).ToList();
        var used = (await db.PointAllocations.Where(a => ids.Contains(a.EarnEntryId)).Select(a => new { a.EarnEntryId, a.Points }).ToListAsync(ct))
            .GroupBy(a => a.EarnEntryId).ToDictionary(g => g.Key, g => g.Sum(a => a.Points));
        var lots = earnings.OrderBy(e => e.AtMs).ThenBy(e => e.Id).Select(e => (Earning: e, Left: e.Points - used.GetValueOrDefault(e.Id))).Where(l => l.Left > 0).ToList();
        var now = NowMs;
        var expired = lots.Where(l => l.Earning.ExpiresAtMs <= now).ToList();
        foreach (var (earning, left) in expired)
        {
            var entry = new PointEntry(userId, PointEntry.Expire, -left, $"expired: {earning.Reason}", $"expire:{earning.Id}", "system", now, null, earning.RegionCode, null);
            db.PointEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            db.PointAllocations.Add(new PointAllocation(entry.Id, earning.Id, left));
        }
        if (expired.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return lots.Where(l => l.Earning.ExpiresAtMs > now).ToList();
    }

    /// <summary>Spends oldest-first; refused whole when the balance is short. Call under <see cref="LockAsync"/>.</summary>
    public async Task<PointEntry> SpendLockedAsync(LinliDb db, string userId, int points, string reason, string reference, string actor,
        Guid? merchantId, string? regionCode, CancellationToken ct)
    {
        var lots = await OpenLotsAsync(db, userId, ct);
        var balance = lots.Sum(l => l.Left);
        if (balance < points)
        {
            throw new DomainException("Not enough points", $"the balance is {balance} points, fewer than the {points} asked for");
        }
        var entry = new PointEntry(userId, PointEntry.Spend, -points, reason, reference, actor, NowMs, null, regionCode, merchantId);
        db.PointEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        var rest = points;
        foreach (var (earning, left) in lots)
        {
            if (rest == 0) break;
            var take = Math.Min(rest, left);
            db.PointAllocations.Add(new PointAllocation(entry.Id, earning.Id, take));
            rest -= take;
        }
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The ledger as the person (or staff) see it; writes any expiry that fell due first.</summary>
    public async Task<LedgerView> LedgerAsync(LinliDb db, string userId, CancellationToken ct)
    {
        List<(PointEntry Earning, int Left)> lots;
        await using (var transaction = await LockAsync(db, userId, ct))
        {
            lots = await OpenLotsAsync(db, userId, ct);
            await transaction.CommitAsync(ct);
        }
        var entries = await db.PointEntries.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).Take(500).ToListAsync(ct);
        var hours = (await db.VolunteerHours.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.Hours).ToListAsync(ct)).Sum();
        var soon = clock.GetUtcNow().AddDays(90).ToUnixTimeMilliseconds();
        return new LedgerView(userId, lots.Sum(l => l.Left), hours,
            lots.Where(l => l.Earning.ExpiresAtMs <= soon).Sum(l => l.Left),
            lots.Select(l => l.Earning.ExpiresAtMs).Min() is { } next ? FromMs(next) : null,
            entries.Select(e => new EntryView(e.Id, e.Kind, e.Points, e.Reason, FromMs(e.AtMs), e.ExpiresAtMs is { } x ? FromMs(x) : null, e.MerchantId)).ToList());
    }
}

/// <summary>The contract other modules award points through.</summary>
internal sealed class PointsLedger(IDbContextFactory<LinliDb> dbFactory, PointsBook book) : Contracts.IPointsLedger
{
    public async Task<bool> AwardAsync(string userId, int points, string reason, string reference, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userId)) throw new ArgumentException("an account id is needed", nameof(userId));
        if (string.IsNullOrWhiteSpace(reference)) throw new ArgumentException("a reference makes the award idempotent", nameof(reference));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await book.EarnAsync(db, userId, points, reason, reference, "system", null, ct);
    }
}
