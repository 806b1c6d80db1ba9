using System.Globalization;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Gate;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Passages;

public sealed record PassageView(Guid Id, DateTimeOffset At, string SiteCode, string SiteName, bool Allowed, string? Reason, string? ReasonText,
    string Method, Guid? CourierId, string? MaskedName, string? PlatformName, string? Team, string? PassNumber, string? CheckedBy);

public sealed record PassagePage(int Total, IReadOnlyList<PassageView> Items);

/// <summary>Every passage is traceable: by site, rider, time and outcome, for the staff who keep those sites.</summary>
internal static class ListPassages
{
    public const int MaxDays = 93;

    public static async Task<Ok<PassagePage>> Handle(string? site, Guid? courier, string? from, string? to, bool? allowed, int? skip, int? take,
        ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var (fromMs, toMs) = Range(from, to, clock);
        if (skip is < 0) throw new RequestValidationException("skip", "must be 0 or more");
        if (take is < 1 or > 1000) throw new RequestValidationException("take", "must be between 1 and 1000");
        var sites = db.Sites.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(site))
        {
            var code = site.Trim().ToUpperInvariant();
            var one = await sites.FirstOrDefaultAsync(s => s.Code == code, ct) ?? throw new NotFoundException($"No site has the code {code}.");
            await access.EnsureAsync(user, Permissions.SitesManage, one.RegionCode);
            sites = sites.Where(s => s.Id == one.Id);
        }
        // The sites the caller keeps, as a subquery: the passages are narrowed in SQL however many sites there are.
        sites = AreaFilter.Within(sites, await access.ScopesAsync(user, Permissions.SitesManage), s => s.RegionCode);
        var query = db.Passages.AsNoTracking().Where(p => sites.Select(s => s.Id).Contains(p.SiteId) && p.AtMs >= fromMs && p.AtMs < toMs);
        if (courier is { } courierId) query = query.Where(p => p.CourierId == courierId);
        if (allowed is { } a) query = query.Where(p => p.Allowed == a);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.AtMs).Skip(skip ?? 0).Take(take ?? 200).ToListAsync(ct);
        var courierIds = rows.Select(p => p.CourierId).OfType<Guid>().Distinct().ToList();
        var couriers = await db.Couriers.AsNoTracking().Where(c => courierIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var passIds = rows.Select(p => p.PassId).OfType<Guid>().Distinct().ToList();
        var passes = await db.CourierPasses.AsNoTracking().Where(p => passIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Number, ct);
        var siteIds = rows.Select(p => p.SiteId).Distinct().ToList();
        var byId = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return TypedResults.Ok(new PassagePage(total, rows.Select(p =>
        {
            var c = p.CourierId is { } id ? couriers.GetValueOrDefault(id) : null;
            var s = byId[p.SiteId];
            return new PassageView(p.Id, CourierViews.At(p.AtMs), s.Code, s.Name, p.Allowed, p.Reason, p.Reason is null ? null : GatePassages.ReasonText(p.Reason),
                Method(p.Method), c?.Id, c?.NameMasked, c is null ? null : Platforms.Find(c.Platform)?.NameZh ?? c.Platform, c?.Team,
                p.PassId is { } pid ? passes.GetValueOrDefault(pid) : null, p.CheckedBy);
        }).ToList()));
    }

    public static string Method(PassageMethod method) => method switch
    {
        PassageMethod.SiteScan => "site-scan",
        PassageMethod.TokenOnline => "token-online",
        _ => "token-offline",
    };

    /// <summary>from/to as yyyy-MM-dd (China days, to inclusive) or ISO 8601 instants; default the last 7 days.</summary>
    public static (long From, long To) Range(string? from, string? to, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var end = Parse(to, "to", endOfDay: true) ?? now.AddMinutes(1);
        var start = Parse(from, "from", endOfDay: false) ?? end.AddDays(-7);
        if (start >= end) throw new RequestValidationException("from", "must be before 'to'");
        if (end - start > TimeSpan.FromDays(MaxDays)) throw new RequestValidationException("from", $"at most {MaxDays} days at a time");
        return (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds());
    }

    private static DateTimeOffset? Parse(string? text, string field, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), CourierViews.ChinaTime);
            return endOfDay ? start.AddDays(1) : start;
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        throw new RequestValidationException(field, "a date as yyyy-MM-dd (China time) or an ISO 8601 instant");
    }
}
