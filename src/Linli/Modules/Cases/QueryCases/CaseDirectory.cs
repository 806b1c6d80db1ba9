using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.QueryCases;

/// <summary>Cases and the taxonomy as adapters (Open311) read them, without personal data.</summary>
internal sealed class CaseDirectory(LinliDb db) : ICaseDirectory
{
    /// <summary>
    /// The actions whose note is written for the reporter. The follow page (QueryCases.Follow) shows
    /// the same notes except decline and void reasons; the two lists should become one.
    /// </summary>
    public static readonly string[] PublicNoteActions = ["feedback", "close", "self-handle", "decline", "void", Case.PublicNoteAction];

    private static readonly CaseStage[] ResolvedStages =
        [CaseStage.Closed, CaseStage.Evaluated, CaseStage.Declined, CaseStage.Voided, CaseStage.Ledger, CaseStage.Merged];

    public static bool IsResolved(CaseStage stage) => ResolvedStages.Contains(stage);

    public async Task<IReadOnlyList<CategoryEntry>> CategoriesAsync(CancellationToken ct)
    {
        var majors = await db.MajorCategories.AsNoTracking().ToDictionaryAsync(m => m.Code, ct);
        var minors = await db.MinorCategories.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        return minors.Select(m =>
        {
            var major = majors.GetValueOrDefault(m.MajorCode);
            return new CategoryEntry(m.Code, m.NameZh, m.NameEn, m.MajorCode, major?.NameZh ?? m.MajorCode, major?.NameEn ?? m.MajorCode, m.Kind,
                string.IsNullOrWhiteSpace(m.FilingCondition) ? null : m.FilingCondition);
        }).ToList();
    }

    public async Task<IReadOnlyList<CaseSummary>> FindAsync(CaseFilter filter, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking();
        if (filter.Numbers is { Count: > 0 } numbers)
        {
            query = query.Where(c => numbers.Contains(c.Number));
        }
        else if (filter.Ids is { Count: > 0 } ids)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }
        else
        {
            if (filter.Categories is { Count: > 0 } categories) query = query.Where(c => categories.Contains(c.CategoryCode));
            if (filter.From is { } from) query = query.Where(c => c.ReportedAtMs >= from.ToUnixTimeMilliseconds());
            if (filter.To is { } to) query = query.Where(c => c.ReportedAtMs <= to.ToUnixTimeMilliseconds());
            if (filter.Resolved is true) query = query.Where(c => ResolvedStages.Contains(c.Stage));
            if (filter.Resolved is false) query = query.Where(c => !ResolvedStages.Contains(c.Stage));
        }
        var cases = await query.OrderByDescending(c => c.ReportedAtMs).ThenByDescending(c => c.Number)
            .Skip(filter.Skip).Take(filter.Take).ToListAsync(ct);
        if (cases.Count == 0)
        {
            return [];
        }
        var caseIds = cases.Select(c => c.Id).ToList();
        var steps = (await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId))
            .Select(e => new { e.CaseId, e.Sequence, e.At, e.Action, e.Note }).ToListAsync(ct))
            .GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
        var unitCodes = cases.Select(c => c.AssignedUnit).OfType<string>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var mergedIds = cases.Select(c => c.MergedIntoId).OfType<Guid>().Distinct().ToList();
        var merged = mergedIds.Count == 0 ? [] : await db.Cases.AsNoTracking().Where(c => mergedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return cases.Select(c =>
        {
            var history = steps.GetValueOrDefault(c.Id) ?? [];
            var updated = history.Count > 0 ? history.Max(e => e.At) : c.ReportedAt;
            var note = history.LastOrDefault(e => PublicNoteActions.Contains(e.Action) && !string.IsNullOrWhiteSpace(e.Note))?.Note;
            return new CaseSummary(c.Id, c.Number, CaseNames.Stage(c.Stage), IsResolved(c.Stage), c.CategoryCode, c.Description,
                c.AssignedUnit is null ? null : units.GetValueOrDefault(c.AssignedUnit) ?? c.AssignedUnit,
                China(c.ReportedAt), China(updated), China(DateTimeOffset.FromUnixTimeMilliseconds(c.CaseDeadlineMs)),
                c.Address, c.Location.X, c.Location.Y, note, c.MergedIntoId is { } m ? merged.GetValueOrDefault(m) : null);
        }).ToList();
    }

    public async Task<IReadOnlyList<CaseStep>> StepsAsync(DateTimeOffset from, DateTimeOffset to, int take, CancellationToken ct)
    {
        // DateTimeOffset cannot be compared in SQL on SQLite: the window is taken on the id order of a bounded read.
        var events = await db.CaseEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(50_000)
            .Select(e => new { e.Id, e.CaseId, e.Action, e.ToStage, e.At, e.Note }).ToListAsync(ct);
        var inWindow = events.Where(e => e.At >= from && e.At < to).OrderBy(e => e.Id).Take(take).ToList();
        var ids = inWindow.Select(e => e.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return inWindow.Select(e => new CaseStep(e.Id, e.CaseId, numbers.GetValueOrDefault(e.CaseId) ?? "", e.Action, e.ToStage, China(e.At),
            PublicNoteActions.Contains(e.Action) ? e.Note : null)).ToList();
    }

    private static DateTimeOffset China(DateTimeOffset at) => at.ToOffset(WorkingCalendar.ChinaStandardTime);
}
