namespace Linli.Modules.Lists.Stations;

public sealed record StationRequest(string? Name, string? RegionCode, string? Address, double? Lon, double? Lat, IReadOnlyList<string>? OpeningHours,
    string? Category, int? VisitorsPerWeek);

public sealed record ServiceRequest(string? Name, string? Category, int? SlotMinutes, int? CapacityPerSlot);

public sealed record BookRequest(Guid? ServiceId, DateTimeOffset? Start);

public sealed record ServiceView(Guid Id, string Name, string Category, int SlotMinutes, int CapacityPerSlot, bool Withdrawn);

public sealed record StationView(Guid Id, string Name, string RegionCode, string Address, double? Lon, double? Lat, IReadOnlyList<string> OpeningHours,
    IReadOnlyList<ServiceView> Services);

public sealed record SlotView(Guid ServiceId, string ServiceName, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Booked, int Free, bool BookedByMe);

/// <summary>A booking; <see cref="Booker"/> (masked) only in the staff's list.</summary>
public sealed record BookingView(Guid Id, Guid StationId, string StationName, Guid ServiceId, string ServiceName, DateTimeOffset Start, DateTimeOffset End,
    string Status, string? Booker);
