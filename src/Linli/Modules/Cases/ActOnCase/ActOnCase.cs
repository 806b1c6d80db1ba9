using Linli.Infrastructure.Files;
using System.Security.Claims;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.QueryCases;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ActOnCase;

/// <summary>The fields an action may carry; each action reads the ones it needs.</summary>
public sealed record CaseActionRequest(string? Unit, string? Reason, string? Note, bool? Passed, int? Rating, string? Comment, double? Hours,
    string? Person = null, Guid? Report = null, string? Into = null);

/// <summary>The ETag in If-Match is not the case's current one: someone acted first (412, nothing changed).</summary>
public sealed class StaleCaseException(string detail) : DomainException("Precondition failed", detail, StatusCodes.Status412PreconditionFailed);

/// <summary><c>POST /api/v1/cases/{id}/actions/{action}</c>: one step of the loop, checked, recorded, guarded by If-Match.</summary>
internal static class ActOnCase
{
    private static readonly string[] Known =
    [
        .. CaseAccess.SupervisorActions, .. CaseAccess.UnitActions, "verify", "self-handle", "evaluate",
    ];

    public static async Task<IResult> Handle(Guid id, string action, HttpContext http, LinliDb db, IAccessControl access,
        CalendarStore calendars, IRegionLookup regions, Infrastructure.Files.IFileStore files, Notifications.CaseNotifier notifier,
        Categories.CategoryCatalog catalog, Lists.Contracts.IPointsLedger ledger, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        if (!Known.Contains(action))
        {
            throw new NotFoundException($"There is no action '{action}'. Actions: {string.Join(", ", Known)}.");
        }
        var (request, photos) = await ReadBodyAsync(http, ct);
        if (photos.Count > 0 && action != "feedback")
        {
            throw new RequestValidationException("photos", "photos come with the feedback (after-photos) or the report");
        }
        var c = await db.Cases.Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException($"Case {id} does not exist.");
        var followToken = http.Request.Headers["X-Follow-Token"].ToString();
        await CaseAccess.EnsureMayActAsync(http.User, access, c, action,
            await ReportCase.FollowLinks.LeadsToAsync(db, followToken, c.Id, ct));
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != CaseView.ETag(c))
        {
            throw new StaleCaseException($"Case {c.Number} has changed since {ifMatch} (now {CaseView.ETag(c)}); reload it and try again.");
        }
        var category = await db.MinorCategories.AsNoTracking().FirstAsync(x => x.Code == c.CategoryCode, ct);
        var now = clock.GetUtcNow();
        var context = new CaseContext(now, http.User.FindFirstValue(ClaimTypes.NameIdentifier),
            http.User.Identity?.Name ?? (followToken.Length > 0 ? "reporter (follow link)" : null), await calendars.CurrentAsync(ct), category.DisposalLimit);
        var before = Indicators.CaseBefore.Of(c);
        var other = action switch
        {
            "split" => await SplitAndMerge.SplitAsync(c, request.Report, Required(request.Reason, "reason"), context, db, regions, catalog, ct),
            "merge" => await SplitAndMerge.MergeAsync(c, request.Into, Required(request.Reason, "reason"), context, db, ct),
            _ => null,
        };
        if (action == "merge")
        {
            // Merging changes the target too: the same person must be allowed to act on it.
            await CaseAccess.EnsureMayActAsync(http.User, access, other!, action, holdsFollowToken: false);
        }
        await ApplyAsync(c, action, request, context, db, ct);
        if (action switch { "dispatch" => Contracts.Milestones.Dispatched, "close" or "self-handle" => Contracts.Milestones.Closed, _ => null } is { } milestone)
        {
            await Targets.CaseMilestoneStore.RecordAsync(db, category, c.Id, milestone, now.ToUnixTimeMilliseconds(),
                http.User.Identity?.Name ?? "reporter", ct);
        }
        db.CasePhotos.AddRange(await Photos.CasePhotos.StoreAsync(c.Id, "feedback", photos, files, now.ToUnixTimeMilliseconds(), ct));
        Notifications.CaseNotifier.Add(db, c, action, now.ToUnixTimeMilliseconds());
        if (action == "split")
        {
            Notifications.CaseNotifier.Add(db, other!, "split-from", now.ToUnixTimeMilliseconds());
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleCaseException($"Case {c.Number} was changed by someone else at the same moment; reload it and try again.");
        }
        // Counted in the same transaction: indicators never disagree with the cases.
        await Indicators.CaseCounters.RecordAsync(db, c, action, before, now, c.History.Any(h => h.Action == "defer"), ct);
        if (action == "split")
        {
            await Indicators.CaseCounters.RecordAsync(db, other!, "report", null, now, wasDeferred: false, ct);
        }
        await transaction.CommitAsync(ct);
        if (action == "verify" && request.Passed == true)
        {
            await VerifiedReportPoints.AwardAsync(c, db, ledger, configuration, ct);
        }
        await notifier.PushAsync(c, action, Notifications.CaseNotifier.Describe(c, action));
        if (other is not null)
        {
            var otherAction = action == "split" ? "split-from" : "absorb";
            await notifier.PushAsync(other, otherAction, Notifications.CaseNotifier.Describe(other, otherAction));
        }
        http.Response.Headers.ETag = CaseView.ETag(c);
        return TypedResults.Ok(CaseView.Of(c, regions, now));
    }

    private static async Task ApplyAsync(Case c, string action, CaseActionRequest r, CaseContext context, LinliDb db, CancellationToken ct)
    {
        switch (action)
        {
            case "accept": c.Accept(context); break;
            case "file": c.File(context); break;
            case "decline": c.Decline(context, Required(r.Reason, "reason")); break;
            case "void": c.Void(context, Required(r.Reason, "reason")); break;
            case "dispatch":
                if (r.Person is { Length: > 64 }) throw new RequestValidationException("person", "a username of at most 64 characters");
                c.Dispatch(context, await UnitAsync(r.Unit, c, db, ct), r.Person?.Trim(), r.Note);
                break;
            case "return": c.Return(context, Required(r.Reason, "reason")); break;
            case "request-extension":
                if (r.Hours is not (> 0 and <= 2000)) throw new RequestValidationException("hours", "how many hours more: a number above 0");
                c.RequestExtension(context, r.Hours.Value, Required(r.Reason, "reason"));
                break;
            case "grant-extension": c.GrantExtension(context, r.Note); break;
            case "refuse-extension": c.RefuseExtension(context, Required(r.Reason, "reason")); break;
            case "defer": c.Defer(context, Required(r.Reason, "reason")); break;
            case "ledger": c.PutOnLedger(context, Required(r.Reason, "reason")); break;
            case "feedback": c.Feedback(context, Required(r.Note, "note")); break;
            case "verify":
                if (r.Passed is null) throw new RequestValidationException("passed", "true when the problem is solved on site, false to send it back");
                c.Verify(context, r.Passed.Value, r.Note);
                break;
            case "close": c.Close(context, r.Note); break;
            case "self-handle": c.SelfHandle(context, Required(r.Note, "note")); break;
            case "evaluate":
                if (r.Rating is not (>= 1 and <= 5)) throw new RequestValidationException("rating", "a whole number from 1 to 5");
                c.Evaluate(context, r.Rating.Value, r.Comment?.Trim());
                break;
        }
    }

    /// <summary>A unit code, or the code of the case's own grid (the grid handles it itself).</summary>
    private static async Task<string> UnitAsync(string? unit, Case c, LinliDb db, CancellationToken ct)
    {
        var code = Required(unit, "unit");
        if (code == c.GridCode || await db.Units.AnyAsync(u => u.Code == code, ct))
        {
            return code;
        }
        throw new RequestValidationException("unit", $"unit {code} does not exist (GET /api/v1/units), nor is it the case's grid");
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new RequestValidationException(field, "is required for this action")
        : value.Length > 2000 ? throw new RequestValidationException(field, "at most 2,000 characters") : value.Trim();

    private static async Task<(CaseActionRequest, List<ProcessedPhoto>)> ReadBodyAsync(HttpContext http, CancellationToken ct)
    {
        var empty = new CaseActionRequest(null, null, null, null, null, null, null);
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
            var fields = empty with
            {
                Unit = Field("unit"), Person = Field("person"), Reason = Field("reason"), Note = Field("note"), Comment = Field("comment"),
                Passed = bool.TryParse(Field("passed"), out var passed) ? passed : null,
                Rating = int.TryParse(Field("rating"), out var rating) ? rating : null,
                Hours = double.TryParse(Field("hours"), System.Globalization.CultureInfo.InvariantCulture, out var hours) ? hours : null,
                Report = Guid.TryParse(Field("report"), out var report) ? report : null,
                Into = Field("into"),
            };
            return (fields, await Photos.CasePhotos.ReadAsync(form, ct));
        }
        if (http.Request.ContentLength is 0 || !(http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return (empty, []);
        }
        return (await JsonSerializer.DeserializeAsync<CaseActionRequest>(http.Request.Body, JsonSerializerOptions.Web, ct) ?? empty, []);
    }
}
