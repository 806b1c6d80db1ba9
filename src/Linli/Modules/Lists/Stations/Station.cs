using Linli.Infrastructure.Errors;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Stations;

/// <summary>
/// A red neighbourhood service station (红色邻里服务站): a place with weekly opening hours where
/// residents and couriers book a service's slots. It and each of its services are on the resource list.
/// </summary>
public sealed class Station
{
    private Station()
    {
        Name = RegionCode = Address = OpeningHours = CreatedBy = "";
    }

    public Station(Guid id, string createdBy, long nowMs)
    {
        Id = id;
        CreatedBy = createdBy;
        CreatedAtMs = nowMs;
        Name = RegionCode = Address = OpeningHours = "";
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string RegionCode { get; private set; }
    public string Address { get; private set; }
    public double? Lon { get; private set; }
    public double? Lat { get; private set; }

    /// <summary>Stored weekly windows (<see cref="WeeklyWindows.Store"/>), in China time.</summary>
    public string OpeningHours { get; private set; }

    public bool Closed { get; private set; }
    public string CreatedBy { get; private set; }
    public long CreatedAtMs { get; private set; }

    public IReadOnlyList<WeeklyWindow> Windows => WeeklyWindows.Load(OpeningHours);

    public void Set(string name, string regionCode, string address, double? lon, double? lat, IReadOnlyList<WeeklyWindow> openingHours)
    {
        Name = name;
        RegionCode = regionCode;
        Address = address;
        Lon = lon;
        Lat = lat;
        OpeningHours = WeeklyWindows.Store(openingHours);
    }
}

/// <summary>One service of a station (haircut, blood-pressure check, legal consultation, charging) in slots of a fixed length.</summary>
public sealed class StationService
{
    private StationService()
    {
        Name = Category = "";
    }

    public StationService(Guid id, Guid stationId)
    {
        Id = id;
        StationId = stationId;
        Name = Category = "";
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string Name { get; private set; }
    public string Category { get; private set; }
    public int SlotMinutes { get; private set; }
    public int CapacityPerSlot { get; private set; }
    public bool Withdrawn { get; private set; }

    public void Set(string name, string category, int slotMinutes, int capacityPerSlot)
    {
        Name = name;
        Category = category;
        SlotMinutes = slotMinutes;
        CapacityPerSlot = capacityPerSlot;
    }

    public void Withdraw()
    {
        if (Withdrawn)
        {
            throw new DomainException("Not allowed now", "the service is already withdrawn");
        }
        Withdrawn = true;
    }
}

/// <summary>
/// The count of bookings of one slot. Booking raises it with one conditional UPDATE
/// (… WHERE booked &lt; capacity), so on any number of nodes a slot never takes more than its capacity.
/// </summary>
public sealed class StationSlot(Guid serviceId, long startMs)
{
    public Guid ServiceId { get; private set; } = serviceId;
    public long StartMs { get; private set; } = startMs;
    public int Booked { get; private set; }
}

public enum BookingStatus
{
    Booked,
    Cancelled,
}

/// <summary>A person's place in a slot; a unique index keeps one active booking per person and slot.</summary>
public sealed class StationBooking
{
    private StationBooking()
    {
        UserId = ServiceName = "";
    }

    public StationBooking(Guid id, Guid stationId, Guid serviceId, string serviceName, long startMs, long endMs, string userId, string? bookerNameProtected, long nowMs)
    {
        Id = id;
        StationId = stationId;
        ServiceId = serviceId;
        ServiceName = serviceName;
        StartMs = startMs;
        EndMs = endMs;
        UserId = userId;
        BookerNameProtected = bookerNameProtected;
        CreatedAtMs = nowMs;
        Status = BookingStatus.Booked;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; }
    public long StartMs { get; private set; }
    public long EndMs { get; private set; }
    public string UserId { get; private set; }
    public string? BookerNameProtected { get; private set; }
    public BookingStatus Status { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long? CancelledAtMs { get; private set; }

    public void Cancel(long nowMs)
    {
        if (Status == BookingStatus.Cancelled)
        {
            throw new DomainException("Not allowed now", "the booking is already cancelled");
        }
        if (StartMs <= nowMs)
        {
            throw new DomainException("Not allowed now", "the slot has already begun; a past booking cannot be cancelled");
        }
        Status = BookingStatus.Cancelled;
        CancelledAtMs = nowMs;
    }
}
