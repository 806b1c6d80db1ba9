using System.Globalization;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs;

/// <summary>
/// Target times on site. A ticket is urban when its region code starts with one of
/// Linli:Repairs:UrbanRegionPrefixes (comma-separated; default the demo city's central districts
/// 330102 上城, 330103 下城, 330104 江干, 330105 拱墅, 330106 西湖, 330108 滨江). Urban targets
/// Linli:Repairs:UrbanTargetMinutes (default 30), elsewhere Linli:Repairs:OtherTargetMinutes (default 60).
/// </summary>
internal sealed class RepairSettings(IConfiguration configuration)
{
    public static readonly string[] DefaultUrban = ["330102", "330103", "330104", "330105", "330106", "330108"];

    public IReadOnlyList<string> UrbanPrefixes =>
        configuration["Linli:Repairs:UrbanRegionPrefixes"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } list
            ? list : DefaultUrban;

    public int UrbanTargetMinutes => Math.Clamp(configuration.GetValue("Linli:Repairs:UrbanTargetMinutes", 30), 1, 1440);

    public int OtherTargetMinutes => Math.Clamp(configuration.GetValue("Linli:Repairs:OtherTargetMinutes", 60), 1, 1440);

    public bool IsUrban(string regionCode) => regionCode.Length > 0 && UrbanPrefixes.Any(p => regionCode.StartsWith(p, StringComparison.Ordinal));

    public int TargetMinutes(bool urban) => urban ? UrbanTargetMinutes : OtherTargetMinutes;
}

internal static class RepairSupport
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";

    public static IReadOnlyList<string> Members(RepairCrew crew) =>
        crew.Members.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The desk (who may dispatch) acts on any ticket of its utility; a crew member on the crew's own.</summary>
    public static async Task<bool> IsDeskAsync(IAccessControl access, ClaimsPrincipal user) =>
        await access.DenialAsync(user, Permissions.InspectionsDispatch) is null;

    public static async Task<UnitScope> ScopeAsync(IAccessControl access, ClaimsPrincipal user) =>
        await UnitScope.OfAsync(access, user, Permissions.RepairsWork);

    public static async Task EnsureDeskAsync(IAccessControl access, ClaimsPrincipal user)
    {
        if (!await IsDeskAsync(access, user)) throw new ForbiddenException("Only the repair desk (dispatcher) may do this.");
    }

    public static void History(LinliDb db, Guid ticketId, string action, string actor, string? note, long now) =>
        db.InspectionEvents.Add(new InspectionEvent(ticketId, "repair", action, actor, note, now));

    /// <summary>QX-yyyymmdd-NNNN (emergency) or WX-… (planned).</summary>
    public static Task<string> NextNumberAsync(LinliDb db, string kind, long nowMs, CancellationToken ct) =>
        DailyNumbers.NextAsync(db.RepairTickets.Select(t => t.Number), kind == RepairKinds.Emergency ? "QX" : "WX", nowMs, ct);

    /// <summary>Saves a new ticket, taking the next number again when another node took this one first.</summary>
    public static Task SaveNumberedAsync(LinliDb db, RepairTicket ticket, long nowMs, CancellationToken ct) =>
        DailyNumbers.SaveAsync(db, t => NextNumberAsync(db, ticket.Kind, nowMs, t), ticket.Renumber, ct);

    public static DateTimeOffset? At(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToOffset(ChinaTime) : null;
}
