using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Registration;

/// <summary>The rider's own application and pass: read it, correct and resend it after a rejection, add the photo.</summary>
internal static class MyCourier
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    public static async Task<Ok<CourierDetail>> Get(ClaimsPrincipal user, LinliDb db, TimeProvider clock, CancellationToken ct)
    {
        var courier = await MineAsync(db, user, ct);
        return TypedResults.Ok(await CourierDetails.LoadAsync(db, courier, clock, ct));
    }

    /// <summary>Corrected facts after a rejection go back to the queue; the phone and ID stay as proven.</summary>
    public static async Task<Ok<CourierView>> Resubmit(CourierApplicationRequest request, ClaimsPrincipal user, LinliDb db, IRegionLookup regions,
        TimeProvider clock, CancellationToken ct)
    {
        var courier = await MineAsync(db, user, ct, tracking: true);
        var today = CourierViews.Today(clock);
        var work = CourierApplicationRules.CheckWork(request, regions, today);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        courier.Resubmit(now);
        RegisterCourier.Apply(courier, work);
        db.CourierEvents.Add(new CourierEvent(courier.Id, courier.UserId, "resubmit", null, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CourierViews.Of(courier, null, today));
    }

    public static async Task<NoContent> UploadPhoto(HttpRequest request, ClaimsPrincipal user, LinliDb db, IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var courier = await MineAsync(db, user, ct, tracking: true);
        var bytes = await PhotoUpload.ReadAsync(request, MaxPhotoBytes, ct);
        var path = $"couriers/{courier.Id:N}/photo-{clock.GetUtcNow().ToUnixTimeMilliseconds()}.{bytes.Extension}";
        using (var stream = new MemoryStream(bytes.Content, writable: false))
        {
            await files.SaveAsync(path, stream, ct);
        }
        courier.SetPhoto(path);
        db.CourierEvents.Add(new CourierEvent(courier.Id, courier.UserId, "photo", null, clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Courier> MineAsync(LinliDb db, ClaimsPrincipal user, CancellationToken ct, bool tracking = false)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException("Sign in first.");
        var query = tracking ? db.Couriers : db.Couriers.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.UserId == id, ct)
            ?? throw new NotFoundException("You have not applied for a courier pass yet (POST /api/v1/couriers/registrations).");
    }
}

/// <summary>A courier with history and passes, for the rider and for officers.</summary>
internal static class CourierDetails
{
    public static async Task<CourierDetail> LoadAsync(LinliDb db, Courier courier, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var passes = await db.CourierPasses.AsNoTracking().Where(p => p.CourierId == courier.Id).OrderByDescending(p => p.IssuedAtMs).ToListAsync(ct);
        var history = await db.CourierEvents.AsNoTracking().Where(e => e.CourierId == courier.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var open = await db.Complaints.CountAsync(c => c.CourierId == courier.Id && c.Status == ComplaintStatus.Open, ct);
        var current = passes.FirstOrDefault(p => p.IsValidAt(now));
        return new CourierDetail(CourierViews.Of(courier, current, CourierViews.Today(clock)), history.Select(CourierViews.Event).ToList(),
            passes.Select(CourierViews.Pass).ToList(), open);
    }
}
