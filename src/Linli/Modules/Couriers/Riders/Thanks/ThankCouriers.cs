using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Riders.Thanks;

/// <summary>Thanks for the couriers who reported a case (by its number), or for one courier in a region.</summary>
public sealed record ThanksRequest(string? CaseNumber, Guid? CourierId, string? RegionCode, string? Message);

public sealed record ThankedCourier(Guid ThanksId, Guid CourierId, string MaskedName, string Platform);

public sealed record ThanksReceipt(string? CaseNumber, string RegionCode, IReadOnlyList<ThankedCourier> Thanked);

/// <summary>
/// Public thanks (couriers:thank, within the caller's scope). By case: every approved courier among
/// the case's reporters who has not been thanked for it yet; the scope is checked on the case's grid,
/// the thanks filed under its community (so the street's wall shows it).
/// </summary>
internal sealed class ThankCouriers(IAccessControl access, IReportStats stats, IRegionLookup regions, TimeProvider clock)
{
    public const int MaxMessage = 200;

    public async Task<ThanksReceipt> ThankAsync(LinliDb db, ClaimsPrincipal user, ThanksRequest request, CancellationToken ct)
    {
        var message = request.Message?.Trim() ?? "";
        if (message.Length is 0 or > MaxMessage) throw new RequestValidationException("message", $"1 to {MaxMessage} characters");
        var number = request.CaseNumber?.Trim();
        if (string.IsNullOrEmpty(number) && request.CourierId is null)
        {
            throw new RequestValidationException("caseNumber", "give a case number, or a courierId with a regionCode");
        }
        List<Courier> couriers;
        string regionCode;
        if (!string.IsNullOrEmpty(number))
        {
            var reporters = await stats.ReportersAsync(number, ct) ?? throw new NotFoundException($"No case {number}.");
            await access.EnsureAsync(user, Permissions.CouriersThank, reporters.GridCode);
            regionCode = reporters.RegionCode;
            var userIds = reporters.Reporters.Select(r => r.UserId).ToList();
            couriers = await db.Couriers.Where(c => userIds.Contains(c.UserId) && c.Status == CourierStatus.Approved).ToListAsync(ct);
            if (couriers.Count == 0)
            {
                throw new DomainException("No courier reporter", $"No approved courier reported case {reporters.CaseNumber}; there is no rider to thank for it.");
            }
            var ids = couriers.Select(c => c.Id).ToList();
            var already = await db.CourierThanks.Where(t => t.CaseNumber == reporters.CaseNumber && ids.Contains(t.CourierId) && !t.Withdrawn)
                .Select(t => t.CourierId).ToListAsync(ct);
            couriers = couriers.Where(c => !already.Contains(c.Id)).ToList();
            if (couriers.Count == 0)
            {
                throw new DomainException("Already thanked", $"The couriers who reported case {reporters.CaseNumber} have already been thanked for it.");
            }
            number = reporters.CaseNumber;
        }
        else
        {
            regionCode = request.RegionCode?.Trim() ?? "";
            if (regionCode.Length == 0 || regions.PathTo(regionCode).Count == 0)
            {
                throw new RequestValidationException("regionCode", "the code of the region where the courier helped");
            }
            await access.EnsureAsync(user, Permissions.CouriersThank, regionCode);
            var courier = await db.Couriers.FirstOrDefaultAsync(c => c.Id == request.CourierId, ct) ?? throw new NotFoundException($"No courier {request.CourierId}.");
            if (courier.Status != CourierStatus.Approved)
            {
                throw new DomainException("Courier not approved", "Only an approved courier is thanked publicly.");
            }
            couriers = [courier];
            number = null;
        }
        var by = await ByNameAsync(user, regionCode);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var now = clock.GetUtcNow();
        var thanked = new List<ThankedCourier>();
        foreach (var courier in couriers.OrderBy(c => c.CreatedAtMs))
        {
            var thanks = new CourierThanks(Guid.CreateVersion7(now), courier.Id, number, message, userId, by, regionCode, now.ToUnixTimeMilliseconds());
            db.CourierThanks.Add(thanks);
            db.CourierEvents.Add(new CourierEvent(courier.Id, userId, "thanked", number ?? message, now.ToUnixTimeMilliseconds()));
            thanked.Add(new ThankedCourier(thanks.Id, courier.Id, courier.NameMasked, courier.Platform));
        }
        await db.SaveChangesAsync(ct);
        return new ThanksReceipt(number, regionCode, thanked);
    }

    /// <summary>Takes a thanks down (a mistaken name, a rider's wish); staff whose scope covers where it was given.</summary>
    public async Task WithdrawAsync(LinliDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var thanks = await db.CourierThanks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"No thanks {id}.");
        await access.EnsureAsync(user, Permissions.CouriersThank, thanks.RegionCode);
        if (thanks.Withdrawn)
        {
            return;
        }
        thanks.Withdraw();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        db.CourierEvents.Add(new CourierEvent(thanks.CourierId, userId, "thanks-withdrawn", thanks.CaseNumber, clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who thanks, as the wall shows it: the region of the caller's scope that covers the place ("康桥社区"), or Linli itself.</summary>
    private async Task<string> ByNameAsync(ClaimsPrincipal user, string regionCode)
    {
        var scopes = await access.ScopesAsync(user, Permissions.CouriersThank);
        var scope = scopes?.Where(s => RegionScope.Covers(s, regionCode) || RegionScope.Covers(regionCode, s)).OrderByDescending(s => s.Length).FirstOrDefault();
        var name = scope is null ? null : regions.PathTo(scope).LastOrDefault()?.Name;
        return name ?? regions.PathTo(regionCode).LastOrDefault(r => r.Level == "street")?.Name ?? "邻里 Linli";
    }
}
