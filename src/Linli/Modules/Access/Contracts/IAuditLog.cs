using System.Security.Claims;

namespace Linli.Modules.Access.Contracts;

/// <summary>What other modules record: who did what to what, and how it ended.</summary>
public interface IAuditLog
{
    Task RecordAsync(string action, string? target, string outcome, string? detail = null, CancellationToken ct = default);

    Task RecordForAsync(ClaimsPrincipal? user, string action, string? target, string outcome, string? detail = null, CancellationToken ct = default);
}

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}
