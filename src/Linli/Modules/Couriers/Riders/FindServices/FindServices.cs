using Linli.Infrastructure.Localization;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Couriers.Riders.FindServices;

/// <summary>GeoJSON properties of a worker service (RFC 7946 point features).</summary>
public sealed record ServiceFeatureProperties(Guid Id, string Kind, string KindName, string Title, string ProviderName, int DistanceMeters,
    IReadOnlyList<string> Availability, string Conditions, string? ConditionNote, string? BookUrl);

public sealed record ServiceFeature(ServicePoint Geometry, ServiceFeatureProperties Properties)
{
    public string Type => "Feature";
}

public sealed record ServicePoint(double[] Coordinates)
{
    public string Type => "Point";
}

public sealed record ServiceFeatureCollection(IReadOnlyList<ServiceFeature> Features, bool Truncated)
{
    public string Type => "FeatureCollection";
}

/// <summary><c>GET /api/v1/couriers/services</c> and its map twin <c>.geojson</c>.</summary>
internal static class FindServices
{
    public static async Task<Ok<WorkerServicesAnswer>> Handle(double? lon, double? lat, int? radius, string? kind, IRegionLookup regions,
        IResourceDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await WorkerServices.FindAsync(WorkerServices.Check(lon, lat, radius, kind, regions), directory, !Lang.IsEnglish, ct));

    public static async Task<IResult> GeoJson(double? lon, double? lat, int? radius, string? kind, IRegionLookup regions,
        IResourceDirectory directory, CancellationToken ct)
    {
        var answer = await WorkerServices.FindAsync(WorkerServices.Check(lon, lat, radius, kind, regions), directory, !Lang.IsEnglish, ct);
        var features = answer.Items.Select(s => new ServiceFeature(new ServicePoint([s.Lon, s.Lat]), new ServiceFeatureProperties(s.Id, s.Kind, s.KindName,
            s.Title, s.ProviderName, s.DistanceMeters, s.Availability, s.Conditions, s.ConditionNote, s.BookUrl))).ToList();
        return TypedResults.Json(new ServiceFeatureCollection(features, answer.Truncated), contentType: "application/geo+json");
    }
}
