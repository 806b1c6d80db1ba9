namespace Linli.Modules.Lists.Contracts;

/// <summary>
/// Awards points on the append-only ledger, for modules that verify what earns them (a
/// report verified by Cases, a courier's help recorded by Couriers).
/// </summary>
public interface IPointsLedger
{
    /// <summary>
    /// Awards <paramref name="points"/> (at least 1) to the account, expiring by the configured rule.
    /// Idempotent on <paramref name="reference"/> (e.g. "case-verified:{caseId}"): a second call
    /// with the same reference awards nothing. Returns true when this call made the award.
    /// </summary>
    Task<bool> AwardAsync(string userId, int points, string reason, string reference, CancellationToken ct = default);
}
