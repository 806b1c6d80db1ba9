using System.Security.Claims;
using System.Text.RegularExpressions;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;

namespace Linli.Modules.Traffic.Incidents;

/// <summary>
/// A call to the desk, a patrol's or a camera's report. Where: lon/lat (snapped to the nearest carriageway,
/// heading optional) or route + direction + stake ("K123+400"). Category 2201–2204. The caller's name and
/// phone go to the case encrypted.
/// </summary>
public sealed record ReportIncidentRequest(string? Category, string? Source, double? Lon, double? Lat, double? Heading, string? Route,
    string? Direction, string? Stake, int? LanesBlocked, string? Description, string? CallerName, string? CallerPhone);

public sealed partial class IncidentDesk
{
    public static IReadOnlyList<string> Categories { get; } = ["2201", "2202", "2203", "2204"];

    /// <summary>Sources the desk records; drivers report through their own phone flow.</summary>
    public static IReadOnlyList<string> DeskSources { get; } = [IncidentSources.Hotline, IncidentSources.Patrol, IncidentSources.Camera];

    public async Task<IncidentView> ReportAsync(ReportIncidentRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var category = r.Category?.Trim() ?? "";
        if (!Categories.Contains(category)) throw new RequestValidationException("category", $"one of {string.Join(", ", Categories)}");
        var source = r.Source?.Trim().ToLowerInvariant() ?? IncidentSources.Hotline;
        if (!DeskSources.Contains(source)) throw new RequestValidationException("source", $"one of {string.Join(", ", DeskSources)}");
        var description = r.Description?.Trim() ?? "";
        if (description.Length is 0 or > 2000) throw new RequestValidationException("description", "what happened, up to 2,000 characters");
        var lanes = r.LanesBlocked ?? 0;
        if (lanes is < 0 or > 8) throw new RequestValidationException("lanesBlocked", "lanes blocked: 0 (hard shoulder) to 8");
        var name = string.IsNullOrWhiteSpace(r.CallerName) ? null : r.CallerName.Trim();
        if (name is { Length: > 50 }) throw new RequestValidationException("callerName", "at most 50 characters");
        var phone = string.IsNullOrWhiteSpace(r.CallerPhone) ? null : r.CallerPhone.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (phone is not null && !PhonePattern().IsMatch(phone)) throw new RequestValidationException("callerPhone", "a mobile (11 digits) or a landline such as 0571-87654321");
        var at = await LocateAsync(r, ct);
        var scope = await TrafficScope.OfAsync(access, user, Permissions.TrafficDispatch, configuration);
        if (!scope.CoversUnit(at.Operator))
        {
            throw new ForbiddenException($"{at.RouteCode} is run by {at.Operator}; its control room takes the report.");
        }
        var incident = await intake.OpenAsync(db, new NewIncident(category, source, at, description, lanes, QuickHandling: false,
            Emergency: category == "2204", AccidentReportId: null, name, phone), user, ct);
        return IncidentViews.Of(incident, await milestones.TargetsAsync(category, ct), clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>The place on the network, or 400 with field <c>location</c> and why.</summary>
    private async Task<RoadPosition> LocateAsync(ReportIncidentRequest r, CancellationToken ct)
    {
        if (r.Lon is { } lon && r.Lat is { } lat)
        {
            if (lon is < -180 or > 180 || lat is < -90 or > 90 || double.IsNaN(lon) || double.IsNaN(lat))
                throw new RequestValidationException("location", "lon/lat is not a WGS 84 point");
            if (r.Heading is { } h && (h < 0 || h >= 360)) throw new RequestValidationException("heading", "degrees from north, 0 to 359");
            var maxOffset = configuration.GetValue("Linli:Traffic:MaxOffsetMeters", 150.0);
            return await roads.LocateAsync(lon, lat, r.Heading, maxOffset, ct)
                ?? throw new RequestValidationException("location", $"the point is more than {maxOffset:0} m from every expressway carriageway");
        }
        if (string.IsNullOrWhiteSpace(r.Route) || string.IsNullOrWhiteSpace(r.Stake))
            throw new RequestValidationException("location", "give lon/lat, or route, direction and stake (K123+400)");
        var direction = r.Direction?.Trim().ToLowerInvariant() ?? "";
        if (!Directions.All.Contains(direction)) throw new RequestValidationException("direction", "up or down");
        if (!Stakes.TryParse(r.Stake, out var stake)) throw new RequestValidationException("stake", "a stake such as K123+400");
        return await roads.PointAtAsync(r.Route.Trim().ToUpperInvariant(), direction, stake, ct)
            ?? throw new RequestValidationException("location", $"{r.Route} {direction} {r.Stake} is not on the network");
    }

    [GeneratedRegex(@"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$")]
    private static partial Regex PhonePattern();
}
