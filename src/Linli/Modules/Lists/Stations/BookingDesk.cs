using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Stations;

/// <summary>
/// Free slots and bookings. Capacity is held by the database, not by this process: a booking
/// raises the slot's counter with one conditional UPDATE (… WHERE booked &lt; capacity) in the
/// same transaction that inserts the booking, and a unique index keeps one active booking per
/// person and slot — so it holds on many nodes, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class BookingDesk(PersonalDataProtector protector, IAccessControl access, TimeProvider clock)
{
    public const int MaxDays = 31;

    public async Task<List<SlotView>> SlotsAsync(LinliDb db, ClaimsPrincipal user, Guid stationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new RequestValidationException("to", $"from ≤ to, at most {MaxDays} days");
        }
        var station = await StationDesk.FindAsync(db, stationId, ct);
        var services = await db.StationServices.AsNoTracking().Where(s => s.StationId == stationId && !s.Withdrawn).ToListAsync(ct);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var firstMs = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime).ToUnixTimeMilliseconds();
        var lastMs = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime).ToUnixTimeMilliseconds();
        var ids = services.Select(s => s.Id).ToList();
        var counts = await db.StationSlots.AsNoTracking().Where(s => ids.Contains(s.ServiceId) && s.StartMs >= firstMs && s.StartMs < lastMs)
            .ToDictionaryAsync(s => (s.ServiceId, s.StartMs), s => s.Booked, ct);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = me is null ? [] : (await db.StationBookings.AsNoTracking()
            .Where(b => b.UserId == me && b.StationId == stationId && b.Status == BookingStatus.Booked && b.StartMs >= firstMs && b.StartMs < lastMs)
            .Select(b => new { b.ServiceId, b.StartMs }).ToListAsync(ct)).Select(b => (b.ServiceId, b.StartMs)).ToHashSet();
        var slots = new List<SlotView>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var service in services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                foreach (var (startMs, endMs) in SlotCalendar.Slots(station.Windows, service.SlotMinutes, date).Where(s => s.StartMs > nowMs))
                {
                    var booked = counts.GetValueOrDefault((service.Id, startMs));
                    slots.Add(new SlotView(service.Id, service.Name, FromMs(startMs), FromMs(endMs), service.CapacityPerSlot, booked,
                        Math.Max(0, service.CapacityPerSlot - booked), mine.Contains((service.Id, startMs))));
                }
            }
        }
        return slots.OrderBy(s => s.Start).ThenBy(s => s.ServiceName, StringComparer.Ordinal).ToList();
    }

    public async Task<BookingView> BookAsync(LinliDb db, ClaimsPrincipal user, BookRequest request, CancellationToken ct)
    {
        var userId = UserId(user);
        if (request.ServiceId is not { } serviceId) throw new RequestValidationException("serviceId", "is required");
        if (request.Start is not { } start) throw new RequestValidationException("start", "is required");
        var service = await db.StationServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct) ?? throw new NotFoundException($"No station service {serviceId}.");
        var station = await StationDesk.FindAsync(db, service.StationId, ct);
        if (service.Withdrawn || station.Closed)
        {
            throw new DomainException("Not bookable", "this service is no longer offered");
        }
        var startMs = start.ToUnixTimeMilliseconds();
        var endMs = SlotCalendar.EndOf(station.Windows, service.SlotMinutes, start)
            ?? throw new RequestValidationException("start", "is not the start of one of this service's slots (see the free slots)");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (startMs <= now)
        {
            throw new RequestValidationException("start", "the slot has already begun");
        }
        if (await db.StationBookings.AnyAsync(b => b.ServiceId == serviceId && b.StartMs == startMs && b.UserId == userId && b.Status == BookingStatus.Booked, ct))
        {
            throw AlreadyBooked();
        }
        await EnsureCounterAsync(db, serviceId, startMs, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.StationSlots
            .Where(s => s.ServiceId == serviceId && s.StartMs == startMs && s.Booked < service.CapacityPerSlot)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct);
        if (taken == 0)
        {
            throw new DomainException("Slot full", $"all {service.CapacityPerSlot} places of this slot are taken; choose another slot");
        }
        var booking = new StationBooking(Guid.CreateVersion7(), station.Id, service.Id, service.Name, startMs, endMs, userId,
            protector.Protect(UserName(user)), now);
        db.StationBookings.Add(booking);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // The same person on two nodes at once: the index lets one through, and the place taken above rolls back.
            throw AlreadyBooked();
        }
        await transaction.CommitAsync(ct);
        return View(booking, station.Name, null);
    }

    /// <summary>The counter row must exist before the conditional UPDATE can count on it; whoever inserts first wins, the rest find it.</summary>
    private static async Task EnsureCounterAsync(LinliDb db, Guid serviceId, long startMs, CancellationToken ct)
    {
        if (await db.StationSlots.AnyAsync(s => s.ServiceId == serviceId && s.StartMs == startMs, ct))
        {
            return;
        }
        var slot = new StationSlot(serviceId, startMs);
        db.StationSlots.Add(slot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Another request made it meanwhile.
        }
        db.Entry(slot).State = EntityState.Detached;
    }

    private static DomainException AlreadyBooked() => new("Already booked", "you have already booked this slot");

    /// <summary>Cancels one's own booking before the slot begins; the place goes back to the slot.</summary>
    public async Task CancelAsync(LinliDb db, ClaimsPrincipal user, Guid bookingId, CancellationToken ct)
    {
        var booking = await db.StationBookings.FirstOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new NotFoundException($"No booking {bookingId}.");
        if (booking.UserId != UserId(user))
        {
            throw new ForbiddenException("Not allowed: only the person who booked can cancel a booking.");
        }
        booking.Cancel(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.StationSlots.Where(s => s.ServiceId == booking.ServiceId && s.StartMs == booking.StartMs && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<List<BookingView>> MineAsync(LinliDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        var since = clock.GetUtcNow().AddDays(-30).ToUnixTimeMilliseconds();
        var bookings = await db.StationBookings.AsNoTracking().Where(b => b.UserId == userId && b.StartMs >= since).ToListAsync(ct);
        var names = await StationNamesAsync(db, bookings.Select(b => b.StationId), ct);
        return bookings.OrderBy(b => b.StartMs).Select(b => View(b, names.GetValueOrDefault(b.StationId, ""), null)).ToList();
    }

    /// <summary>A station's bookings from a day on, for the staff who read the lists there; bookers masked.</summary>
    public async Task<List<BookingView>> ForStationAsync(LinliDb db, ClaimsPrincipal user, Guid stationId, DateOnly? from, CancellationToken ct)
    {
        var station = await StationDesk.FindAsync(db, stationId, ct);
        await access.EnsureAsync(user, Permissions.ListsRead, station.RegionCode);
        var day = from ?? DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime).DateTime);
        var firstMs = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime).ToUnixTimeMilliseconds();
        var bookings = await db.StationBookings.AsNoTracking().Where(b => b.StationId == stationId && b.StartMs >= firstMs).ToListAsync(ct);
        return bookings.OrderBy(b => b.StartMs).ThenBy(b => b.CreatedAtMs).Take(2000)
            .Select(b => View(b, station.Name, PersonalDataFormats.MaskName(protector.UnprotectOrMarker(b.BookerNameProtected) ?? "?"))).ToList();
    }

    private static async Task<Dictionary<Guid, string>> StationNamesAsync(LinliDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Stations.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
    }

    private static BookingView View(StationBooking b, string stationName, string? booker) => new(b.Id, b.StationId, stationName, b.ServiceId, b.ServiceName,
        FromMs(b.StartMs), FromMs(b.EndMs), b.Status.ToString().ToLowerInvariant(), booker);
}
