using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Data;

namespace Linli.Tests.Inspections.Indicators;

/// <summary>Writes users, inspections, hazards and repair tickets straight into the database, with times in China days.</summary>
internal sealed class IndicatorSeed(LinliDb db)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private int _number;

    public static long Ms(int month, int day, int hour = 12, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, China).ToUnixTimeMilliseconds();

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public UtilityCustomer Customer(string utility, string regionCode, DateOnly? nextDueOn = null, bool active = true)
    {
        var number = ++_number;
        var c = new UtilityCustomer(Guid.NewGuid(), utility, $"U{number:0000}", "seed", Ms(1, 1));
        c.Set($"饭店{number}", "91330105MA2XXXXX0" + (number % 10), CustomerTypes.Catering, "测试路1号", 120.11, 30.31, regionCode, SupplyKinds.Pipeline,
            RiskClasses.Medium, "{}", Ms(1, 1));
        c.SetSchedule(null, nextDueOn, Ms(1, 1));
        if (!active)
        {
            c.SetActive(false, Ms(1, 1));
        }
        db.UtilityCustomers.Add(c);
        return c;
    }

    /// <summary>A periodic (or re-) inspection due on a day; planned for an inspector and completed at a time when given.</summary>
    public Inspection Inspection(UtilityCustomer c, DateOnly dueOn, string? inspector = null, long? completedAtMs = null,
        string kind = InspectionKinds.Periodic, bool cancelled = false)
    {
        var i = new Inspection(Guid.NewGuid(), c.Utility, c.Id, kind, dueOn, "gas-commercial", null, Ms(1, 1));
        if (inspector is not null)
        {
            i.Plan(inspector, dueOn, 1, Ms(1, 1));
        }
        if (completedAtMs is { } at)
        {
            i.Complete(inspector ?? "seed", InspectionOutcomes.Pass, 1, "{}", "[]", null, null, null, null, null, at);
        }
        if (cancelled)
        {
            i.Cancel(Ms(1, 1));
        }
        db.Inspections.Add(i);
        return i;
    }

    public Hazard Hazard(UtilityCustomer c, string grade, string foundBy, long foundAtMs, DateOnly deadline, DateOnly? closedOn = null)
    {
        var number = ++_number;
        var h = new Hazard(Guid.NewGuid(), c.Utility, $"YH-20260301-{number:0000}", c.Id, null, "hose", grade, "软管老化", $"TZ-20260301-{number:0000}",
            deadline, foundBy, foundAtMs);
        if (closedOn is { } day)
        {
            h.Close(null, day, Ms(day.Month, day.Day));
        }
        db.Hazards.Add(h);
        return h;
    }

    /// <summary>An emergency reported at a time, on site and made safe so many minutes later when given.</summary>
    public RepairTicket Emergency(string utility, string regionCode, long reportedAtMs, int? onSiteMinutes, int? madeSafeMinutes = null, RepairCrew? crew = null,
        string kind = RepairKinds.Emergency, bool cancelled = false)
    {
        var number = ++_number;
        var t = new RepairTicket(Guid.NewGuid(), utility, $"QX-20260301-{number:0000}", kind, "hotline", "desk", reportedAtMs);
        t.Describe(null, "燃气泄漏", "测试路1号", 120.11, 30.31, regionCode, true, 30, null, null, null, null, reportedAtMs);
        if (crew is not null)
        {
            t.Dispatch(crew.Id, reportedAtMs + 60_000);
        }
        if (onSiteMinutes is { } m)
        {
            t.ArriveOnSite(reportedAtMs + m * 60_000L);
        }
        if (madeSafeMinutes is { } s)
        {
            t.MakeSafe(reportedAtMs + s * 60_000L);
        }
        if (cancelled)
        {
            t.Cancel("误报", reportedAtMs + 120_000);
        }
        db.RepairTickets.Add(t);
        return t;
    }

    public RepairCrew Crew(string utility, string name)
    {
        var crew = new RepairCrew(Guid.NewGuid(), utility, name, "crew-a", 120.11, 30.31, Ms(1, 1));
        db.RepairCrews.Add(crew);
        return crew;
    }
}
