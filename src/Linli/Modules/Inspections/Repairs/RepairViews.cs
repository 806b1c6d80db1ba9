using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs;

/// <summary>A repair ticket as the API and pages show it: the caller's phone masked, every step's time, minutes to site against the target.</summary>
public sealed record RepairView(Guid Id, string Number, string Utility, string Kind, string Source, string Status, string Description, string Address,
    double Lon, double Lat, string RegionCode, bool Urban, int TargetOnSiteMinutes, string? CallerPhone, string? CaseNumber, Guid? CustomerId,
    DateOnly? PlannedOn, Guid? CrewId, string? CrewName, DateTimeOffset ReportedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? OnSiteAt,
    DateTimeOffset? MadeSafeAt, DateTimeOffset? FinishedAt, double? MinutesToSite, double ElapsedMinutes, bool? TargetMet, bool Waiting,
    string? Resolution, string ReportedBy, int Version);

public sealed record RepairEventView(string Action, string Actor, string? Note, DateTimeOffset At);

public sealed record RepairDetail(RepairView Ticket, IReadOnlyList<RepairEventView> History, IReadOnlyList<string> CrewMembers);

/// <summary>A crew as the API and pages show it; available means on duty with no ticket.</summary>
public sealed record CrewView(Guid Id, string Utility, string Name, IReadOnlyList<string> Members, double Lon, double Lat, DateTimeOffset PositionAt,
    bool OnDuty, Guid? CurrentTicketId, string? CurrentTicketNumber, bool Available, int Version);

internal static class RepairViews
{
    public static RepairView View(RepairTicket t, string? crewName, long nowMs)
    {
        var until = t.OnSiteAtMs ?? (t.IsOpen ? nowMs : t.FinishedAtMs ?? t.UpdatedAtMs);
        return new RepairView(t.Id, t.Number, t.Utility, t.Kind, t.Source, t.Status.ToString(), t.Description, t.Address, t.Lon, t.Lat, t.RegionCode,
            t.Urban, t.TargetOnSiteMinutes, t.CallerPhoneMasked, t.CaseNumber, t.CustomerId, t.PlannedOn, t.CrewId, crewName,
            RepairSupport.At(t.ReportedAtMs)!.Value, RepairSupport.At(t.DispatchedAtMs), RepairSupport.At(t.OnSiteAtMs), RepairSupport.At(t.MadeSafeAtMs),
            RepairSupport.At(t.FinishedAtMs), t.MinutesToSite, Math.Round(Math.Max(0, until - t.ReportedAtMs) / 60_000.0, 1), t.TargetMet(nowMs),
            t.IsEmergency && t.Status == RepairStatus.Reported, t.Resolution, t.ReportedBy, t.Version);
    }

    public static CrewView Crew(RepairCrew c, string? ticketNumber) =>
        new(c.Id, c.Utility, c.Name, RepairSupport.Members(c), c.Lon, c.Lat, RepairSupport.At(c.PositionAtMs)!.Value, c.OnDuty, c.CurrentTicketId,
            ticketNumber, c.OnDuty && c.CurrentTicketId is null, c.Version);

    public static async Task<Dictionary<Guid, string>> CrewNamesAsync(LinliDb db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        return list.Count == 0 ? [] : await db.RepairCrews.AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public static async Task<RepairDetail> DetailAsync(LinliDb db, RepairTicket t, long nowMs, CancellationToken ct)
    {
        var crew = t.CrewId is { } id ? await db.RepairCrews.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var history = await db.InspectionEvents.AsNoTracking().Where(e => e.SubjectId == t.Id && e.SubjectKind == "repair")
            .OrderBy(e => e.Id).ToListAsync(ct);
        return new RepairDetail(View(t, crew?.Name, nowMs),
            history.Select(e => new RepairEventView(e.Action, e.Actor, e.Note, RepairSupport.At(e.AtMs)!.Value)).ToList(),
            crew is null ? [] : RepairSupport.Members(crew));
    }
}
