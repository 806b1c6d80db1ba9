using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards;

/// <summary>An answer as stored with the inspection: what the inspector said and what became of it.</summary>
public sealed record RecordedAnswer(string Result, string? Note, string? Grade, Guid? HazardId);

/// <summary>A stored photo of an inspection.</summary>
public sealed record InspectionPhoto(Guid Id, string Path, string Thumbnail, string ContentType);

public sealed record AnswerView(string ItemCode, string TextZh, string TextEn, string Result, string? Note, string? Grade, Guid? HazardId);

public sealed record HazardSummary(Guid Id, string Number, string NoticeNumber, Guid CustomerId, string ItemCode, string Grade, string Description,
    string Status, DateOnly Deadline, bool Overdue, int EscalationLevel, Guid? CaseId, string? CaseNumber, Guid? ReinspectionId);

public sealed record InspectionView(Guid Id, string Utility, Guid CustomerId, string CustomerNumber, string CustomerName, string Address,
    string RegionCode, double Lon, double Lat, string Kind, Guid? HazardId, DateOnly DueOn, string Status, string? Inspector, DateOnly? PlannedOn,
    int? RouteOrder, string TemplateCode, int? TemplateRevision, string? Outcome, IReadOnlyList<AnswerView> Answers,
    IReadOnlyList<HazardSummary> Hazards, IReadOnlyList<string> Photos, string? SignatureUrl, string? SignerName, string? Note,
    DateTimeOffset? CompletedAt);

internal static class InspectionViews
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, RecordedAnswer> Answers(Inspection i) =>
        i.AnswersJson is { Length: > 0 } json ? JsonSerializer.Deserialize<Dictionary<string, RecordedAnswer>>(json, Json) ?? [] : [];

    public static List<InspectionPhoto> Photos(Inspection i) =>
        i.PhotosJson is { Length: > 0 } json ? JsonSerializer.Deserialize<List<InspectionPhoto>>(json, Json) ?? [] : [];

    public static HazardSummary Summary(Hazard h, DateOnly today) => new(h.Id, h.Number, h.NoticeNumber, h.CustomerId, h.ItemCode, h.Grade,
        h.Description, Status(h.Status), h.Deadline, h.Status != HazardStatus.Closed && h.Deadline < today, h.EscalationLevel, h.CaseId, h.CaseNumber,
        h.ReinspectionId);

    public static string Status(HazardStatus status) => status switch
    {
        HazardStatus.Open => "open",
        HazardStatus.AwaitingReinspection => "awaiting-reinspection",
        _ => "closed",
    };

    public static string Status(InspectionStatus status) => status.ToString().ToLowerInvariant();

    public static async Task<InspectionView> LoadAsync(LinliDb db, Inspection i, DateOnly today, CancellationToken ct)
    {
        var customer = await db.UtilityCustomers.AsNoTracking().FirstAsync(c => c.Id == i.CustomerId, ct);
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Utility == i.Utility && t.Code == i.TemplateCode, ct);
        var items = template is null ? GasChecklist.Items : ChecklistTemplates.ItemsOf(template);
        var answers = Answers(i);
        var ids = answers.Values.Select(a => a.HazardId).OfType<Guid>().ToList();
        var hazards = await db.Hazards.AsNoTracking()
            .Where(h => h.InspectionId == i.Id || ids.Contains(h.Id) || h.ClosedByInspectionId == i.Id || h.Id == i.HazardId)
            .OrderBy(h => h.Number).ToListAsync(ct);
        var answerViews = answers.Select(a =>
        {
            var item = items.FirstOrDefault(x => x.Code == a.Key);
            return new AnswerView(a.Key, item?.TextZh ?? a.Key, item?.TextEn ?? a.Key, a.Value.Result, a.Value.Note, a.Value.Grade, a.Value.HazardId);
        }).OrderBy(a => items.ToList().FindIndex(x => x.Code == a.ItemCode)).ToList();
        return new InspectionView(i.Id, i.Utility, i.CustomerId, customer.Number, customer.Name, customer.Address, customer.RegionCode, customer.Lon,
            customer.Lat, i.Kind, i.HazardId, i.DueOn, Status(i.Status), i.Inspector, i.PlannedOn, i.RouteOrder, i.TemplateCode, i.TemplateRevision,
            i.Outcome, answerViews, hazards.Select(h => Summary(h, today)).ToList(),
            Photos(i).Select(p => $"/api/v1/inspections/{i.Id}/photos/{p.Id}").ToList(),
            i.SignaturePath is null ? null : $"/api/v1/inspections/{i.Id}/signature", i.SignerName, i.Note,
            i.CompletedAtMs is { } ms ? HazardDays.Local(ms) : null);
    }
}
