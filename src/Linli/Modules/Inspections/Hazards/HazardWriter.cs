using System.Security.Claims;
using Linli.Infrastructure.Messaging;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards;

/// <summary>
/// Turns findings into hazards with their written notice and deadline, opens the case of each major
/// one in Cases and tells the user by SMS. Recording an inspection and the sweep both use it.
/// </summary>
internal sealed class HazardWriter(ICaseIntake intake, ISmsSender sms, PersonalDataProtector protector, ILogger<HazardWriter> logger)
{
    /// <summary>
    /// Adds a hazard per finding (to be saved by the caller's transaction), unless the user already
    /// has an open hazard for the item: then the finding is noted on that one and it is returned instead.
    /// </summary>
    public static async Task<List<(Finding Finding, Hazard Hazard, bool Existing)>> AddAsync(LinliDb db, UtilityCustomer customer, Guid? inspectionId,
        IReadOnlyList<Finding> findings, string actor, DateOnly today, long nowMs, CancellationToken ct)
    {
        var open = await db.Hazards.Where(h => h.CustomerId == customer.Id && h.Status != HazardStatus.Closed).ToListAsync(ct);
        var prefix = $"YH-{today:yyyyMMdd}-";
        var taken = await db.Hazards.CountAsync(h => h.Number.StartsWith(prefix), ct);
        var result = new List<(Finding, Hazard, bool)>();
        foreach (var finding in findings)
        {
            if (open.FirstOrDefault(h => h.ItemCode == finding.Item.Code) is { } existing)
            {
                db.InspectionEvents.Add(new InspectionEvent(existing.Id, "hazard", "found-again", actor,
                    $"{inspectionId}: {finding.Note}".TrimEnd(' ', ':'), nowMs));
                result.Add((finding, existing, true));
                continue;
            }
            taken++;
            var suffix = $"{today:yyyyMMdd}-{taken:0000}";
            var description = $"{finding.Item.TextZh}：不符合。{finding.Note}".Trim();
            var hazard = new Hazard(Guid.NewGuid(), customer.Utility, "YH-" + suffix, customer.Id, inspectionId, finding.Item.Code, finding.Grade,
                description.Length > 2000 ? description[..2000] : description, "ZG-" + suffix, today.AddDays(finding.Item.RectifyDays), actor, nowMs);
            db.Hazards.Add(hazard);
            db.InspectionEvents.Add(new InspectionEvent(hazard.Id, "hazard", "found", actor,
                $"{(finding.Grade == HazardGrades.Major ? "重大" : "一般")}隐患 · {finding.BasisZh} · 整改通知书 {hazard.NoticeNumber}，期限 {hazard.Deadline:yyyy-MM-dd}", nowMs));
            open.Add(hazard);
            result.Add((finding, hazard, false));
        }
        return result;
    }

    /// <summary>
    /// Opens the case of each major hazard that has none yet (joining an open case at the same place
    /// is fine), links it and saves. A failure is logged and left to the sweep, which tries again.
    /// </summary>
    public async Task OpenCasesAsync(LinliDb db, IEnumerable<Hazard> hazards, UtilityCustomer customer, ClaimsPrincipal? user, long nowMs,
        CancellationToken ct)
    {
        foreach (var hazard in hazards.Where(h => h.Grade == HazardGrades.Major && h.CaseId is null && h.Status != HazardStatus.Closed))
        {
            var category = await CategoryAsync(db, hazard, ct);
            if (category is null)
            {
                continue;
            }
            try
            {
                var description = $"燃气安检重大隐患 {hazard.Number}：{customer.Name}（{customer.Address}）{hazard.Description} 整改通知书 {hazard.NoticeNumber}，整改期限 {hazard.Deadline:yyyy-MM-dd}。";
                var receipt = await intake.ReportAsync(new IntakeReport(category, description, customer.Lon, customer.Lat, customer.Address,
                    "inspection", null, null), user, ct);
                hazard.LinkCase(receipt.CaseId, receipt.CaseNumber, nowMs);
                db.InspectionEvents.Add(new InspectionEvent(hazard.Id, "hazard", receipt.JoinedExisting ? "case-joined" : "case-opened",
                    user?.Identity?.Name ?? "system", receipt.CaseNumber, nowMs));
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Hazard {Number}: the case could not be opened yet; the sweep tries again", hazard.Number);
            }
        }
    }

    /// <summary>A closed major hazard tells its case (and through it the district) that the re-inspection passed.</summary>
    public async Task NoteClosedAsync(ICaseNotes notes, IEnumerable<Hazard> closed, string actor, CancellationToken ct)
    {
        foreach (var h in closed.Where(h => h.CaseNumber is not null))
        {
            try
            {
                await notes.AddPublicNoteAsync(h.CaseNumber!, $"隐患 {h.Number} 复查合格，已销号（{(h.RectifiedOnTime == true ? "按期整改" : "逾期整改")}）。",
                    actor, new { hazard = h.Number, rectifiedOnTime = h.RectifiedOnTime }, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The hazard is closed either way; the case's note is a courtesy the desk can repeat by hand.
                logger.LogWarning(e, "Hazard {Number} closed, but its case {Case} could not be told", h.Number, h.CaseNumber);
            }
        }
    }

    /// <summary>The template item's case category; the system finding's is fixed.</summary>
    private static async Task<string?> CategoryAsync(LinliDb db, Hazard hazard, CancellationToken ct)
    {
        if (hazard.ItemCode == GasChecklist.NoPeriodicInspection)
        {
            return GasChecklist.NoPeriodicInspectionCategory;
        }
        var code = hazard.InspectionId is { } id
            ? await db.Inspections.Where(i => i.Id == id).Select(i => i.TemplateCode).FirstOrDefaultAsync(ct)
            : null;
        var templates = await db.ChecklistTemplates.AsNoTracking().Where(t => t.Utility == hazard.Utility).ToListAsync(ct);
        var items = templates.OrderByDescending(t => t.Code == code).SelectMany(ChecklistTemplates.ItemsOf);
        return items.FirstOrDefault(i => i.Code == hazard.ItemCode)?.CaseCategory
            ?? GasChecklist.Items.FirstOrDefault(i => i.Code == hazard.ItemCode)?.CaseCategory;
    }

    /// <summary>A text to the user's contact phone; without one (or a phone the keys cannot read) nothing is sent.</summary>
    public async Task TextUserAsync(UtilityCustomer customer, string text, CancellationToken ct)
    {
        string? phone;
        try
        {
            phone = protector.Unprotect(customer.ContactPhoneProtected is { Length: > 0 } p ? p : null);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            logger.LogWarning(e, "The contact phone of user {Number} cannot be read", customer.Number);
            return;
        }
        if (phone is { Length: > 0 })
        {
            await sms.SendAsync(phone, text, ct);
        }
    }

    public static string NoticeText(UtilityCustomer customer, Hazard hazard) =>
        $"【邻里】{customer.Name}：燃气安检发现{(hazard.Grade == HazardGrades.Major ? "重大" : "一般")}隐患（{hazard.Description}），" +
        $"隐患编号 {hazard.Number}，整改通知书 {hazard.NoticeNumber}，请于 {hazard.Deadline:yyyy-MM-dd} 前整改完毕。";
}
