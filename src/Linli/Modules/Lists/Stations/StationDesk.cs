using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Stations;

/// <summary>
/// Staff keep stations and their services; each is also a row of the resource list (provider
/// kind "station"), written in the same SaveChanges so the two never disagree.
/// </summary>
internal sealed class StationDesk(IRegionLookup regions, IAccessControl access, TimeProvider clock)
{
    public const string ProviderKind = "station";

    public async Task<StationView> CreateAsync(LinliDb db, ClaimsPrincipal user, StationRequest request, CancellationToken ct)
    {
        var (regionCode, lon, lat, windows) = Check(request);
        await access.EnsureAsync(user, Permissions.ListsManage, regionCode);
        var now = clock.GetUtcNow();
        var station = new Station(Guid.CreateVersion7(now), UserId(user), now.ToUnixTimeMilliseconds());
        station.Set(request.Name!.Trim(), regionCode, request.Address?.Trim() ?? "", lon, lat, windows);
        db.Stations.Add(station);
        var resource = new Resource(station.Id, ProviderKind, station.Name, station.Id.ToString(), request.Category ?? "courier-services",
            $"{station.Name}", request.VisitorsPerWeek ?? 100, windows, lon, lat, 1000, [], "free", null, null, regionCode, UserId(user), now);
        db.Resources.Add(resource);
        db.ListEvents.Add(new ListEvent(ListEntity.Resource, resource.Id, "published", UserId(user), station.Name, now));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, station.Id, ct);
    }

    public async Task<StationView> UpdateAsync(LinliDb db, ClaimsPrincipal user, Guid id, StationRequest request, CancellationToken ct)
    {
        var station = await FindAsync(db, id, ct);
        await access.EnsureAsync(user, Permissions.ListsManage, station.RegionCode);
        var (regionCode, lon, lat, windows) = Check(request);
        await access.EnsureAsync(user, Permissions.ListsManage, regionCode);
        station.Set(request.Name!.Trim(), regionCode, request.Address?.Trim() ?? "", lon, lat, windows);
        var now = clock.GetUtcNow();
        foreach (var resource in await db.Resources.Where(r => r.ProviderKind == ProviderKind && r.ProviderRef == id.ToString()).ToListAsync(ct))
        {
            var entry = db.Entry(resource);
            entry.Property(r => r.Availability).CurrentValue = station.OpeningHours;
            entry.Property(r => r.Lon).CurrentValue = lon;
            entry.Property(r => r.Lat).CurrentValue = lat;
            entry.Property(r => r.RegionCode).CurrentValue = regionCode;
            entry.Property(r => r.UpdatedAt).CurrentValue = now;
            if (resource.Id == station.Id)
            {
                entry.Property(r => r.Title).CurrentValue = station.Name;
            }
            entry.Property(r => r.ProviderName).CurrentValue = station.Name;
            db.ListEvents.Add(new ListEvent(ListEntity.Resource, resource.Id, "revised", UserId(user), "opening hours or place changed", now));
        }
        await db.SaveChangesAsync(ct);
        await SyncServiceCapacitiesAsync(db, station, UserId(user), ct);
        return await ViewAsync(db, station.Id, ct);
    }

    public async Task<StationView> AddServiceAsync(LinliDb db, ClaimsPrincipal user, Guid stationId, ServiceRequest request, CancellationToken ct)
    {
        var station = await FindAsync(db, stationId, ct);
        await access.EnsureAsync(user, Permissions.ListsManage, station.RegionCode);
        Check(request);
        var now = clock.GetUtcNow();
        var service = new StationService(Guid.CreateVersion7(now), station.Id);
        service.Set(request.Name!.Trim(), request.Category!, request.SlotMinutes!.Value, request.CapacityPerSlot!.Value);
        db.StationServices.Add(service);
        db.Resources.Add(new Resource(service.Id, ProviderKind, station.Name, station.Id.ToString(), service.Category, $"{station.Name}: {service.Name}",
            SlotCalendar.PlacesPerWeek(station.Windows, service.SlotMinutes, service.CapacityPerSlot), station.Windows, station.Lon, station.Lat, 1000, [],
            "free", $"{service.SlotMinutes}-minute slots, book at /stations/{station.Id}", null, station.RegionCode, UserId(user), now));
        db.ListEvents.Add(new ListEvent(ListEntity.Resource, service.Id, "published", UserId(user), $"{station.Name}: {service.Name}", now));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, station.Id, ct);
    }

    public async Task<StationView> UpdateServiceAsync(LinliDb db, ClaimsPrincipal user, Guid serviceId, ServiceRequest request, CancellationToken ct)
    {
        var service = await db.StationServices.FirstOrDefaultAsync(s => s.Id == serviceId, ct) ?? throw new NotFoundException($"No station service {serviceId}.");
        var station = await FindAsync(db, service.StationId, ct);
        await access.EnsureAsync(user, Permissions.ListsManage, station.RegionCode);
        Check(request);
        if (service.Withdrawn)
        {
            throw new DomainException("Not allowed now", "a withdrawn service cannot be changed");
        }
        service.Set(request.Name!.Trim(), request.Category!, request.SlotMinutes!.Value, request.CapacityPerSlot!.Value);
        var resource = await db.Resources.FirstAsync(r => r.Id == service.Id, ct);
        db.Entry(resource).Property(r => r.Title).CurrentValue = $"{station.Name}: {service.Name}";
        db.Entry(resource).Property(r => r.Category).CurrentValue = service.Category;
        await db.SaveChangesAsync(ct);
        await SyncServiceCapacitiesAsync(db, station, UserId(user), ct);
        return await ViewAsync(db, station.Id, ct);
    }

    /// <summary>Withdraws a service and its resource; bookings already made stand (the station honours them).</summary>
    public async Task WithdrawServiceAsync(LinliDb db, ClaimsPrincipal user, Guid serviceId, CancellationToken ct)
    {
        var service = await db.StationServices.FirstOrDefaultAsync(s => s.Id == serviceId, ct) ?? throw new NotFoundException($"No station service {serviceId}.");
        var station = await FindAsync(db, service.StationId, ct);
        await access.EnsureAsync(user, Permissions.ListsManage, station.RegionCode);
        service.Withdraw();
        var resource = await db.Resources.FirstAsync(r => r.Id == service.Id, ct);
        if (resource.Status != ResourceStatus.Withdrawn)
        {
            db.ListEvents.Add(resource.Withdrawn(UserId(user), "the station withdrew the service", clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SyncServiceCapacitiesAsync(LinliDb db, Station station, string actor, CancellationToken ct)
    {
        var services = await db.StationServices.Where(s => s.StationId == station.Id && !s.Withdrawn).ToListAsync(ct);
        var ids = services.Select(s => s.Id).ToList();
        var resources = await db.Resources.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var service in services)
        {
            var places = SlotCalendar.PlacesPerWeek(station.Windows, service.SlotMinutes, service.CapacityPerSlot);
            if (resources.TryGetValue(service.Id, out var resource) && resource.CapacityPerWeek != places)
            {
                db.ListEvents.Add(resource.CapacityChanged(places, actor, clock.GetUtcNow()));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task<Station> FindAsync(LinliDb db, Guid id, CancellationToken ct) =>
        await db.Stations.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"No station {id}.");

    public static async Task<List<StationView>> ListAsync(LinliDb db, string? regionCode, CancellationToken ct)
    {
        var stations = await db.Stations.AsNoTracking().Where(s => !s.Closed).ToListAsync(ct);
        var services = (await db.StationServices.AsNoTracking().Where(s => !s.Withdrawn).ToListAsync(ct)).ToLookup(s => s.StationId);
        return stations.Where(s => regionCode is null || RegionScope.Covers(regionCode, s.RegionCode))
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => View(s, services[s.Id])).ToList();
    }

    public static async Task<StationView> ViewAsync(LinliDb db, Guid id, CancellationToken ct)
    {
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"No station {id}.");
        var services = await db.StationServices.AsNoTracking().Where(s => s.StationId == id).ToListAsync(ct);
        return View(station, services);
    }

    private static StationView View(Station s, IEnumerable<StationService> services) => new(s.Id, s.Name, s.RegionCode, s.Address, s.Lon, s.Lat,
        s.Windows.Select(w => w.ToString()).ToList(),
        services.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => new ServiceView(v.Id, v.Name, v.Category, v.SlotMinutes, v.CapacityPerSlot, v.Withdrawn)).ToList());

    private (string RegionCode, double? Lon, double? Lat, List<WeeklyWindow> Windows) Check(StationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required"];
        else if (request.Name.Trim().Length > 200) errors["name"] = ["at most 200 characters"];
        if (request.Address?.Trim().Length > 300) errors["address"] = ["at most 300 characters"];
        if (request.Category is not null && !NeedCategories.IsKnown(request.Category)) errors["category"] = ["choose one of the need categories"];
        if (request.VisitorsPerWeek is < 1 or > 100_000) errors["visitorsPerWeek"] = ["between 1 and 100,000"];
        var regionCode = request.RegionCode?.Trim() ?? "";
        var (lon, lat) = (request.Lon, request.Lat);
        if (lon is { } x && lat is { } y && string.IsNullOrEmpty(regionCode))
        {
            regionCode = regions.LocateGridCode(x, y) ?? "";
        }
        if (regionCode.Length == 0 || regions.PathTo(regionCode).Count == 0) errors["regionCode"] = ["give an existing region code, or a location inside a grid"];
        else if ((lon is null || lat is null) && regions.PointIn(regionCode) is { } p) (lon, lat) = (p.Lon, p.Lat);
        var windows = new List<WeeklyWindow>();
        foreach (var text in request.OpeningHours ?? [])
        {
            if (WeeklyWindow.TryParse(text, out var window, out var error)) windows.Add(window);
            else errors["openingHours"] = [error];
        }
        if (windows.Count == 0 && !errors.ContainsKey("openingHours")) errors["openingHours"] = ["give the weekly opening hours, like 'Mon-Fri 09:00-17:00'"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return (regionCode, lon, lat, windows);
    }

    private static void Check(ServiceRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required"];
        else if (request.Name.Trim().Length > 100) errors["name"] = ["at most 100 characters"];
        if (!NeedCategories.IsKnown(request.Category)) errors["category"] = ["choose one of the need categories"];
        if (request.SlotMinutes is not (>= 5 and <= 480)) errors["slotMinutes"] = ["between 5 and 480 minutes"];
        if (request.CapacityPerSlot is not (>= 1 and <= 1000)) errors["capacityPerSlot"] = ["between 1 and 1,000 places"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
