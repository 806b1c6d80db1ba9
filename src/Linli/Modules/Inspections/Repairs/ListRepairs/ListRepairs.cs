using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs.ListRepairs;

/// <summary>Tickets of the caller's utilities, newest first, with minutes to site and whether the target was met.</summary>
internal static class ListRepairs
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static async Task<Ok<List<RepairView>>> List(string? status, string? kind, DateOnly? from, DateOnly? to, bool? open, ClaimsPrincipal user,
        LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await RepairSupport.ScopeAsync(access, user);
        var query = scope.Filter(db.RepairTickets.AsNoTracking(), t => t.Utility, t => t.RegionCode);
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<RepairStatus>(status, true, out var s)) throw new RequestValidationException("status", string.Join(", ", Enum.GetNames<RepairStatus>()));
            query = query.Where(t => t.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (kind is not (RepairKinds.Emergency or RepairKinds.Planned)) throw new RequestValidationException("kind", "emergency or planned");
            query = query.Where(t => t.Kind == kind);
        }
        if (open == true) query = query.Where(t => t.Status != RepairStatus.Finished && t.Status != RepairStatus.Cancelled);
        if (from > to) throw new RequestValidationException("from", "after 'to'");
        if (from is { } f)
        {
            var start = Ms(f);
            query = query.Where(t => t.ReportedAtMs >= start);
        }
        if (to is { } u)
        {
            var end = Ms(u.AddDays(1));
            query = query.Where(t => t.ReportedAtMs < end);
        }
        var tickets = await query.OrderByDescending(t => t.ReportedAtMs).Take(1000).ToListAsync(ct);
        var crews = await RepairViews.CrewNamesAsync(db, tickets.Select(t => t.CrewId), ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return TypedResults.Ok(tickets.Select(t => RepairViews.View(t, t.CrewId is { } c ? crews.GetValueOrDefault(c) : null, now)).ToList());
    }

    public static async Task<Ok<RepairDetail>> Get(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var ticket = await RepairSteps.RepairSteps.FindAsync(db, id, user, access, ct);
        return TypedResults.Ok(await RepairViews.DetailAsync(db, ticket, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct));
    }

    private static long Ms(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime).ToUnixTimeMilliseconds();
}
