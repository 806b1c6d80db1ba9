using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Riders.Leaderboard;

public sealed record LeaderboardRow(int Rank, string MaskedName, string Platform, string PlatformName, string Team, int VerifiedReports,
    int PointsEarned, int Thanks);

public sealed record LeaderboardView(string Street, string StreetName, string Period, DateTimeOffset? From, int PointsPerReport,
    IReadOnlyList<LeaderboardRow> Rows);

/// <summary>
/// <c>GET /api/v1/couriers/leaderboard</c>: the riders of a street ranked by their reports verified
/// true in the period. Only approved couriers appear (a suspended rider is not held up as an
/// example), under their masked names; the counts come from Cases, the points from the same setting
/// that pays them, so the board and the ledger agree.
/// </summary>
internal static class GetLeaderboard
{
    public const int MaxRows = 100;

    public static async Task<Ok<LeaderboardView>> Handle(string? street, string? period, IRegionLookup regions, IReportStats stats,
        IConfiguration configuration, LinliDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildAsync(street, period, regions, stats, configuration, db, clock, ct));

    public static async Task<LeaderboardView> BuildAsync(string? street, string? period, IRegionLookup regions, IReportStats stats,
        IConfiguration configuration, LinliDb db, TimeProvider clock, CancellationToken ct)
    {
        var region = Streets.Check(street, regions);
        var from = Periods.Start(period, clock.GetUtcNow());
        var points = Math.Max(0, configuration.GetValue("Linli:Points:VerifiedReport", 5));
        var reporters = await stats.VerifiedReportersAsync(region.Code, from, null, ct);
        var counts = reporters.ToDictionary(r => r.UserId, r => r.VerifiedReports);
        var userIds = counts.Keys.ToList();
        var couriers = new List<Courier>();
        foreach (var chunk in userIds.Chunk(500))
        {
            couriers.AddRange(await db.Couriers.AsNoTracking().Where(c => chunk.Contains(c.UserId) && c.Status == CourierStatus.Approved).ToListAsync(ct));
        }
        var ids = couriers.Select(c => c.Id).ToList();
        var prefix = RegionScope.Prefix(region.Code);
        var fromMs = from?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var thanks = ids.Count == 0 ? [] : (await db.CourierThanks.AsNoTracking()
                .Where(t => ids.Contains(t.CourierId) && !t.Withdrawn && t.RegionCode.StartsWith(prefix) && t.AtMs >= fromMs)
                .Select(t => t.CourierId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var ranked = LeaderboardRanking.Rank(couriers.Select(c => new RiderScore(c.Id, c.NameMasked, c.Platform, c.Team, counts[c.UserId],
            thanks.GetValueOrDefault(c.Id))), MaxRows);
        var rows = ranked.Select(r => new LeaderboardRow(r.Rank, r.Score.MaskedName, r.Score.Platform, PlatformName(r.Score.Platform), r.Score.Team,
            r.Score.VerifiedReports, r.Score.VerifiedReports * points, r.Score.Thanks)).ToList();
        return new LeaderboardView(region.Code, region.Name, Periods.Normalise(period), from, points, rows);
    }

    public static string PlatformName(string code) =>
        Platforms.Find(code) is { } p ? Infrastructure.Localization.Lang.T(p.NameZh, p.NameEn) : code;
}
