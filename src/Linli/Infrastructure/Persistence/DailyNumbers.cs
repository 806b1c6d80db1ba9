using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// Numbers people read out on the phone: PREFIX-yyyymmdd-NNNN, the day in China time, one past the
/// day's highest. Two nodes taking the same number at once are told apart by the unique index on the
/// number column; the loser takes the next (<see cref="SaveAsync"/>).
/// </summary>
public static class DailyNumbers
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <param name="numbers">The number column of the table the number is for.</param>
    public static async Task<string> NextAsync(IQueryable<string> numbers, string prefix, long nowMs, CancellationToken ct)
    {
        var day = DateTimeOffset.FromUnixTimeMilliseconds(nowMs).ToOffset(ChinaTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var start = $"{prefix}-{day}-";
        var last = await numbers.Where(n => n.StartsWith(start)).OrderByDescending(n => n).FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[start.Length..], CultureInfo.InvariantCulture) + 1;
        return $"{start}{next:D4}";
    }

    /// <summary>Saves, and on a clash of the unique number takes the next one and saves again (five tries).</summary>
    public static async Task SaveAsync(LinliDb db, Func<CancellationToken, Task<string>> next, Action<string> renumber, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 5 && DbErrors.IsUniqueViolation(e))
            {
                renumber(await next(ct));
            }
        }
    }
}
