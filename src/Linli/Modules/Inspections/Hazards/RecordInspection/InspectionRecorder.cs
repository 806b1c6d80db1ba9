using System.Security.Claims;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards.RecordInspection;

/// <summary>
/// Records an inspection from the phone in one transaction: the answers checked against the
/// template, the inspection completed, each failed item a hazard with its notice and deadline (or a
/// note on the user's open hazard for the item), a re-inspection closing or reopening its hazard, a
/// periodic one resetting the user's schedule. Then the cases of major hazards and the user's SMS.
/// A second submit of the same inspection answers the first result (200), so a phone that lost the
/// answer can simply send again.
/// </summary>
internal sealed class InspectionRecorder(LinliDb db, IAccessControl access, IFileStore files, HazardWriter writer, ICaseNotes notes,
    TimeProvider clock)
{
    public async Task<InspectionView> RecordAsync(Guid id, IFormCollection form, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsPerform);
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null || !scope.CoversUnit(inspection.Utility))
        {
            throw new NotFoundException($"Inspection {id} does not exist or belongs to another utility.");
        }
        var today = HazardDays.Today(clock);
        if (inspection.Status == InspectionStatus.Done)
        {
            return await InspectionViews.LoadAsync(db, inspection, today, ct);
        }
        if (inspection.Status == InspectionStatus.Cancelled)
        {
            throw new DomainException("Cancelled", $"Inspection {id} was cancelled; it cannot be recorded.");
        }
        var request = await RecordForm.ReadAsync(form, ct);
        var customer = await db.UtilityCustomers.FirstAsync(c => c.Id == inspection.CustomerId, ct);
        var hazard = inspection.HazardId is { } hid ? await db.Hazards.FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        var (revision, items) = await ItemsAsync(inspection, hazard, ct);
        var visited = request.Outcome is not (InspectionOutcomes.Absent or InspectionOutcomes.Refused);
        var errors = visited ? HazardGrading.Check(items, request.Answers) : [];
        if (!visited && request.Answers.Count > 0) errors["answers"] = ["no answers when nobody was met (absent) or the visit was refused"];
        var failed = request.Answers.Count(a => a.Value.Result == AnswerResults.Fail);
        var outcome = request.Outcome ?? (failed > 0 ? InspectionOutcomes.Hazards : InspectionOutcomes.Pass);
        if (outcome == InspectionOutcomes.Pass && failed > 0) errors["outcome"] = [$"pass, but {failed} item(s) failed: the outcome is hazards"];
        if (outcome == InspectionOutcomes.Hazards && failed == 0) errors["outcome"] = ["hazards, but no item failed"];
        if (request.Signature is not null && request.SignerName is null) errors["signerName"] = ["the name of the person who signed is required with a signature"];
        if (errors.Count > 0) throw new RequestValidationException(errors);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var actor = user.Identity?.Name ?? "?";
        var notified = (await db.Hazards.Where(h => h.CustomerId == customer.Id && h.Status != HazardStatus.Closed && h.Id != inspection.HazardId)
            .Select(h => h.ItemCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var findings = HazardGrading.Grade(items, request.Answers, notified);
        var answers = request.Answers.ToDictionary(a => a.Key, a => new RecordedAnswer(a.Value.Result, a.Value.Note, null, null));

        var created = new List<Hazard>();
        var closed = new List<Hazard>();
        // A re-inspection's own item is judged against its hazard, not turned into a new one.
        var fresh = findings.Where(f => hazard is null || f.Item.Code != hazard.ItemCode).ToList();
        foreach (var (finding, h, existing) in await HazardWriter.AddAsync(db, customer, inspection.Id, fresh, actor, today, now, ct))
        {
            answers[finding.Item.Code] = answers[finding.Item.Code] with { Grade = finding.Grade, HazardId = h.Id };
            if (!existing) created.Add(h);
        }
        if (hazard is not null && visited)
        {
            if (HazardOutcomes.Judge(db, hazard, inspection, answers.GetValueOrDefault(hazard.ItemCode), actor, today, now)) closed.Add(hazard);
            if (answers.TryGetValue(hazard.ItemCode, out var own)) answers[hazard.ItemCode] = own with { HazardId = hazard.Id, Grade = hazard.Grade };
        }
        if (inspection.Kind == InspectionKinds.Periodic)
        {
            closed.AddRange(await HazardOutcomes.AfterPeriodicAsync(db, inspection, customer, visited, actor, today, now, ct));
        }
        var photos = await StorePhotosAsync(inspection.Id, request, ct);
        var signature = request.Signature is null ? null : $"inspections/{inspection.Id:N}/signature.png";
        if (signature is not null) await files.SaveAsync(signature, new MemoryStream(request.Signature!), ct);
        inspection.Complete(actor, outcome, revision, JsonSerializer.Serialize(answers, InspectionViews.Json),
            JsonSerializer.Serialize(photos, InspectionViews.Json), signature, request.SignerName, request.Note, request.Lon, request.Lat, now);
        db.InspectionEvents.Add(new InspectionEvent(inspection.Id, "inspection", "recorded", actor,
            $"{outcome}; {findings.Count} finding(s), {created.Count} new hazard(s)", now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent submit of the same inspection won (its version moved), or took a hazard number: answer what is on record.
            db.ChangeTracker.Clear();
            var current = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == id, ct);
            return current.Status == InspectionStatus.Done
                ? await InspectionViews.LoadAsync(db, current, today, ct)
                : throw new DomainException("Changed meanwhile", $"Inspection {id} was changed at the same moment; send it again.");
        }
        await writer.OpenCasesAsync(db, created, customer, user, now, ct);
        await writer.NoteClosedAsync(notes, closed, actor, ct);
        foreach (var h in created)
        {
            await writer.TextUserAsync(customer, HazardWriter.NoticeText(customer, h), ct);
        }
        return await InspectionViews.LoadAsync(db, inspection, today, ct);
    }

    /// <summary>The template's items; a re-inspection checks only its hazard's item.</summary>
    private async Task<(int Revision, IReadOnlyList<ChecklistItem> Items)> ItemsAsync(Inspection inspection, Hazard? hazard, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Utility == inspection.Utility && t.Code == inspection.TemplateCode, ct)
            ?? throw new UnprocessableException("No checklist", $"Utility {inspection.Utility} has no checklist template {inspection.TemplateCode}.");
        var items = ChecklistTemplates.ItemsOf(template);
        if (hazard is not null)
        {
            items = items.Where(i => i.Code == hazard.ItemCode).ToList() is { Count: > 0 } own ? own
                : [new ChecklistItem(hazard.ItemCode, hazard.Description, hazard.ItemCode, hazard.Grade, null, 15)];
        }
        return (template.Revision, items);
    }

    private async Task<List<InspectionPhoto>> StorePhotosAsync(Guid id, RecordForm request, CancellationToken ct)
    {
        var stored = new List<InspectionPhoto>();
        foreach (var photo in request.Photos)
        {
            var photoId = Guid.NewGuid();
            var path = $"inspections/{id:N}/{photoId:N}.{photo.Extension}";
            var thumbnail = $"inspections/{id:N}/{photoId:N}.thumb.jpg";
            await files.SaveAsync(path, new MemoryStream(photo.Content), ct);
            await files.SaveAsync(thumbnail, new MemoryStream(photo.Thumbnail), ct);
            stored.Add(new InspectionPhoto(photoId, path, thumbnail, photo.ContentType));
        }
        return stored;
    }
}
