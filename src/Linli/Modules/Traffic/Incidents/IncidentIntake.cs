using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Traffic.Data;
using Linli.Modules.Traffic.Roads;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Incidents;

/// <summary>What is known when an incident comes in: where on the network, what it is, who says so.</summary>
public sealed record NewIncident(
    string CategoryCode,
    string Source,
    RoadPosition At,
    string Description,
    int LanesBlocked,
    bool QuickHandling,
    bool Emergency,
    Guid? AccidentReportId,
    string? ReporterName,
    string? ReporterPhone);

/// <summary>
/// The one way an incident is opened, whoever reports it (a driver's phone, the hotline, a patrol):
/// numbers it, records it, and opens the city's case in its category, whose targets then run.
/// </summary>
public sealed class IncidentIntake(ICaseIntake cases, IRegionLookup regions, TimeProvider clock, ILogger<IncidentIntake> logger)
{
    public async Task<Incident> OpenAsync(LinliDb db, NewIncident request, ClaimsPrincipal? user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var actor = user?.Identity?.Name ?? request.Source;
        var district = regions.Locate(request.At.Lon, request.At.Lat)?.District?.Code;
        var incident = new Incident(Guid.CreateVersion7(), await NextNumberAsync(db, now, ct), request.CategoryCode, request.Source,
            request.At.RouteCode, request.At.Direction, request.At.StakeMeters, request.At.Lon, request.At.Lat, request.At.Operator, district,
            request.Description, actor, now);
        incident.Describe(request.LanesBlocked, request.QuickHandling, request.Emergency, request.AccidentReportId);
        db.Incidents.Add(incident);
        db.TrafficEvents.Add(new TrafficEvent(incident.Id, "incident", "reported", actor,
            $"{request.At.RouteCode} {Directions.ChineseName(request.At.Direction)} {request.At.Stake}", now));
        await DailyNumbers.SaveAsync(db, t => NextNumberAsync(db, now, t), incident.Renumber, ct);
        try
        {
            var description = $"{request.At.RouteName}（{request.At.RouteCode}）{Directions.ChineseName(request.At.Direction)} {request.At.Stake}：{request.Description}";
            var receipt = await cases.ReportAsync(new IntakeReport(request.CategoryCode, description, request.At.Lon, request.At.Lat,
                $"{request.At.RouteCode} {request.At.Stake}", request.Source == IncidentSources.Driver ? "phone" : request.Source,
                request.ReporterName, request.ReporterPhone), user, ct);
            incident.LinkCase(receipt.CaseId, receipt.CaseNumber);
            db.TrafficEvents.Add(new TrafficEvent(incident.Id, "incident", receipt.JoinedExisting ? "case-joined" : "case-opened", actor,
                receipt.CaseNumber, now));
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is RequestValidationException or DomainException)
        {
            // Outside the city's regions there is no grid to route a case to; the road company still handles the incident.
            logger.LogWarning(e, "Incident {Number}: no city case opened", incident.Number);
        }
        return incident;
    }

    /// <summary>SG-yyyymmdd-NNNN (事故/事件).</summary>
    private static Task<string> NextNumberAsync(LinliDb db, long nowMs, CancellationToken ct) =>
        DailyNumbers.NextAsync(db.Incidents.Select(i => i.Number), "SG", nowMs, ct);
}
