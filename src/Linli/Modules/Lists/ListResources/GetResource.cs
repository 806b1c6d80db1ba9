using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.GetDemand;
using Linli.Modules.Lists.ListAccess;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListResources;

/// <summary>GET /api/v1/resources/{id}: one offer with its history and, when known, the capacity used.</summary>
internal static class GetResource
{
    public static async Task<Ok<ResourceView>> Handle(Guid id, HttpContext http, LinliDb db, ResourceViews views, IRegionLookup regions,
        IAccessControl access, CancellationToken ct)
    {
        var view = await LoadAsync(id, http.User, db, views, regions, access, ct);
        http.Response.Headers.ETag = Versions.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    public static async Task<ResourceView> LoadAsync(Guid id, ClaimsPrincipal user, LinliDb db, ResourceViews views, IRegionLookup regions,
        IAccessControl access, CancellationToken ct)
    {
        var resource = await VisibleAsync(id, user, db, access, regions, ct);
        var history = await GetDemand.GetDemand.HistoryAsync(db, ListEntity.Resource, id, ct);
        return (await views.OfAsync(db, [resource], ct))[0] with
        {
            History = history.Select(e => new HistoryEntry(e.At.ToOffset(DemandViews.China), e.Action, e.Actor, e.Note)).ToList(),
        };
    }

    /// <summary>404 when there is none, 403 when it is kept outside what the user may read (and not by a region above her).</summary>
    public static async Task<Resource> VisibleAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, IRegionLookup regions,
        CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Resources : db.Resources.AsNoTracking();
        var resource = await query.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"Resource {id} is not on the resource list.");
        if (!await db.Resources.Where(r => r.Id == id).Where(await ListScope.ResourcesAsync(user, access, regions)).AnyAsync(ct))
        {
            throw new ForbiddenException("Not allowed: this resource is kept outside what you may read.");
        }
        return resource;
    }
}
