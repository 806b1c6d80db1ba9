using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards;

public sealed record HazardListItem(HazardSummary Hazard, string CustomerNumber, string CustomerName, string Address, string RegionCode,
    DateTimeOffset FoundAt);

public sealed record HistoryStep(DateTimeOffset At, string Action, string Actor, string? Note);

public sealed record HazardDetail(HazardSummary Hazard, string Utility, string CustomerNumber, string CustomerName, string Address, string RegionCode,
    double Lon, double Lat, Guid? InspectionId, string FoundBy, DateTimeOffset FoundAt, DateTimeOffset NoticeIssuedAt, DateTimeOffset? ClosedAt,
    bool? RectifiedOnTime, IReadOnlyList<HistoryStep> History);

public sealed record RectifiedRequest(string? Note);

/// <summary>The hazards desk: lists, one hazard with its history, and "the user reports it rectified".</summary>
internal static class QueryHazards
{
    public static async Task<Ok<List<HazardListItem>>> List(string? status, string? grade, bool? overdue, string? district, Guid? customer, int? take,
        ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var size = take ?? 200;
        if (size is < 1 or > 1000) throw new RequestValidationException("take", "between 1 and 1000");
        var today = HazardDays.Today(clock);
        var query = scope.Filter(from h in db.Hazards.AsNoTracking() join c in db.UtilityCustomers.AsNoTracking() on h.CustomerId equals c.Id
                                 select new { H = h, C = c }, x => x.H.Utility, x => x.C.RegionCode);
        if (status is { Length: > 0 })
        {
            var s = status switch
            {
                "open" => HazardStatus.Open,
                "awaiting-reinspection" => HazardStatus.AwaitingReinspection,
                "closed" => HazardStatus.Closed,
                _ => throw new RequestValidationException("status", "open, awaiting-reinspection or closed"),
            };
            query = query.Where(x => x.H.Status == s);
        }
        if (grade is { Length: > 0 })
        {
            if (grade is not (HazardGrades.General or HazardGrades.Major)) throw new RequestValidationException("grade", "general or major");
            query = query.Where(x => x.H.Grade == grade);
        }
        if (overdue is true) query = query.Where(x => x.H.Status != HazardStatus.Closed && x.H.Deadline < today);
        if (district is { Length: > 0 }) query = query.Where(x => x.C.RegionCode.StartsWith(district));
        if (customer is { } cid) query = query.Where(x => x.H.CustomerId == cid);
        var rows = await query.OrderByDescending(x => x.H.EscalationLevel).ThenBy(x => x.H.Deadline).ThenBy(x => x.H.Number).Take(size).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => new HazardListItem(InspectionViews.Summary(x.H, today), x.C.Number, x.C.Name, x.C.Address,
            x.C.RegionCode, HazardDays.Local(x.H.FoundAtMs))).ToList());
    }

    public static async Task<Ok<HazardDetail>> Get(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var (hazard, customer) = await VisibleAsync(id, user, db, access, Permissions.InspectionsRead, ct);
        return TypedResults.Ok(await DetailAsync(db, hazard, customer, HazardDays.Today(clock), ct));
    }

    public static async Task<HazardDetail> DetailAsync(LinliDb db, Hazard h, UtilityCustomer c, DateOnly today, CancellationToken ct)
    {
        var history = await db.InspectionEvents.AsNoTracking().Where(e => e.SubjectId == h.Id).OrderBy(e => e.Id).ToListAsync(ct);
        return new HazardDetail(InspectionViews.Summary(h, today), h.Utility, c.Number, c.Name, c.Address, c.RegionCode, c.Lon, c.Lat, h.InspectionId,
            h.FoundBy, HazardDays.Local(h.FoundAtMs), HazardDays.Local(h.NoticeIssuedAtMs), h.ClosedAtMs is { } closed ? HazardDays.Local(closed) : null,
            h.RectifiedOnTime, history.Select(e => new HistoryStep(HazardDays.Local(e.AtMs), e.Action, e.Actor, e.Note)).ToList());
    }

    public static async Task<(Hazard Hazard, UtilityCustomer Customer)> VisibleAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        string permission, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, permission);
        var hazard = await db.Hazards.FirstOrDefaultAsync(h => h.Id == id, ct);
        var customer = hazard is null ? null : await db.UtilityCustomers.FirstOrDefaultAsync(c => c.Id == hazard.CustomerId, ct);
        return hazard is not null && customer is not null && scope.Covers(hazard.Utility, customer.RegionCode) ? (hazard, customer)
            : throw new NotFoundException($"Hazard {id} does not exist or lies outside your area.");
    }

    /// <summary>
    /// The desk records that the user reports the hazard rectified: a re-inspection falls due today.
    /// Asking again while one is planned answers the same; a closed hazard cannot be reported again.
    /// </summary>
    public static async Task<Ok<HazardDetail>> Rectified(Guid id, RectifiedRequest? request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var (hazard, customer) = await VisibleAsync(id, user, db, access, Permissions.InspectionsManage, ct);
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsManage);
        if (!scope.CoversUnit(hazard.Utility)) throw new ForbiddenException("Only the utility's desk records a rectification.");
        if (request?.Note?.Length > 500) throw new RequestValidationException("note", "at most 500 characters");
        if (hazard.Status == HazardStatus.Closed) throw new DomainException("Closed", $"Hazard {hazard.Number} is already closed.");
        if (hazard.ItemCode == GasChecklist.NoPeriodicInspection)
        {
            throw new DomainException("Closes by inspection", "A missing periodic inspection is rectified by doing the periodic inspection, not by a re-inspection.");
        }
        var today = HazardDays.Today(clock);
        if (hazard.Status == HazardStatus.Open)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var actor = user.Identity?.Name ?? "?";
            await ScheduleReinspectionAsync(db, hazard, actor, today, now,
                request?.Note is { Length: > 0 } note ? $"用户报告已整改：{note}" : "用户报告已整改 / the user reports it rectified", ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("Changed meanwhile", $"Hazard {hazard.Number} was changed at the same moment; read it again.");
            }
        }
        return TypedResults.Ok(await DetailAsync(db, hazard, customer, today, ct));
    }

    /// <summary>A re-inspection of the hazard due today, on the template the hazard was found with.</summary>
    public static async Task<Inspection> ScheduleReinspectionAsync(LinliDb db, Hazard hazard, string actor, DateOnly today, long nowMs, string note,
        CancellationToken ct)
    {
        var template = hazard.InspectionId is { } found
            ? await db.Inspections.Where(i => i.Id == found).Select(i => i.TemplateCode).FirstOrDefaultAsync(ct) ?? GasChecklist.Code
            : GasChecklist.Code;
        var reinspection = new Inspection(Guid.NewGuid(), hazard.Utility, hazard.CustomerId, InspectionKinds.Reinspection, today, template, hazard.Id, nowMs);
        db.Inspections.Add(reinspection);
        hazard.AwaitReinspection(reinspection.Id, nowMs);
        db.InspectionEvents.Add(new InspectionEvent(hazard.Id, "hazard", "reinspection-scheduled", actor, note, nowMs));
        db.InspectionEvents.Add(new InspectionEvent(reinspection.Id, "inspection", "scheduled", actor, $"复查隐患 {hazard.Number}", nowMs));
        return reinspection;
    }
}
