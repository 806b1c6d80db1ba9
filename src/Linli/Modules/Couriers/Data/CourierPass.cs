using Linli.Infrastructure.Errors;

namespace Linli.Modules.Couriers.Data;

/// <summary>
/// The pass an approved courier holds. A courier has at most one pass that is not revoked; a lost
/// phone or a pass shown by someone else revokes it and a new one is issued. Revoked passes go on
/// the revocation list that gate devices sync.
/// </summary>
public sealed class CourierPass
{
    private CourierPass()
    {
        Number = "";
    }

    public CourierPass(Guid id, Guid courierId, string number, long issuedAtMs, long expiresAtMs)
    {
        Id = id;
        CourierId = courierId;
        Number = number;
        IssuedAtMs = issuedAtMs;
        ExpiresAtMs = expiresAtMs;
    }

    public Guid Id { get; private set; }
    public Guid CourierId { get; private set; }

    /// <summary>The number printed under the rider's code and quoted in complaints, e.g. XG-330105-7K3P9Q.</summary>
    public string Number { get; private set; }

    public long IssuedAtMs { get; private set; }
    public long ExpiresAtMs { get; private set; }
    public long? RevokedAtMs { get; private set; }
    public string? RevokedReason { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsRevoked => RevokedAtMs is not null;

    public bool IsValidAt(long nowMs) => !IsRevoked && nowMs < ExpiresAtMs;

    public void Revoke(string by, string reason, long nowMs)
    {
        if (IsRevoked)
        {
            throw new DomainException("Pass already revoked", $"Pass {Number} was revoked already.");
        }
        RevokedAtMs = nowMs;
        RevokedReason = reason;
        RevokedBy = by;
    }
}
