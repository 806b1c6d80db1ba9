using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Audit;

public sealed record AuditEntryItem(long Sequence, DateTimeOffset Time, string? UserName, string Action, string? Target,
    string Outcome, string? ClientAddress, string? Detail, string Hash);

public sealed record AuditPage(int Total, IReadOnlyList<AuditEntryItem> Items);

/// <summary>Admins search the trail by user, action, target, outcome and time, newest first.</summary>
internal static class SearchAudit
{
    public static async Task<Ok<AuditPage>> Handle(LinliDb db, string? user, string? action, string? target, string? outcome,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct)
    {
        var size = pageSize ?? 50;
        if (size is < 1 or > 500)
        {
            throw new RequestValidationException("pageSize", "must be between 1 and 500");
        }
        if (page is < 1)
        {
            throw new RequestValidationException("page", "must be 1 or more");
        }
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user)) query = query.Where(e => e.UserName == user);
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(target)) query = query.Where(e => e.Target == target);
        if (!string.IsNullOrWhiteSpace(outcome)) query = query.Where(e => e.Outcome == outcome);
        if (from is { } f) query = query.Where(e => e.UnixMilliseconds >= f.ToUnixTimeMilliseconds());
        if (to is { } t) query = query.Where(e => e.UnixMilliseconds < t.ToUnixTimeMilliseconds());
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Sequence)
            .Skip(((page ?? 1) - 1) * size).Take(size)
            .Select(e => new AuditEntryItem(e.Sequence, e.Time, e.UserName, e.Action, e.Target, e.Outcome, e.ClientAddress, e.Detail, e.Hash))
            .ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(total, items));
    }
}
