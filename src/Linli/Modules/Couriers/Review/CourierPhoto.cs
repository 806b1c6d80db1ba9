using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Review;

/// <summary>
/// The rider's photo, for the rider, officers reviewing them, and guards of a site the rider passed
/// in the last day (the gate card shows it). Nobody else.
/// </summary>
internal static class CourierPhoto
{
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var courier = await db.Couriers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Courier {id} does not exist.");
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (courier.UserId != userId && await access.DenialAsync(user, Permissions.CouriersReview, courier.RegionCode) is not null
            && !await SawAtGateAsync(db, courier.Id, user, access, clock, ct))
        {
            throw new ForbiddenException("Only the rider, their reviewing officers and guards of a gate they passed see the photo.");
        }
        var stream = courier.PhotoPath is null ? null : await files.OpenReadAsync(courier.PhotoPath, ct);
        if (stream is null)
        {
            throw new NotFoundException("This rider has no photo yet.");
        }
        var type = courier.PhotoPath!.EndsWith(".png", StringComparison.Ordinal) ? "image/png"
            : courier.PhotoPath.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg";
        return TypedResults.Stream(stream, type);
    }

    private static async Task<bool> SawAtGateAsync(LinliDb db, Guid courierId, ClaimsPrincipal user, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        if (await access.DenialAsync(user, Permissions.GateGuard) is not null)
        {
            return false;
        }
        var since = clock.GetUtcNow().AddDays(-1).ToUnixTimeMilliseconds();
        var siteIds = await db.Passages.AsNoTracking().Where(p => p.CourierId == courierId && p.AtMs >= since).Select(p => p.SiteId).Distinct().ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToListAsync(ct);
        foreach (var site in sites)
        {
            if (await Gate.GateAccess.MayWatchAsync(access, user, site))
            {
                return true;
            }
        }
        return false;
    }
}
