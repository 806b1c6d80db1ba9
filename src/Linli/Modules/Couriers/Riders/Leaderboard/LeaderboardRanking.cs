namespace Linli.Modules.Couriers.Riders.Leaderboard;

/// <summary>A rider's standing before ranking.</summary>
public sealed record RiderScore(Guid CourierId, string MaskedName, string Platform, string Team, int VerifiedReports, int Thanks);

public sealed record RankedRider(int Rank, RiderScore Score);

/// <summary>
/// Competition ranking ("1, 1, 3") on verified reports: riders with the same number share a rank
/// and the next rank skips the shared places. Thanks only order riders within a shared rank, so a
/// warm word never outranks a verified report; the name then keeps the order stable between reads.
/// </summary>
internal static class LeaderboardRanking
{
    public static IReadOnlyList<RankedRider> Rank(IEnumerable<RiderScore> scores, int take)
    {
        var ordered = scores.Where(s => s.VerifiedReports > 0)
            .OrderByDescending(s => s.VerifiedReports).ThenByDescending(s => s.Thanks)
            .ThenBy(s => s.MaskedName, StringComparer.Ordinal).ThenBy(s => s.CourierId)
            .ToList();
        var ranked = new List<RankedRider>(Math.Min(take, ordered.Count));
        for (var i = 0; i < ordered.Count && i < take; i++)
        {
            var rank = i > 0 && ordered[i].VerifiedReports == ordered[i - 1].VerifiedReports ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedRider(rank, ordered[i]));
        }
        return ranked;
    }
}
