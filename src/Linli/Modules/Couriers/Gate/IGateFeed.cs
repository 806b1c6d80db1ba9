namespace Linli.Modules.Couriers.Gate;

/// <summary>What a gate page shows for one passage: the rider as the guard checks them, or why they were refused.</summary>
public sealed record GatePassage(
    Guid PassageId,
    string SiteCode,
    bool Allowed,
    string? Reason,
    string? ReasonText,
    string Method,
    DateTimeOffset At,
    Guid? CourierId,
    string? PassNumber,
    string? MaskedName,
    string? Platform,
    string? PlatformName,
    string? Team,
    string? PhotoUrl,
    string ComplaintPhone);

/// <summary>Pushes passages to the guards watching a site's gate page (all nodes), within a second of the check.</summary>
public interface IGateFeed
{
    Task PublishAsync(GatePassage passage, CancellationToken ct = default);
}
