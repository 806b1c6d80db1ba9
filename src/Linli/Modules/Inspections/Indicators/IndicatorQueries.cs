using Linli.Modules.Access.Contracts;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>Counts grouped in the database by district (the first six digits of the region code) and person.</summary>
internal sealed record CompletionCount(string District, string? Inspector, DateOnly DueOn, InspectionStatus Status, long? CompletedDay, long Count);

internal sealed record FoundCount(string District, string FoundBy, string Grade, long Count);

internal sealed record DeadlineCount(string District, string FoundBy, DateOnly Deadline, HazardStatus Status, bool? RectifiedOnTime, long Count);

internal sealed record OverdueCount(string District, long Count);

/// <summary>One emergency's times: few enough per period (tens a day) to read for the percentiles.</summary>
internal sealed record RepairTimesRow(string RegionCode, Guid? CrewId, long ReportedAtMs, long? OnSiteAtMs, long? MadeSafeAtMs, int TargetOnSiteMinutes);

/// <summary>
/// The SQL behind the indicators. Users are narrowed once (scope, utility, district) and joined to
/// inspections and hazards, which carry no region of their own; repair tickets carry theirs.
/// </summary>
internal static class IndicatorQueries
{
    public static IQueryable<UtilityCustomer> Customers(LinliDb db, UnitScope scope, string? utility, string? district)
    {
        var customers = scope.Filter(db.UtilityCustomers.AsNoTracking(), c => c.Utility, c => c.RegionCode);
        if (utility is not null)
        {
            customers = customers.Where(c => c.Utility == utility);
        }
        if (district is not null)
        {
            customers = customers.Where(c => c.RegionCode.StartsWith(district));
        }
        return customers;
    }

    public static Task<List<CompletionCount>> CompletionAsync(LinliDb db, IQueryable<UtilityCustomer> customers, IndicatorPeriod period, CancellationToken ct) =>
        (from i in db.Inspections.AsNoTracking()
         join c in customers on i.CustomerId equals c.Id
         where i.Kind == InspectionKinds.Periodic && i.Status != InspectionStatus.Cancelled && i.DueOn >= period.From && i.DueOn <= period.To
         // The China day of completion, by integer division, so "done by the due day" is decided outside without reading rows.
         group i by new
         {
             District = c.RegionCode.Substring(0, 6),
             i.Inspector,
             i.DueOn,
             i.Status,
             CompletedDay = (i.CompletedAtMs + IndicatorPeriod.ChinaOffsetMs) / IndicatorPeriod.DayMs,
         } into g
         select new CompletionCount(g.Key.District, g.Key.Inspector, g.Key.DueOn, g.Key.Status, g.Key.CompletedDay, g.LongCount()))
        .ToListAsync(ct);

    public static Task<List<FoundCount>> FoundAsync(LinliDb db, IQueryable<UtilityCustomer> customers, IndicatorPeriod period, CancellationToken ct)
    {
        var fromMs = period.FromMs;
        var toMs = period.ToMsExclusive;
        return (from h in db.Hazards.AsNoTracking()
                join c in customers on h.CustomerId equals c.Id
                where h.FoundAtMs >= fromMs && h.FoundAtMs < toMs
                group h by new { District = c.RegionCode.Substring(0, 6), h.FoundBy, h.Grade } into g
                select new FoundCount(g.Key.District, g.Key.FoundBy, g.Key.Grade, g.LongCount()))
            .ToListAsync(ct);
    }

    public static Task<List<DeadlineCount>> DeadlinesAsync(LinliDb db, IQueryable<UtilityCustomer> customers, IndicatorPeriod period, CancellationToken ct) =>
        (from h in db.Hazards.AsNoTracking()
         join c in customers on h.CustomerId equals c.Id
         where h.Deadline >= period.From && h.Deadline <= period.To
         group h by new { District = c.RegionCode.Substring(0, 6), h.FoundBy, h.Deadline, h.Status, h.RectifiedOnTime } into g
         select new DeadlineCount(g.Key.District, g.Key.FoundBy, g.Key.Deadline, g.Key.Status, g.Key.RectifiedOnTime, g.LongCount()))
        .ToListAsync(ct);

    /// <summary>Active users overdue now: an open periodic inspection due before today, or a next due day before today.</summary>
    public static Task<List<OverdueCount>> OverdueAsync(LinliDb db, IQueryable<UtilityCustomer> customers, DateOnly today, CancellationToken ct)
    {
        var overdueInspections = db.Inspections.AsNoTracking().Where(i => i.Kind == InspectionKinds.Periodic
            && (i.Status == InspectionStatus.Due || i.Status == InspectionStatus.Planned) && i.DueOn < today);
        return customers
            .Where(c => c.Active && ((c.NextDueOn != null && c.NextDueOn < today) || overdueInspections.Any(i => i.CustomerId == c.Id)))
            .GroupBy(c => c.RegionCode.Substring(0, 6))
            .Select(g => new OverdueCount(g.Key, g.LongCount()))
            .ToListAsync(ct);
    }

    public static Task<List<RepairTimesRow>> RepairsAsync(LinliDb db, UnitScope scope, string? utility, string? district, IndicatorPeriod period,
        CancellationToken ct)
    {
        var fromMs = period.FromMs;
        var toMs = period.ToMsExclusive;
        var tickets = scope.Filter(db.RepairTickets.AsNoTracking(), t => t.Utility, t => t.RegionCode)
            .Where(t => t.Kind == RepairKinds.Emergency && t.Status != RepairStatus.Cancelled && t.ReportedAtMs >= fromMs && t.ReportedAtMs < toMs);
        if (utility is not null)
        {
            tickets = tickets.Where(t => t.Utility == utility);
        }
        if (district is not null)
        {
            tickets = tickets.Where(t => t.RegionCode.StartsWith(district));
        }
        return tickets.Select(t => new RepairTimesRow(t.RegionCode, t.CrewId, t.ReportedAtMs, t.OnSiteAtMs, t.MadeSafeAtMs, t.TargetOnSiteMinutes))
            .ToListAsync(ct);
    }
}
