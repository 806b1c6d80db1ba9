using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Notifications;

/// <summary>The in-app inbox: the notifications of the cases a user covers, handles or reported, newest first.</summary>
internal static class Inbox
{
    public static async Task<Ok<List<NotificationView>>> List(bool? unread, int? limit, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var size = limit ?? 50;
        if (size is < 1 or > 200) throw new RequestValidationException("limit", "between 1 and 200");
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var everything = await access.DenialAsync(http.User, Permissions.CasesRead) is null && await access.ScopesAsync(http.User, Permissions.CasesRead) is null;
        var prefixes = everything ? [] : (await access.ScopesAsync(http.User, Permissions.CasesRead) ?? []).Select(RegionScope.Prefix).ToList();
        var units = (await access.AssignmentsAsync(http.User)).Select(a => a.Department).OfType<string>().ToList();
        var candidates = db.CaseNotifications.AsNoTracking();
        if (!everything)
        {
            // Prefixes are few (a user's scopes), so the OR stays small.
            candidates = candidates.Where(Covering(userId, units, prefixes, db));
        }
        var read = db.NotificationReads.Where(r => r.UserId == userId).Select(r => r.NotificationId);
        if (unread is true)
        {
            candidates = candidates.Where(n => !read.Contains(n.Id));
        }
        var items = await candidates.OrderByDescending(n => n.Id).Take(size)
            .Select(n => new { n.Id, n.CaseId, n.CaseNumber, n.Kind, n.Text, n.CreatedAtMs, Read = read.Contains(n.Id) })
            .ToListAsync(ct);
        return TypedResults.Ok(items.Select(n => new NotificationView(n.Id, n.CaseId, n.CaseNumber, n.Kind, n.Text,
            DateTimeOffset.FromUnixTimeMilliseconds(n.CreatedAtMs).ToOffset(Calendar.WorkingCalendar.ChinaStandardTime), n.Read)).ToList());
    }

    private static System.Linq.Expressions.Expression<Func<CaseNotification, bool>> Covering(string userId, List<string> units, List<string> prefixes, LinliDb db)
    {
        // The cases she reported: the first report, or one attached to the case (a duplicate, a merge).
        System.Linq.Expressions.Expression<Func<CaseNotification, bool>> reported = x =>
            x.ReporterUserId == userId || db.CaseReports.Any(r => r.CaseId == x.CaseId && r.ReporterUserId == userId);
        var n = reported.Parameters[0];
        var body = reported.Body;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var prefix in prefixes)
        {
            body = System.Linq.Expressions.Expression.OrElse(body, System.Linq.Expressions.Expression.Call(
                System.Linq.Expressions.Expression.Property(n, nameof(CaseNotification.GridCode)), startsWith, System.Linq.Expressions.Expression.Constant(prefix)));
        }
        foreach (var unit in units)
        {
            body = System.Linq.Expressions.Expression.OrElse(body, System.Linq.Expressions.Expression.Equal(
                System.Linq.Expressions.Expression.Property(n, nameof(CaseNotification.Unit)), System.Linq.Expressions.Expression.Constant(unit, typeof(string))));
        }
        return System.Linq.Expressions.Expression.Lambda<Func<CaseNotification, bool>>(body, n);
    }

    public static async Task<NoContent> MarkRead(long id, HttpContext http, LinliDb db, CancellationToken ct)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!await db.CaseNotifications.AnyAsync(n => n.Id == id, ct))
        {
            throw new NotFoundException($"Notification {id} does not exist.");
        }
        if (!await db.NotificationReads.AnyAsync(r => r.UserId == userId && r.NotificationId == id, ct))
        {
            db.NotificationReads.Add(new NotificationRead(userId, id));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }
}
