using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.ListResources;

namespace Linli.Modules.Lists.RecordResource;

/// <summary>Either a circle ({lon, lat, radiusMeters}) or a list of regions ({regions: [codes]}); absent: the keeping region.</summary>
public sealed record ServiceAreaInput(double? Lon = null, double? Lat = null, int? RadiusMeters = null, IReadOnlyList<string>? Regions = null);

/// <summary>What a provider offers. <c>conditions</c> defaults to free; <c>contactPhone</c> is stored protected.</summary>
public sealed record RecordResourceRequest(string? ProviderKind, string? ProviderName, string? ProviderRef, string? Category, string? Title,
    int? CapacityPerWeek, IReadOnlyList<string>? Availability, ServiceAreaInput? ServiceArea, string? Conditions, string? ConditionNote,
    string? ContactPhone, string? RegionCode);

/// <summary>A request that passed every check, with its parsed windows and service area.</summary>
public sealed record CheckedResource(RecordResourceRequest Request, IReadOnlyList<WeeklyWindow> Windows,
    (double? Lon, double? Lat, int? Radius, IReadOnlyList<string> Regions) Area);

/// <summary>POST /api/v1/resources: staff with lists:manage in the keeping region put an offer on the resource list.</summary>
internal static class RecordResource
{
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Created<ResourceView>> Handle(RecordResourceRequest request, HttpContext http,
        LinliDb db, IAccessControl access, IRegionLookup regions, PersonalDataProtector protector, ResourceViews views, TimeProvider clock,
        CancellationToken ct)
    {
        var id = await RecordAsync(request, http.User, db, access, regions, protector, clock, ct);
        var view = await GetResource.LoadAsync(id, http.User, db, views, regions, access, ct);
        http.Response.Headers.ETag = ListAccess.Versions.ETag(view.Version);
        return TypedResults.Created($"/api/v1/resources/{id}", view);
    }

    public static async Task<Guid> RecordAsync(RecordResourceRequest r, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        if (r.RegionCode?.Trim() is { Length: > 0 } regionCode)
        {
            await access.EnsureAsync(user, Permissions.ListsManage, regionCode);
        }
        var errors = Problems(r, regions, out var checkedRequest);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var resource = Add(db, checkedRequest!, protector, user.Identity?.Name ?? "unknown", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return resource.Id;
    }

    /// <summary>Every problem of a request, by field (the API's names: <c>serviceArea.radiusMeters</c>); when there is none, the request ready to add.</summary>
    public static Dictionary<string, string[]> Problems(RecordResourceRequest r, IRegionLookup regions, out CheckedResource? checkedRequest)
    {
        var regionCode = r.RegionCode?.Trim() ?? "";
        var conditions = string.IsNullOrWhiteSpace(r.Conditions) ? "free" : r.Conditions.Trim();
        var errors = ResourceRules.Problems(r.ProviderKind?.Trim(), r.ProviderName, r.ProviderRef, r.Category?.Trim(), r.Title, r.CapacityPerWeek,
            r.Availability ?? [], conditions, r.ConditionNote, r.ContactPhone, out var windows);
        if (regionCode.Length == 0 || regions.PathTo(regionCode).Count == 0)
        {
            errors["regionCode"] = [$"'{regionCode}' is not a region of this city"];
        }
        var area = Area(r.ServiceArea, regionCode, regions, errors);
        checkedRequest = errors.Count == 0 ? new CheckedResource(r with { RegionCode = regionCode, Conditions = conditions }, windows, area) : null;
        return errors;
    }

    /// <summary>Adds a checked request to the list with the first step of its history; the caller saves (so an import is one transaction).</summary>
    public static Resource Add(LinliDb db, CheckedResource c, PersonalDataProtector protector, string actor, DateTimeOffset now)
    {
        var r = c.Request;
        var phone = r.ContactPhone is { Length: > 0 } p ? PersonalDataFormats.Normalise(PersonalDataKind.Phone, p) : null;
        var resource = new Resource(Guid.CreateVersion7(now), r.ProviderKind!.Trim(), r.ProviderName!.Trim(), Blank(r.ProviderRef), r.Category!.Trim(),
            r.Title!.Trim(), r.CapacityPerWeek!.Value, c.Windows, c.Area.Lon, c.Area.Lat, c.Area.Radius, c.Area.Regions, r.Conditions!, Blank(r.ConditionNote),
            protector.Protect(phone), r.RegionCode!, actor, now);
        db.Resources.Add(resource);
        db.ListEvents.Add(new ListEvent(ListEntity.Resource, resource.Id, "recorded", actor,
            $"{resource.ProviderKind}: {resource.Category} × {resource.CapacityPerWeek}/week", now));
        return resource;
    }

    /// <summary>
    /// A circle keeps its centre; a list of regions (or none: the keeping region) gets the keeping
    /// region's point, so the map and distances have somewhere to put it while the radius stays empty.
    /// </summary>
    private static (double? Lon, double? Lat, int? Radius, IReadOnlyList<string> Regions) Area(ServiceAreaInput? input, string regionCode,
        IRegionLookup regions, Dictionary<string, string[]> errors)
    {
        var point = regionCode.Length > 0 ? regions.PointIn(regionCode) : null;
        if (input is null || (input.Lon is null && input.Lat is null && input.RadiusMeters is null && input.Regions is null))
        {
            return (point?.Lon, point?.Lat, null, [regionCode]);
        }
        var circle = input.Lon is not null || input.Lat is not null || input.RadiusMeters is not null;
        if (circle && input.Regions is not null)
        {
            errors["serviceArea"] = ["either a circle {lon, lat, radiusMeters} or {regions: [codes]}, not both"];
            return default;
        }
        if (circle)
        {
            if (input.Lon is not (>= -180 and <= 180)) errors["serviceArea.lon"] = ["a longitude within ±180"];
            if (input.Lat is not (>= -90 and <= 90)) errors["serviceArea.lat"] = ["a latitude within ±90"];
            if (input.RadiusMeters is not (>= ResourceRules.MinRadius and <= ResourceRules.MaxRadius))
            {
                errors["serviceArea.radiusMeters"] = [$"metres from {ResourceRules.MinRadius} to {ResourceRules.MaxRadius:N0}"];
            }
            return (input.Lon, input.Lat, input.RadiusMeters, []);
        }
        var codes = input.Regions!.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count is 0 or > ResourceRules.MaxServiceRegions)
        {
            errors["serviceArea.regions"] = [$"from 1 to {ResourceRules.MaxServiceRegions} region codes"];
        }
        else if (codes.FirstOrDefault(c => regions.PathTo(c).Count == 0) is { } unknown)
        {
            errors["serviceArea.regions"] = [$"'{unknown}' is not a region of this city"];
        }
        else if (string.Join(',', codes).Length > 1000)
        {
            errors["serviceArea.regions"] = ["too many regions (at most 1,000 characters stored)"];
        }
        return (point?.Lon, point?.Lat, null, codes);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
