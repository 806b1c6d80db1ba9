namespace Linli.Modules.Couriers.Data;

/// <summary>How a passage was checked.</summary>
public enum PassageMethod
{
    /// <summary>The rider scanned the site's poster with their phone (online).</summary>
    SiteScan,

    /// <summary>The gate scanned the rider's rotating token and asked Linli (online).</summary>
    TokenOnline,

    /// <summary>The gate device checked the token itself, without a network, and uploaded the record later.</summary>
    TokenOffline,
}

/// <summary>
/// One rider at one gate at one moment, let in or refused with the reason: every passage is traceable.
/// </summary>
public sealed class Passage
{
    private Passage()
    {
    }

    public Passage(Guid id, Guid siteId, Guid? courierId, Guid? passId, PassageMethod method, bool allowed, string? reason, long atMs)
    {
        Id = id;
        SiteId = siteId;
        CourierId = courierId;
        PassId = passId;
        Method = method;
        Allowed = allowed;
        Reason = reason;
        AtMs = atMs;
    }

    public Guid Id { get; private set; }
    public Guid SiteId { get; private set; }
    public Guid? CourierId { get; private set; }
    public Guid? PassId { get; private set; }
    public PassageMethod Method { get; private set; }
    public bool Allowed { get; private set; }

    /// <summary>Why it was refused (a <c>PassRefusal</c> code such as "revoked" or "platform-not-allowed").</summary>
    public string? Reason { get; private set; }

    public long AtMs { get; private set; }

    /// <summary>The guard or gate account that checked the token, when a gate did.</summary>
    public string? CheckedBy { get; private set; }

    /// <summary>
    /// "{passId}:{window}:{siteId}" for an accepted token: unique, so the same token is accepted at
    /// most once per gate, even by two nodes at the same instant.
    /// </summary>
    public string? ReplayKey { get; private set; }

    /// <summary>The id a gate device gave an offline passage, so uploading it twice stores it once.</summary>
    public string? DeviceRef { get; private set; }

    public long RecordedAtMs { get; private set; }

    public Passage CheckedAtGate(string? checkedBy, string? replayKey, string? deviceRef, long recordedAtMs)
    {
        CheckedBy = checkedBy;
        ReplayKey = replayKey;
        DeviceRef = deviceRef;
        RecordedAtMs = recordedAtMs;
        return this;
    }
}
