using Linli.Modules.Lists.Demands;

namespace Linli.Modules.Lists.Matching.Engine;

/// <summary>
/// The score of a candidate pair, in [0, 1]: the one place its weights are written down.
/// <list type="bullet">
/// <item>Fit 0.35: the wrong kind of help is no help, so how well the offer's category meets the
/// need (1 same category, 0.7 a listed stretch) weighs most.</item>
/// <item>Proximity 0.25: 1 at the door, falling linearly to 0 at the edge of the service circle
/// (or of <see cref="RegionReachMeters"/> when the area is a list of regions); a pair without
/// points gets the middle, 0.5, neither favoured nor punished.</item>
/// <item>Urgency 0.25: <see cref="DemandRules.UrgencyWeight"/>, 0 for low … 1 for urgent, as much
/// as distance, so an urgent need a little further away beats a low one next door.</item>
/// <item>Waiting 0.15: days since the need was recorded, capped at <see cref="WaitingCapDays"/>,
/// so old needs rise and are not starved by newer, closer ones; capped so that one forgotten entry
/// does not outrank everything else.</item>
/// </list>
/// Fit is never 0 for a candidate, so every candidate scores at least 0.245 and the solver always
/// prefers meeting a need to leaving it open.
/// </summary>
public static class MatchScore
{
    public const double FitWeight = 0.35;
    public const double ProximityWeight = 0.25;
    public const double UrgencyWeight = 0.25;
    public const double WaitingWeight = 0.15;

    public const double WaitingCapDays = 30;

    /// <summary>How far a region-listed service is taken to reach, for the proximity part.</summary>
    public const double RegionReachMeters = 3000;

    public static double Of(double fit, double? distanceMeters, double? reachMeters, string urgency, double waitingDays)
    {
        var proximity = distanceMeters is { } d && reachMeters is > 0 ? Math.Clamp(1 - (d / reachMeters.Value), 0, 1) : 0.5;
        var waiting = Math.Clamp(waitingDays / WaitingCapDays, 0, 1);
        var score = (FitWeight * fit) + (ProximityWeight * proximity) + (UrgencyWeight * DemandRules.UrgencyWeight(urgency)) + (WaitingWeight * waiting);
        return Math.Round(score, 4);
    }
}
