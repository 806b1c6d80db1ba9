using Linli.Infrastructure.Errors;

namespace Linli.Modules.Lists.Merchants;

public enum MerchantStatus
{
    Pending,
    Approved,
    Rejected,
    Suspended,
}

/// <summary>
/// A shop in the caring-merchant alliance (爱心商家联盟). It applies, community or street staff
/// approve or reject it with a reason, and may suspend it later; only an approved merchant's
/// offers are on the resource list. The contact is stored protected.
/// </summary>
public sealed class Merchant
{
    private Merchant()
    {
        OwnerUserId = Name = CreditCode = Address = RegionCode = Categories = "";
    }

    public Merchant(Guid id, string ownerUserId, string name, string creditCode, string address, string regionCode, double? lon, double? lat,
        string? contactProtected, IReadOnlyList<string> categories, long nowMs)
    {
        Id = id;
        OwnerUserId = ownerUserId;
        CreditCode = creditCode;
        CreatedAtMs = nowMs;
        Name = Address = RegionCode = Categories = "";
        Revise(name, address, regionCode, lon, lat, contactProtected, categories, nowMs);
    }

    public Guid Id { get; private set; }

    /// <summary>The account that applied and keeps the merchant's records.</summary>
    public string OwnerUserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The unified social credit code, checked with the GB 32100 check character.</summary>
    public string CreditCode { get; private set; }

    public string Address { get; private set; }

    /// <summary>The grid (or the region given) the shop is in; scopes which staff review it.</summary>
    public string RegionCode { get; private set; }

    public double? Lon { get; private set; }
    public double? Lat { get; private set; }
    public string? ContactProtected { get; private set; }

    /// <summary>Comma-separated need categories the shop offers to.</summary>
    public string Categories { get; private set; }

    public MerchantStatus Status { get; private set; }

    /// <summary>Why it was rejected or suspended; kept until the next decision.</summary>
    public string? StatusReason { get; private set; }

    public string? DecidedBy { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<string> CategoryList => Categories.Length == 0 ? [] : Categories.Split(',');

    /// <summary>A new application, or a rejected one sent again with corrections: back to the review queue.</summary>
    public void Revise(string name, string address, string regionCode, double? lon, double? lat, string? contactProtected,
        IReadOnlyList<string> categories, long nowMs)
    {
        Require(Status is MerchantStatus.Pending or MerchantStatus.Rejected, "only a pending or rejected application can be changed and sent again");
        Name = name;
        Address = address;
        RegionCode = regionCode;
        Lon = lon;
        Lat = lat;
        ContactProtected = contactProtected;
        Categories = string.Join(',', categories);
        Status = MerchantStatus.Pending;
        StatusReason = null;
        Touch(nowMs);
    }

    public void Approve(string actor, long nowMs)
    {
        Require(Status is MerchantStatus.Pending or MerchantStatus.Suspended, "only a pending or suspended merchant can be approved");
        Decide(MerchantStatus.Approved, null, actor, nowMs);
    }

    public void Reject(string actor, string reason, long nowMs)
    {
        Require(Status == MerchantStatus.Pending, "only a pending application can be rejected");
        Decide(MerchantStatus.Rejected, RequireReason(reason), actor, nowMs);
    }

    public void Suspend(string actor, string reason, long nowMs)
    {
        Require(Status == MerchantStatus.Approved, "only an approved merchant can be suspended");
        Decide(MerchantStatus.Suspended, RequireReason(reason), actor, nowMs);
    }

    private void Decide(MerchantStatus status, string? reason, string actor, long nowMs)
    {
        Status = status;
        StatusReason = reason;
        DecidedBy = actor;
        Touch(nowMs);
    }

    private void Touch(long nowMs)
    {
        UpdatedAtMs = nowMs;
        Version++;
    }

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new RequestValidationException("reason", "say why: the merchant sees the reason")
            : reason.Trim().Length > 500 ? throw new RequestValidationException("reason", "at most 500 characters") : reason.Trim();

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new DomainException("Not allowed now", reason);
        }
    }
}

/// <summary>
/// What an approved merchant offers (a riders' canteen discount, free water and charging, meals
/// for the elderly). Its twin on the resource list has the same id and changes with it.
/// </summary>
public sealed class MerchantOffer
{
    private MerchantOffer()
    {
        Category = Title = Availability = Conditions = "";
    }

    public MerchantOffer(Guid id, Guid merchantId, long nowMs)
    {
        Id = id;
        MerchantId = merchantId;
        CreatedAtMs = UpdatedAtMs = nowMs;
        Category = Title = Availability = Conditions = "";
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Category { get; private set; }
    public string Title { get; private set; }
    public int CapacityPerWeek { get; private set; }

    /// <summary>Stored weekly windows; empty means whenever the shop is open.</summary>
    public string Availability { get; private set; }

    public int? RadiusMeters { get; private set; }

    /// <summary>free, discount, points.</summary>
    public string Conditions { get; private set; }

    public string? ConditionNote { get; private set; }
    public bool Withdrawn { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }

    public void Set(string category, string title, int capacityPerWeek, string availability, int? radiusMeters, string conditions, string? conditionNote, long nowMs)
    {
        if (Withdrawn)
        {
            throw new DomainException("Not allowed now", "a withdrawn offer cannot be changed; publish a new one");
        }
        Category = category;
        Title = title;
        CapacityPerWeek = capacityPerWeek;
        Availability = availability;
        RadiusMeters = radiusMeters;
        Conditions = conditions;
        ConditionNote = conditionNote;
        UpdatedAtMs = nowMs;
    }

    public void Withdraw(long nowMs)
    {
        if (Withdrawn)
        {
            throw new DomainException("Not allowed now", "the offer is already withdrawn");
        }
        Withdrawn = true;
        UpdatedAtMs = nowMs;
    }
}
