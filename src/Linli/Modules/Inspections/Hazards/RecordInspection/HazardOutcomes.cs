using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards.RecordInspection;

/// <summary>What a recorded visit does to hazards already on file: a re-inspection closes or reopens its hazard; a periodic one ends "no periodic inspection".</summary>
internal static class HazardOutcomes
{
    /// <summary>
    /// The hazard closes only when the re-inspection passes its item (ok, or na: the thing is gone);
    /// a failed or missed re-inspection leaves it open for another one.
    /// </summary>
    public static bool Judge(LinliDb db, Hazard hazard, Inspection inspection, RecordedAnswer? answer, string actor, DateOnly today, long nowMs)
    {
        if (hazard.Status == HazardStatus.Closed)
        {
            return false;
        }
        if (answer is { Result: AnswerResults.Ok or AnswerResults.NotApplicable })
        {
            hazard.Close(inspection.Id, today, nowMs);
            db.InspectionEvents.Add(new InspectionEvent(hazard.Id, "hazard", "closed", actor,
                hazard.RectifiedOnTime == true ? "复查合格，按期整改 / rectified on time" : "复查合格，逾期整改 / rectified late", nowMs));
            return true;
        }
        hazard.Reopen(nowMs);
        db.InspectionEvents.Add(new InspectionEvent(hazard.Id, "hazard", answer is null ? "reinspection-missed" : "reinspection-failed", actor,
            answer?.Note ?? (answer is null ? "复查未能进行 / the re-inspection could not be done" : "复查不合格 / still not rectified"), nowMs));
        return false;
    }

    /// <summary>
    /// A periodic inspection done on site resets the schedule (the registry's sweep computes the next
    /// due date) and closes the user's "no periodic inspection" finding. A visit where nobody was met
    /// or entry was refused leaves the inspection still owed: a new one falls due on the same day.
    /// </summary>
    public static async Task<List<Hazard>> AfterPeriodicAsync(LinliDb db, Inspection inspection, UtilityCustomer customer, bool visited, string actor,
        DateOnly today, long nowMs, CancellationToken ct)
    {
        if (!visited)
        {
            // It takes over the user's open periodic slot, which completing the visit just freed.
            var again = Inspection.Periodic(Guid.NewGuid(), inspection.Utility, customer.Id, inspection.DueOn, inspection.TemplateCode, nowMs);
            db.Inspections.Add(again);
            db.InspectionEvents.Add(new InspectionEvent(again.Id, "inspection", "due-again", actor, $"{inspection.Id}: {inspection.Outcome}", nowMs));
            return [];
        }
        customer.SetSchedule(today, null, nowMs);
        var overdue = await db.Hazards.Where(h => h.CustomerId == customer.Id && h.ItemCode == GasChecklist.NoPeriodicInspection
            && h.Status != HazardStatus.Closed).ToListAsync(ct);
        foreach (var h in overdue)
        {
            h.Close(inspection.Id, today, nowMs);
            db.InspectionEvents.Add(new InspectionEvent(h.Id, "hazard", "closed", actor, "定期安检已完成 / the periodic inspection was done", nowMs));
        }
        return overdue;
    }
}
