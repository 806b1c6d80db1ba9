using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.ReportCase;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ActOnCase;

/// <summary>
/// Staff correct the duplicate check: split a wrongly attached report out into a case of its own,
/// or merge two cases that are one problem. Both cases record it in their history.
/// </summary>
internal static class SplitAndMerge
{
    /// <summary>The report leaves the case and opens a new one, routed from its own point and category.</summary>
    public static async Task<Case> SplitAsync(Case c, Guid? reportId, string reason, CaseContext context, LinliDb db, IRegionLookup regions,
        CategoryCatalog catalog, CancellationToken ct)
    {
        var id = reportId ?? throw new RequestValidationException("report", "is required: the id of the report to split out (GET /api/v1/cases/{id}/reports)");
        var report = await db.CaseReports.FirstOrDefaultAsync(r => r.Id == id && r.CaseId == c.Id, ct)
            ?? throw new RequestValidationException("report", $"report {id} is not one of case {c.Number}'s reports");
        if (report.How == "first" || report.FollowTokenHash == c.FollowTokenHash)
        {
            throw new CaseTransitionException($"Report {id} opened case {c.Number}; split out the reports attached to it instead.");
        }
        var category = await catalog.FindAsync(report.CategoryCode, ct) ?? await catalog.FindAsync(c.CategoryCode, ct)
            ?? throw new CaseTransitionException($"Category {report.CategoryCode} no longer exists.");
        var location = regions.Locate(report.Location.X, report.Location.Y)
            ?? throw new CaseTransitionException($"The report's point ({report.Location.X}, {report.Location.Y}) is no longer in any grid.");
        var routed = CaseRegions.Of(location);
        var day = CaseNumbers.Day(context.Now);
        var number = CaseNumbers.Format(routed.District, day, (await CaseNumbers.TakeAsync(db, [(routed.District, day, 1)]))[(routed.District, day)]);
        var own = context with { Disposal = category.DisposalLimit };
        var split = Case.Report(Guid.NewGuid(), number, report.Source, category.Code, category.DefaultPriority, report.Description, report.Address,
            report.Location, routed, report.ReporterUserId, report.ReporterNameProtected, report.ReporterPhoneProtected, report.FollowTokenHash, own);
        db.Cases.Add(split);
        c.SplitOut(report, split, context, reason);
        split.NoteSplitFrom(c, report, own, reason);
        report.MoveTo(split.Id, "split");
        foreach (var photo in await db.CasePhotos.Where(p => p.ReportId == report.Id).ToListAsync(ct))
        {
            photo.BelongTo(split.Id, report.Id);
        }
        return split;
    }

    /// <summary>The case ends as merged; its reports (and their photos and follow links) move to the target.</summary>
    public static async Task<Case> MergeAsync(Case c, string? into, string reason, CaseContext context, LinliDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(into))
        {
            throw new RequestValidationException("into", "is required: the id or number of the case to merge into");
        }
        var target = (Guid.TryParse(into, out var targetId)
            ? await db.Cases.Include(x => x.History).FirstOrDefaultAsync(x => x.Id == targetId, ct)
            : await db.Cases.Include(x => x.History).FirstOrDefaultAsync(x => x.Number == into.Trim(), ct))
            ?? throw new RequestValidationException("into", $"case {into} does not exist");
        c.MergeInto(target, context, reason);
        foreach (var report in await db.CaseReports.Where(r => r.CaseId == c.Id).ToListAsync(ct))
        {
            report.MoveTo(target.Id, "merged");
        }
        foreach (var photo in await db.CasePhotos.Where(p => p.CaseId == c.Id && p.ReportId != null).ToListAsync(ct))
        {
            photo.BelongTo(target.Id, photo.ReportId);
        }
        return target;
    }
}
