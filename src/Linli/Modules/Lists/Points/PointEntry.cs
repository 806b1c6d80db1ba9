namespace Linli.Modules.Lists.Points;

/// <summary>
/// One line of the points ledger (积分台账), never updated or deleted: an earning (positive), a
/// spend or an expiry (negative). A spend or expiry names the earnings it used up in
/// <see cref="PointAllocation"/> rows, oldest first, so that every point is accounted for once.
/// </summary>
public sealed class PointEntry
{
    private PointEntry()
    {
        UserId = Kind = Reason = Actor = "";
    }

    public PointEntry(string userId, string kind, int points, string reason, string? reference, string actor, long atMs, long? expiresAtMs, string? regionCode, Guid? merchantId)
    {
        UserId = userId;
        Kind = kind;
        Points = points;
        Reason = reason;
        Reference = reference;
        Actor = actor;
        AtMs = atMs;
        ExpiresAtMs = expiresAtMs;
        RegionCode = regionCode;
        MerchantId = merchantId;
    }

    public const string Earn = "earn";
    public const string Spend = "spend";
    public const string Expire = "expire";

    public long Id { get; private set; }
    public string UserId { get; private set; }

    /// <summary>earn, spend, expire.</summary>
    public string Kind { get; private set; }

    /// <summary>Signed: positive for an earning, negative for a spend or expiry.</summary>
    public int Points { get; private set; }

    public string Reason { get; private set; }

    /// <summary>What the entry is for (a volunteer record, a verified report, a redemption code, an expired earning); unique, which makes awards idempotent.</summary>
    public string? Reference { get; private set; }

    public string Actor { get; private set; }
    public long AtMs { get; private set; }

    /// <summary>For an earning: when its unspent points expire.</summary>
    public long? ExpiresAtMs { get; private set; }

    /// <summary>Where it was earned (volunteer hours) or spent; lets region staff see the person's ledger.</summary>
    public string? RegionCode { get; private set; }

    public Guid? MerchantId { get; private set; }
}

/// <summary>How many points of an earning a spend or expiry used; append-only like the ledger.</summary>
public sealed class PointAllocation(long entryId, long earnEntryId, int points)
{
    public long Id { get; private set; }
    public long EntryId { get; private set; } = entryId;
    public long EarnEntryId { get; private set; } = earnEntryId;
    public int Points { get; private set; } = points;
}

/// <summary>
/// One row per person whose update serialises the ledger's writers for that person: a spend
/// first bumps it (a row lock on PostgreSQL, the write lock on SQLite), then reads the balance,
/// so two spends on two nodes cannot both use the same points.
/// </summary>
public sealed class PointAccount(string userId)
{
    public string UserId { get; private set; } = userId;
    public long Version { get; private set; }
}

/// <summary>Hours a person volunteered, recorded by staff; kept apart from points and never expiring.</summary>
public sealed class VolunteerHours
{
    private VolunteerHours()
    {
        UserId = RegionCode = Activity = RecordedBy = "";
    }

    public VolunteerHours(Guid id, string userId, string regionCode, string activity, DateOnly date, decimal hours, int points, string recordedBy, long atMs)
    {
        Id = id;
        UserId = userId;
        RegionCode = regionCode;
        Activity = activity;
        Date = date;
        Hours = hours;
        Points = points;
        RecordedBy = recordedBy;
        RecordedAtMs = atMs;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public string RegionCode { get; private set; }
    public string Activity { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Hours { get; private set; }
    public int Points { get; private set; }
    public string RecordedBy { get; private set; }
    public long RecordedAtMs { get; private set; }
}

/// <summary>
/// A short-lived code a person shows a merchant to pay a set number of points. Only its hash is
/// kept; it is used at most once (the conditional update on <see cref="UsedAtMs"/> and the
/// spend's unique reference both hold that).
/// </summary>
public sealed class RedemptionCode
{
    private RedemptionCode()
    {
        CodeHash = UserId = "";
    }

    public RedemptionCode(Guid id, string codeHash, string userId, int points, long createdAtMs, long expiresAtMs)
    {
        Id = id;
        CodeHash = codeHash;
        UserId = userId;
        Points = points;
        CreatedAtMs = createdAtMs;
        ExpiresAtMs = expiresAtMs;
    }

    public Guid Id { get; private set; }
    public string CodeHash { get; private set; }
    public string UserId { get; private set; }
    public int Points { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long ExpiresAtMs { get; private set; }
    public long? UsedAtMs { get; private set; }
    public Guid? MerchantId { get; private set; }
}
