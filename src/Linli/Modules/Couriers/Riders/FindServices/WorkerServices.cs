using Linli.Infrastructure.Errors;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;

namespace Linli.Modules.Couriers.Riders.FindServices;

/// <summary>A worker service near the rider, as the list and the map show it.</summary>
public sealed record WorkerService(
    Guid Id,
    string Kind,
    string KindName,
    string Title,
    string ProviderName,
    double Lon,
    double Lat,
    int DistanceMeters,
    IReadOnlyList<string> Availability,
    string Conditions,
    string? ConditionNote,
    Guid? StationId,
    Guid? ServiceId,
    string? BookUrl);

public sealed record WorkerServicesAnswer(double Lon, double Lat, int Radius, IReadOnlyList<string> Kinds, IReadOnlyList<WorkerService> Items, bool Truncated);

/// <summary>What was asked: a point in the city, a radius and the kinds wanted.</summary>
public sealed record ServicesQuery(double Lon, double Lat, int Radius, IReadOnlyList<string> Kinds);

/// <summary>
/// Battery-swap cabinets, canteens, rest stops and courses near a point, drawn from the resource
/// list (Lists' <see cref="IResourceDirectory"/>). The general 'courier-services' offers (a
/// merchant's free water and charging) are a fifth kind, so nothing listed for riders is hidden.
/// </summary>
internal static class WorkerServices
{
    public const int DefaultRadius = 3000;
    public const int MaxRadius = 20_000;
    public const int MaxItems = 200;

    public static IReadOnlyList<string> Kinds { get; } = [.. NeedCategories.WorkerServices, "courier-services"];

    public static ServicesQuery Check(double? lon, double? lat, int? radius, string? kind, IRegionLookup regions)
    {
        if (lon is null) throw new RequestValidationException("lon", "is required: the longitude of where you are");
        if (lat is null) throw new RequestValidationException("lat", "is required: the latitude of where you are");
        if (lon is not (>= -180 and <= 180) || double.IsNaN(lon.Value)) throw new RequestValidationException("lon", "a longitude within ±180");
        if (lat is not (>= -90 and <= 90) || double.IsNaN(lat.Value)) throw new RequestValidationException("lat", "a latitude within ±90");
        var r = radius ?? DefaultRadius;
        if (r is < 1 or > MaxRadius) throw new RequestValidationException("radius", $"metres from 1 to {MaxRadius:N0}");
        var kinds = new List<string>();
        foreach (var k in (kind ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Kinds.Contains(k)) throw new RequestValidationException("kind", $"'{k}' is not one of {string.Join(", ", Kinds)}");
            if (!kinds.Contains(k)) kinds.Add(k);
        }
        if (regions.LocateGridCode(lon.Value, lat.Value) is null)
        {
            throw new RequestValidationException("lon", "the point is outside the city Linli serves");
        }
        return new ServicesQuery(lon.Value, lat.Value, r, kinds.Count == 0 ? Kinds : kinds);
    }

    public static async Task<WorkerServicesAnswer> FindAsync(ServicesQuery q, IResourceDirectory directory, bool chinese, CancellationToken ct)
    {
        var found = await directory.NearAsync(q.Lon, q.Lat, q.Radius, [.. q.Kinds], MaxItems + 1, ct);
        var items = found.Take(MaxItems).Select(r => new WorkerService(r.Id, r.Category, KindName(r.Category, chinese), r.Title, r.ProviderName,
            r.Lon, r.Lat, r.DistanceMeters, chinese ? r.AvailabilityZh : r.Availability, r.Conditions, r.ConditionNote, r.StationId, r.ServiceId,
            r.StationId is { } station && r.ServiceId is not null ? $"/stations/{station}" : null)).ToList();
        return new WorkerServicesAnswer(q.Lon, q.Lat, q.Radius, q.Kinds, items, found.Count > MaxItems);
    }

    public static string KindName(string code, bool chinese) =>
        NeedCategories.Find(code) is { } c ? (chinese ? c.Chinese : c.English) : code;
}
