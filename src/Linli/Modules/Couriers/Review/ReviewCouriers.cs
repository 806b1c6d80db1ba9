using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Registration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Review;

public sealed record ReasonRequest(string? Reason);

public sealed record CourierPage(int Total, IReadOnlyList<CourierView> Items);

/// <summary>
/// Officers review riders working in their area: the queue, approval (only when every eligibility
/// rule holds; it issues the pass), rejection and suspension with a reason the rider sees,
/// reinstatement, and reissuing a lost or misused pass.
/// </summary>
internal static class ReviewCouriers
{
    public static async Task<Ok<CourierPage>> List(string? status, string? region, string? platform, int? skip, int? take, ClaimsPrincipal user,
        LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var query = AreaFilter.Within(db.Couriers.AsNoTracking(), await access.ScopesAsync(user, Permissions.CouriersReview), c => c.RegionCode);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<CourierStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                throw new RequestValidationException("status", "must be pending, approved, rejected or suspended");
            }
            query = query.Where(c => c.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(region)) query = query.Where(c => c.RegionCode.StartsWith(region.Trim()));
        if (!string.IsNullOrWhiteSpace(platform)) query = query.Where(c => c.Platform == platform.Trim());
        if (skip is < 0) throw new RequestValidationException("skip", "must be 0 or more");
        if (take is < 1 or > 500) throw new RequestValidationException("take", "must be between 1 and 500");
        var total = await query.CountAsync(ct);
        // The queue: oldest application first, so nobody waits behind newer ones.
        var page = await query.OrderBy(c => c.CreatedAtMs).Skip(skip ?? 0).Take(take ?? 100).ToListAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var ids = page.Select(c => c.Id).ToList();
        var passes = await db.CourierPasses.AsNoTracking().Where(p => ids.Contains(p.CourierId) && p.RevokedAtMs == null && p.ExpiresAtMs > now).ToListAsync(ct);
        var today = CourierViews.Today(clock);
        return TypedResults.Ok(new CourierPage(total, page.Select(c => CourierViews.Of(c, passes.FirstOrDefault(p => p.CourierId == c.Id), today)).ToList()));
    }

    public static async Task<Ok<CourierDetail>> Get(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var courier = await FindAsync(db, id, user, access, ct, tracking: false);
        return TypedResults.Ok(await CourierDetails.LoadAsync(db, courier, clock, ct));
    }

    public static async Task<Ok<CourierDetail>> Approve(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var courier = await FindAsync(db, id, user, access, ct);
        var checks = Eligibility.Evaluate(courier, CourierViews.Today(clock));
        if (!Eligibility.AllPass(checks))
        {
            throw new UnprocessableException("Not eligible",
                "The rider does not meet: " + string.Join("; ", checks.Where(c => !c.Passed).Select(c => c.En)) + ". Reject with this reason instead.");
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        courier.Approve(Actor(user), now);
        var pass = await PassIssuer.CurrentAsync(db, courier.Id, now, ct) ?? PassIssuer.Issue(db, courier, now);
        db.CourierEvents.Add(new CourierEvent(courier.Id, Actor(user), "approve", $"pass {pass.Number}", now));
        return await SaveAsync(db, courier, clock, ct);
    }

    public static Task<Ok<CourierDetail>> Reject(Guid id, ReasonRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, request, user, db, access, clock, "reject", (c, by, reason, now) => c.Reject(by, reason, now), ct);

    public static Task<Ok<CourierDetail>> Suspend(Guid id, ReasonRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, request, user, db, access, clock, "suspend", (c, by, reason, now) => c.Suspend(by, reason, now), ct);

    public static async Task<Ok<CourierDetail>> Reinstate(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var courier = await FindAsync(db, id, user, access, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        courier.Reinstate(Actor(user), now);
        db.CourierEvents.Add(new CourierEvent(courier.Id, Actor(user), "reinstate", null, now));
        return await SaveAsync(db, courier, clock, ct);
    }

    /// <summary>Revokes the current pass (lost phone, a code shown by someone else) and issues a new number.</summary>
    public static async Task<Ok<CourierDetail>> Reissue(Guid id, ReasonRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var reason = RequireReason(request);
        var courier = await FindAsync(db, id, user, access, ct);
        if (courier.Status != CourierStatus.Approved)
        {
            throw new DomainException("Wrong status", $"Only an approved courier gets a new pass; this one is {CourierViews.Status(courier.Status)}.");
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var old = await PassIssuer.CurrentAsync(db, courier.Id, now, ct);
        old?.Revoke(Actor(user), reason, now);
        var pass = PassIssuer.Issue(db, courier, now);
        db.CourierEvents.Add(new CourierEvent(courier.Id, Actor(user), "reissue", $"{old?.Number ?? "-"} → {pass.Number}: {reason}", now));
        return await SaveAsync(db, courier, clock, ct);
    }

    private static async Task<Ok<CourierDetail>> DecideAsync(Guid id, ReasonRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, string action, Action<Courier, string, string, long> decide, CancellationToken ct)
    {
        var reason = RequireReason(request);
        var courier = await FindAsync(db, id, user, access, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        decide(courier, Actor(user), reason, now);
        db.CourierEvents.Add(new CourierEvent(courier.Id, Actor(user), action, reason, now));
        return await SaveAsync(db, courier, clock, ct);
    }

    private static async Task<Ok<CourierDetail>> SaveAsync(LinliDb db, Courier courier, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", "Another officer decided on this rider at the same moment; reload and look again.");
        }
        return TypedResults.Ok(await CourierDetails.LoadAsync(db, courier, clock, ct));
    }

    public static string RequireReason(ReasonRequest request)
    {
        var reason = request.Reason?.Trim();
        return string.IsNullOrEmpty(reason) || reason.Length > 500
            ? throw new RequestValidationException("reason", "say why, in 1 to 500 characters; the rider sees it")
            : reason;
    }

    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";

    public static async Task<Courier> FindAsync(LinliDb db, Guid id, ClaimsPrincipal user, IAccessControl access, CancellationToken ct, bool tracking = true)
    {
        var query = tracking ? db.Couriers : db.Couriers.AsNoTracking();
        var courier = await query.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Courier {id} does not exist.");
        await access.EnsureAsync(user, Permissions.CouriersReview, courier.RegionCode);
        return courier;
    }
}
