using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Riders.Leaderboard;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Riders.Thanks;

public sealed record ThanksEntry(Guid Id, string MaskedName, string Platform, string PlatformName, string Team, string Message, string By,
    string? CaseNumber, string RegionCode, DateTimeOffset At);

/// <summary>The public thanks wall: thanks not withdrawn, newest first, under the riders' masked names.</summary>
internal static class ThanksWall
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<IReadOnlyList<ThanksEntry>> ReadAsync(LinliDb db, IRegionLookup regions, string? street, int? limit, CancellationToken ct)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) throw new RequestValidationException("limit", $"1 to {MaxLimit}");
        var query = db.CourierThanks.AsNoTracking().Where(t => !t.Withdrawn);
        if (!string.IsNullOrWhiteSpace(street))
        {
            var prefix = RegionScope.Prefix(Streets.Check(street, regions).Code);
            query = query.Where(t => t.RegionCode.StartsWith(prefix));
        }
        var thanks = await query.OrderByDescending(t => t.AtMs).ThenByDescending(t => t.Id).Take(take).ToListAsync(ct);
        var ids = thanks.Select(t => t.CourierId).Distinct().ToList();
        var couriers = await db.Couriers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.NameMasked, c.Platform, c.Team }).ToDictionaryAsync(c => c.Id, ct);
        return thanks.Where(t => couriers.ContainsKey(t.CourierId)).Select(t =>
        {
            var c = couriers[t.CourierId];
            return new ThanksEntry(t.Id, c.NameMasked, c.Platform, GetLeaderboard.PlatformName(c.Platform), c.Team, t.Message, t.ByName, t.CaseNumber,
                t.RegionCode, DateTimeOffset.FromUnixTimeMilliseconds(t.AtMs).ToOffset(Periods.ChinaTime));
        }).ToList();
    }
}
