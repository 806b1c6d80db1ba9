using System.Security.Claims;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Roads.ImportRoutes;

/// <summary>What an import did: carriageways read, added and redrawn, as "G60 up".</summary>
public sealed record RouteImportSummary(int Features, int Added, int Redrawn, IReadOnlyList<string> Carriageways);

/// <summary>
/// All or nothing: every feature is checked first (geometry, stakes, one feature per code and
/// direction, the importer's unit), then new carriageways are added and known ones redrawn in one
/// SaveChanges, which is one transaction. A known (code, direction) is redrawn, so an export imports back.
/// The demo seeder goes through here too, without a user.
/// </summary>
internal sealed class RouteImporter(IRegionLookup regions, RoadNetwork network, TimeProvider clock, ILogger<RouteImporter> logger)
{
    public const int MaxReportedErrors = 1_000;

    /// <summary>Districts are looked up every this many metres along a line.</summary>
    private const double DistrictSampleMeters = 500;

    public async Task<(RouteImportSummary? Summary, IReadOnlyList<RouteImportError> Errors)> ImportAsync(LinliDb db, JsonElement root,
        UnitScope scope, string actor, CancellationToken ct)
    {
        var (routes, errors) = RouteGeoJson.Read(root);
        var seen = new Dictionary<(string, string), int>();
        foreach (var route in routes)
        {
            if (seen.TryGetValue((route.Code, route.Direction), out var first))
            {
                errors.Add(new RouteImportError(route.Index, route.Code, "direction",
                    $"{route.Code} {route.Direction} appears again (first at index {first})"));
            }
            else
            {
                seen[(route.Code, route.Direction)] = route.Index;
            }
            if (!scope.CoversUnit(route.Operator))
            {
                errors.Add(new RouteImportError(route.Index, route.Code, "operator", $"you may import only the routes of your unit ({string.Join(", ", scope.Units)})"));
            }
        }
        var codes = routes.Select(r => r.Code).Distinct().ToList();
        var known = await db.Expressways.Where(e => codes.Contains(e.Code)).ToListAsync(ct);
        foreach (var existing in known.Where(e => !scope.CoversUnit(e.Operator)))
        {
            foreach (var route in routes.Where(r => r.Code == existing.Code && r.Direction == existing.Direction))
            {
                errors.Add(new RouteImportError(route.Index, route.Code, "code", $"{existing.Code} {existing.Direction} is run by {existing.Operator}, not your unit"));
            }
        }
        if (errors.Count > 0)
        {
            return (null, [.. errors.OrderBy(e => e.Index).Take(MaxReportedErrors)]);
        }
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var added = 0;
        foreach (var route in routes)
        {
            var marks = JsonSerializer.Serialize(route.Marks.Select(m => new { along = Math.Round(m.Along, 2), stake = Math.Round(m.Stake, 2) }));
            var existing = known.FirstOrDefault(e => e.Code == route.Code && e.Direction == route.Direction);
            if (existing is null)
            {
                existing = new Expressway(Guid.NewGuid(), route.Code, route.Name, route.Direction, route.Operator, route.Line, marks, route.Route.LengthMeters, nowMs);
                db.Expressways.Add(existing);
                added++;
            }
            else
            {
                existing.Redraw(route.Name, route.Operator, route.Line, marks, route.Route.LengthMeters, nowMs);
            }
            existing.CrossDistricts(DistrictsAlong(route.Route));
            db.TrafficEvents.Add(new TrafficEvent(existing.Id, "route", existing.Version == 0 ? "imported" : "redrawn", actor,
                $"{route.Code} {route.Direction} {Stakes.Format(route.Route.FirstStake)}–{Stakes.Format(route.Route.LastStake)}, {route.Route.LengthMeters / 1000:0.0} km",
                nowMs));
        }
        await db.SaveChangesAsync(ct);
        network.Invalidate();
        logger.LogInformation("Imported {Count} carriageways ({Added} added) by {Actor}", routes.Count, added, actor);
        return (new RouteImportSummary(routes.Count, added, routes.Count - added, [.. routes.Select(r => $"{r.Code} {r.Direction}")]), []);
    }

    private IEnumerable<string> DistrictsAlong(RouteLine line)
    {
        var steps = (int)Math.Ceiling(line.LengthMeters / DistrictSampleMeters);
        for (var i = 0; i <= steps; i++)
        {
            var point = line.PointAlong(i * line.LengthMeters / Math.Max(1, steps));
            if (regions.Locate(point.X, point.Y)?.District is { } district)
            {
                yield return district.Code;
            }
        }
    }

    /// <summary>The 422 an API caller gets: nothing was imported, and why, feature by feature.</summary>
    public static UnprocessableException Refused(IReadOnlyList<RouteImportError> errors)
    {
        var refused = new UnprocessableException("The file was refused; nothing was imported.",
            $"{errors.Count} problem(s) in {errors.Select(e => e.Index).Distinct().Count()} feature(s); see 'errors' (index = position in the features array, from 0).");
        refused.Extensions["errors"] = errors;
        return refused;
    }

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "system";
}
