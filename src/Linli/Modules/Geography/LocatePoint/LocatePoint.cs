using Linli.Infrastructure.Errors;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Geography.LocatePoint;

public sealed record LocatedGrid(string Code, string Name, bool Approximate);

public sealed record LocateResponse(
    double Lon,
    double Lat,
    bool Approximate,
    double DistanceM,
    RegionRef? Building,
    RegionRef? MicroGrid,
    LocatedGrid Grid,
    RegionRef? Community,
    RegionRef? Street,
    RegionRef? District,
    RegionRef? City);

internal static class LocatePoint
{
    public const int MaxBatch = 100_000;

    public static Ok<LocateResponse> Handle(double? lon, double? lat, IRegionLookup lookup)
    {
        var errors = new Dictionary<string, string[]>();
        CheckCoordinate("lon", lon, 180, errors);
        CheckCoordinate("lat", lat, 90, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        EnsureReady(lookup);
        var location = lookup.Locate(lon!.Value, lat!.Value)
            ?? throw new NotFoundException($"No grid contains ({lon}, {lat}) or lies within 50 m of it.");
        return TypedResults.Ok(new LocateResponse(
            lon.Value, lat.Value, location.Approximate, location.DistanceMeters,
            location.Building, location.MicroGrid,
            new LocatedGrid(location.Grid.Code, location.Grid.Name, location.Approximate),
            location.Community, location.Street, location.District, location.City));
    }

    /// <summary>Up to 100,000 <c>[lon, lat]</c> pairs in, one grid code (or null) per pair out, in order.</summary>
    public static Ok<string?[]> HandleBatch(double[][]? points, IRegionLookup lookup)
    {
        if (points is null)
        {
            throw new RequestValidationException("body", "send a JSON array of [lon, lat] pairs");
        }
        if (points.Length > MaxBatch)
        {
            throw new RequestValidationException("body", $"at most {MaxBatch} points per request, not {points.Length}");
        }
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < points.Length && errors.Count < 100; i++)
        {
            var p = points[i];
            if (p is null || p.Length != 2)
            {
                errors[$"[{i}]"] = ["must be a [lon, lat] pair"];
            }
            else if (!InRange(p[0], 180) || !InRange(p[1], 90))
            {
                errors[$"[{i}]"] = [$"({p[0]}, {p[1]}) is not a longitude in [-180, 180] and a latitude in [-90, 90]"];
            }
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        EnsureReady(lookup);
        var codes = new string?[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            codes[i] = lookup.LocateGridCode(points[i][0], points[i][1]);
        }
        return TypedResults.Ok(codes);
    }

    private static void EnsureReady(IRegionLookup lookup)
    {
        if (!lookup.IsReady)
        {
            throw new NotReadyException("The region index is still loading; try again in a few seconds.");
        }
    }

    private static bool InRange(double value, double limit) => !double.IsNaN(value) && value >= -limit && value <= limit;

    private static void CheckCoordinate(string field, double? value, double limit, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            errors[field] = ["is required"];
        }
        else if (!InRange(value.Value, limit))
        {
            errors[field] = [$"must be between {-limit} and {limit} (WGS-84 degrees)"];
        }
    }
}
