using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Merchants;

/// <summary>Small things the alliance, stations and points share.</summary>
internal static class AllianceSupport
{
    /// <summary>Opening hours, slots and points expiry are reckoned in China Standard Time.</summary>
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException("Not allowed: sign in first.");

    public static string? UserName(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name);

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime);

    /// <summary>A unique index refused the row: the same thing was done twice, here or on another node.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => Infrastructure.Persistence.DbErrors.IsUniqueViolation(e);

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
