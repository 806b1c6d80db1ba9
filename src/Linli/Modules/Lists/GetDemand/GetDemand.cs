using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.ListAccess;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.GetDemand;

/// <summary>GET /api/v1/demands/{id}: one need with its history; the ETag is its version.</summary>
internal static class GetDemand
{
    public static async Task<Ok<DemandView>> Handle(Guid id, HttpContext http, LinliDb db, IAccessControl access, DemandViews views, CancellationToken ct)
    {
        var view = await LoadAsync(id, http.User, db, access, views, ct);
        http.Response.Headers.ETag = Versions.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>The page calls this with its own context (rule 11).</summary>
    public static async Task<DemandView> LoadAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, DemandViews views, CancellationToken ct)
    {
        var demand = await VisibleAsync(id, user, db, access, ct);
        var history = await HistoryAsync(db, ListEntity.Demand, id, ct);
        return await views.OfAsync(user, demand, history, ct);
    }

    /// <summary>404 when there is no such need, 403 when it lies outside what the user may read.</summary>
    public static async Task<Demand> VisibleAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct,
        bool tracked = false)
    {
        var query = tracked ? db.Demands : db.Demands.AsNoTracking();
        var demand = await query.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException($"Need {id} is not on the demand list.");
        if (await access.DenialAsync(user, Permissions.ListsRead, demand.RegionCode) is { } why)
        {
            throw new ForbiddenException($"Not allowed: this need lies outside what you may read ({why}).");
        }
        return demand;
    }

    public static async Task<List<ListEvent>> HistoryAsync(LinliDb db, ListEntity entity, Guid id, CancellationToken ct) =>
        await db.ListEvents.AsNoTracking().Where(e => e.EntityId == id && e.Entity == entity).OrderBy(e => e.Id).ToListAsync(ct);
}
