namespace Linli.Modules.Lists.Contracts;

/// <summary>
/// An active offer near a point, as a rider's services map shows it: no contact, no personal data.
/// <paramref name="StationId"/> and <paramref name="ServiceId"/> are set for a station's service,
/// which is booked through the stations' booking API (<c>/stations/{StationId}</c>).
/// </summary>
public sealed record NearbyResource(
    Guid Id,
    string Category,
    string Title,
    string ProviderName,
    string ProviderKind,
    double Lon,
    double Lat,
    int DistanceMeters,
    IReadOnlyList<string> Availability,
    IReadOnlyList<string> AvailabilityZh,
    string Conditions,
    string? ConditionNote,
    Guid? StationId,
    Guid? ServiceId);

/// <summary>Reads the resource list by place, for modules that point people to what is offered near them.</summary>
public interface IResourceDirectory
{
    /// <summary>
    /// Active resources of the given categories whose own point lies within <paramref name="radiusMeters"/>
    /// of the point, nearest first, at most <paramref name="take"/>. Resources without a point are not
    /// on a map and are left out. Unknown categories are the caller's to refuse.
    /// </summary>
    Task<IReadOnlyList<NearbyResource>> NearAsync(double lon, double lat, int radiusMeters, IReadOnlyCollection<string> categories, int take,
        CancellationToken ct = default);
}
