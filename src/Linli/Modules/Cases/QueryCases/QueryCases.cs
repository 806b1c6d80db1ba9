using System.Linq.Expressions;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.ActOnCase;
using Linli.Modules.Cases.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.QueryCases;

public sealed record CasePage(IReadOnlyList<CaseView> Items, string? Next);

/// <summary>A reporter's view through the follow link: the stages, no personal data.</summary>
public sealed record FollowView(string Number, string Stage, string Category, string? Address, DateTimeOffset ReportedAt,
    IReadOnlyList<FollowStep> Steps, int? Rating);

/// <summary>One report of a case, as staff see it (who reported stays protected).</summary>
public sealed record CaseReportView(Guid Id, DateTimeOffset ReportedAt, string Source, string Category, string Description, string? Address,
    CaseLocation Location, string How, double? Similarity);

public sealed record FollowStep(DateTimeOffset At, string Action, string Stage, string? Note);

/// <summary>Cases as each user may see them: staff within their scope, units their queue, reporters their own.</summary>
internal static class QueryCases
{
    public static async Task<IResult> Get(Guid id, HttpContext http, LinliDb db, IAccessControl access, IRegionLookup regions,
        TimeProvider clock, CancellationToken ct)
    {
        var c = await VisibleAsync(id, http.User, db, access, ct);
        http.Response.Headers.ETag = CaseView.ETag(c);
        return TypedResults.Ok(CaseView.Of(c, regions, clock.GetUtcNow()));
    }

    public static async Task<Ok<List<CaseEventView>>> History(Guid id, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        await VisibleAsync(id, http.User, db, access, ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        return TypedResults.Ok(events.Select(e => new CaseEventView(e.Sequence, e.At.ToOffset(Calendar.WorkingCalendar.ChinaStandardTime),
            e.UserName, e.Action, e.FromStage, e.ToStage, e.Note, e.Data)).ToList());
    }

    public static async Task<Ok<List<CaseReportView>>> Reports(Guid id, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        await VisibleAsync(id, http.User, db, access, ct);
        var reports = await db.CaseReports.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.ReportedAtMs).ToListAsync(ct);
        return TypedResults.Ok(reports.Select(r => new CaseReportView(r.Id,
            DateTimeOffset.FromUnixTimeMilliseconds(r.ReportedAtMs).ToOffset(Calendar.WorkingCalendar.ChinaStandardTime), CaseNames.Source(r.Source),
            r.CategoryCode, r.Description, r.Address, new CaseLocation(r.Location.X, r.Location.Y), r.How, r.Similarity)).ToList());
    }

    public static async Task<Ok<FollowView>> Follow(string token, LinliDb db, CancellationToken ct)
    {
        var id = await ReportCase.FollowLinks.CaseOfAsync(db, token, ct) ?? throw new NotFoundException("No case has this follow link.");
        var c = await db.Cases.AsNoTracking().Include(x => x.History).FirstAsync(x => x.Id == id, ct);
        return TypedResults.Ok(new FollowView(c.Number, CaseNames.Stage(c.Stage), c.CategoryCode, c.Address,
            c.ReportedAt.ToOffset(Calendar.WorkingCalendar.ChinaStandardTime),
            c.History.OrderBy(h => h.Sequence).Select(h => new FollowStep(h.At.ToOffset(Calendar.WorkingCalendar.ChinaStandardTime), h.Action, h.ToStage,
                h.Action is "feedback" or "close" or "self-handle" or Case.PublicNoteAction ? h.Note : null)).ToList(), c.Rating));
    }

    private static readonly CaseStage[] RunningStages = [.. Enum.GetValues<CaseStage>().Where(CaseNames.IsOpen)];

    public static async Task<Ok<CasePage>> List(HttpContext http, LinliDb db, IAccessControl access, IRegionLookup regions, TimeProvider clock,
        string? region, string? stage, string? category, string? unit, bool? overdue, string? timer, DateTimeOffset? from, DateTimeOffset? to,
        string? q, string? after, int? limit, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > 200) throw new RequestValidationException("limit", "between 1 and 200");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = db.Cases.AsNoTracking().Where(await VisibilityAsync(http.User, access, db));
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.WhereCodeStartsWith(c => c.GridCode, RegionScope.Prefix(region));
        }
        if (stage is not null)
        {
            if (!CaseNames.TryParseStage(stage, out var s)) throw new RequestValidationException("stage", $"unknown stage '{stage}'");
            query = query.Where(c => c.Stage == s);
        }
        if (category is not null) query = query.Where(c => c.CategoryCode == category);
        if (unit is not null) query = query.Where(c => c.AssignedUnit == unit);
        // Only running stages carry a deadline; naming them lets the (Stage, StageDeadlineMs) index find the overdue cases.
        if (overdue is true) query = query.Where(c => RunningStages.Contains(c.Stage) && c.StageDeadlineMs != null && c.StageDeadlineMs <= now);
        if (overdue is false) query = query.Where(c => c.StageDeadlineMs == null || c.StageDeadlineMs > now);
        query = timer switch
        {
            null => query,
            "red" => query.Where(c => RunningStages.Contains(c.Stage) && c.StageDeadlineMs != null && c.StageDeadlineMs <= now),
            "yellow" => query.Where(c => c.StageWarningAtMs != null && c.StageWarningAtMs <= now && c.StageDeadlineMs > now),
            "green" => query.Where(c => c.StageWarningAtMs == null || c.StageWarningAtMs > now),
            _ => throw new RequestValidationException("timer", "green, yellow or red"),
        };
        if (from is { } f) query = query.Where(c => c.ReportedAtMs >= f.ToUnixTimeMilliseconds());
        if (to is { } t) query = query.Where(c => c.ReportedAtMs < t.ToUnixTimeMilliseconds());
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(c => c.Description.Contains(q) || c.Number.Contains(q) || (c.Address != null && c.Address.Contains(q)));
        if (after is not null)
        {
            var (ms, number) = ParseCursor(after);
            query = query.Where(c => c.ReportedAtMs < ms || (c.ReportedAtMs == ms && string.Compare(c.Number, number) < 0));
        }
        var page = await query.OrderByDescending(c => c.ReportedAtMs).ThenByDescending(c => c.Number).Take(size + 1).ToListAsync(ct);
        var next = page.Count > size ? $"{page[size - 1].ReportedAtMs}_{page[size - 1].Number}" : null;
        var nowTime = clock.GetUtcNow();
        return TypedResults.Ok(new CasePage(page.Take(size).Select(c => CaseView.Of(c, regions, nowTime)).ToList(), next));
    }

    private static (long, string) ParseCursor(string cursor)
    {
        var parts = cursor.Split('_', 2);
        return parts.Length == 2 && long.TryParse(parts[0], out var ms) ? (ms, parts[1])
            : throw new RequestValidationException("after", "use the 'next' value of the previous page");
    }

    /// <summary>The case, if this user may read it (404 when there is none, 403 when it is outside what she covers).</summary>
    public static async Task<Case> VisibleAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"Case {id} does not exist.");
        if (!await CaseAccess.MayReadAsync(user, access, c) && !await ReportedItAsync(user, c.Id, db, ct))
        {
            throw new ForbiddenException($"Not allowed: case {c.Number} is outside what you may read.");
        }
        return c;
    }

    /// <summary>A signed-in reporter whose report was attached to the case (or merged into it) follows it too.</summary>
    private static async Task<bool> ReportedItAsync(ClaimsPrincipal user, Guid caseId, LinliDb db, CancellationToken ct) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await db.CaseReports.AnyAsync(r => r.CaseId == caseId && r.ReporterUserId == id, ct);

    /// <summary>The cases a user may see, as one predicate: scopes by code prefix, units by code, own reports.</summary>
    internal static async Task<Expression<Func<Case, bool>>> VisibilityAsync(ClaimsPrincipal user, IAccessControl access, LinliDb db)
    {
        var scopes = await access.ScopesAsync(user, Permissions.CasesRead);
        if (scopes is null && await access.DenialAsync(user, Permissions.CasesRead) is null)
        {
            return c => true;
        }
        var c = Expression.Parameter(typeof(Case), "c");
        Expression? any = null;
        foreach (var scope in scopes ?? [])
        {
            any = Or(any, CodePrefixQueries.StartsWithPredicate(Expression.Property(c, nameof(Case.GridCode)), RegionScope.Prefix(scope)));
        }
        foreach (var department in (await access.AssignmentsAsync(user)).Select(a => a.Department).OfType<string>().Distinct())
        {
            any = Or(any, Expression.Equal(Expression.Property(c, nameof(Case.AssignedUnit)), Expression.Constant(department, typeof(string))));
        }
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            any = Or(any, Expression.Equal(Expression.Property(c, nameof(Case.ReporterUserId)), Expression.Constant(id, typeof(string))));
            // …and the cases their reports were attached to.
            Expression<Func<Case, bool>> attached = x => db.CaseReports.Any(r => r.CaseId == x.Id && r.ReporterUserId == id);
            any = Or(any, new ParameterSwap(attached.Parameters[0], c).Visit(attached.Body));
        }
        return Expression.Lambda<Func<Case, bool>>(any ?? Expression.Constant(false), c);
    }

    private static Expression Or(Expression? left, Expression right) => left is null ? right : Expression.OrElse(left, right);

    /// <summary>Puts one lambda's body under another's parameter, so predicates can be or-ed.</summary>
    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
