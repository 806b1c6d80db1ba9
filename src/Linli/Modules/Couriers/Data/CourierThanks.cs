namespace Linli.Modules.Couriers.Data;

/// <summary>
/// A public thank-you to a rider who spotted a hazard or helped someone, shown on the thanks wall
/// with the masked name and platform (the rider agreed at registration to be named this way).
/// </summary>
public sealed class CourierThanks
{
    private CourierThanks()
    {
        Message = ByUserId = ByName = RegionCode = "";
    }

    public CourierThanks(Guid id, Guid courierId, string? caseNumber, string message, string byUserId, string byName, string regionCode, long atMs)
    {
        Id = id;
        CourierId = courierId;
        CaseNumber = caseNumber;
        Message = message;
        ByUserId = byUserId;
        ByName = byName;
        RegionCode = regionCode;
        AtMs = atMs;
    }

    public Guid Id { get; private set; }
    public Guid CourierId { get; private set; }

    /// <summary>The case the rider reported, when the thanks is for a report.</summary>
    public string? CaseNumber { get; private set; }

    public string Message { get; private set; }
    public string ByUserId { get; private set; }

    /// <summary>Who thanks, as shown: "米市巷街道", "湖墅社区居委会".</summary>
    public string ByName { get; private set; }

    /// <summary>Where it happened (the street's leaderboard and wall show it).</summary>
    public string RegionCode { get; private set; }

    public long AtMs { get; private set; }

    /// <summary>Staff may take a thanks down (a mistaken name, a rider's wish).</summary>
    public bool Withdrawn { get; private set; }

    public void Withdraw() => Withdrawn = true;
}
