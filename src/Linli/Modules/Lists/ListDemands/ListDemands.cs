using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.GetDemand;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListDemands;

public sealed record DemandPage(IReadOnlyList<DemandView> Items, int Total, int Page, int PageSize);

/// <summary>GET /api/v1/demands: the needs within the user's scope, filtered, sorted, paged with the total.</summary>
internal static class ListDemands
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<Ok<DemandPage>> Handle(HttpContext http, LinliDb db, IAccessControl access, DemandViews views,
        string? status, string? category, string? group, string? urgency, string? channel, string? region, string? careTag, string? q,
        string? sort, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(new DemandFilter(status, category, group, urgency, channel, region, careTag, q), sort, page, pageSize,
            http.User, db, access, views, ct));

    public static async Task<DemandPage> PageAsync(DemandFilter filter, string? sort, int? page, int? pageSize, ClaimsPrincipal user,
        LinliDb db, IAccessControl access, DemandViews views, CancellationToken ct)
    {
        var (number, size) = Paging(page, pageSize);
        var query = await DemandQuery.WhereAsync(filter, user, db, access);
        var total = await query.CountAsync(ct);
        var rows = await DemandQuery.Sort(query, sort).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new DemandPage(await views.OfAsync(user, rows, ct), total, number, size);
    }

    public static (int Page, int Size) Paging(int? page, int? pageSize)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize) throw new RequestValidationException("pageSize", $"between 1 and {MaxPageSize}");
        var number = page ?? 1;
        if (number is < 1 or > 100_000) throw new RequestValidationException("page", "1 or more");
        return (number, size);
    }
}
