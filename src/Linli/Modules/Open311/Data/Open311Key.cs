namespace Linli.Modules.Open311.Data;

/// <summary>
/// A client's API key. Only the SHA-256 of the secret is kept; the secret is shown once, when the
/// key is made. A key may be limited to some jurisdictions and categories, and has its own rate.
/// </summary>
public sealed class Open311Key
{
    private Open311Key()
    {
        Name = "";
        KeyHash = "";
        Prefix = "";
    }

    public Open311Key(Guid id, string name, string keyHash, string prefix, IEnumerable<string> jurisdictions, IEnumerable<string> categories,
        int perMinute, long createdAtMs, string? createdBy)
    {
        Id = id;
        Name = name;
        KeyHash = keyHash;
        Prefix = prefix;
        Jurisdictions = jurisdictions.Distinct().Order(StringComparer.Ordinal).ToList();
        Categories = categories.Distinct().Order(StringComparer.Ordinal).ToList();
        PerMinute = perMinute;
        CreatedAtMs = createdAtMs;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string KeyHash { get; private set; }

    /// <summary>The first characters of the secret, so that an admin can tell keys apart.</summary>
    public string Prefix { get; private set; }

    /// <summary>Empty: every jurisdiction Linli answers to.</summary>
    public List<string> Jurisdictions { get; private set; } = [];

    /// <summary>Empty: every category.</summary>
    public List<string> Categories { get; private set; } = [];
    public int PerMinute { get; private set; }
    public long CreatedAtMs { get; private set; }
    public string? CreatedBy { get; private set; }
    public long? RevokedAtMs { get; private set; }

    public bool Active => RevokedAtMs is null;

    public void Revoke(long nowMs) => RevokedAtMs ??= nowMs;
}

/// <summary>
/// One <c>POST requests</c>: the key that sent it, the case it became, and what Open311 carries
/// that a case does not (contact fields protected, media URLs, attribute answers, the token).
/// </summary>
public sealed class Open311Request
{
    private Open311Request()
    {
        Token = "";
        CaseNumber = "";
    }

    public Open311Request(Guid id, string token, Guid caseId, string caseNumber, bool joined, Guid keyId, string? jurisdiction, string? accountId,
        string? deviceId, string? emailProtected, string? phoneProtected, string? nameProtected, IEnumerable<string> mediaUrls, string? attributes,
        long createdAtMs)
    {
        Id = id;
        Token = token;
        CaseId = caseId;
        CaseNumber = caseNumber;
        Joined = joined;
        KeyId = keyId;
        Jurisdiction = jurisdiction;
        AccountId = accountId;
        DeviceId = deviceId;
        EmailProtected = emailProtected;
        PhoneProtected = phoneProtected;
        NameProtected = nameProtected;
        MediaUrls = mediaUrls.ToList();
        Attributes = attributes;
        CreatedAtMs = createdAtMs;
    }

    public Guid Id { get; private set; }
    public string Token { get; private set; }
    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; }

    /// <summary>The report joined an open case instead of opening one.</summary>
    public bool Joined { get; private set; }
    public Guid KeyId { get; private set; }
    public string? Jurisdiction { get; private set; }
    public string? AccountId { get; private set; }
    public string? DeviceId { get; private set; }
    public string? EmailProtected { get; private set; }
    public string? PhoneProtected { get; private set; }
    public string? NameProtected { get; private set; }
    public List<string> MediaUrls { get; private set; } = [];

    /// <summary>The <c>attribute[CODE]</c> answers, as JSON (code → values).</summary>
    public string? Attributes { get; private set; }
    public long CreatedAtMs { get; private set; }
}
