using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.GetDemand;
using Linli.Modules.Lists.ListAccess;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.ChangeDemand;

/// <summary>close takes <c>evidence</c>, fulfil an optional <c>note</c>, reopen a <c>reason</c>; <c>version</c> (or If-Match) guards against a concurrent change.</summary>
public sealed record ChangeDemandRequest(string? Evidence = null, string? Note = null, string? Reason = null, int? Version = null);

/// <summary>
/// POST /api/v1/demands/{id}/close|fulfil|reopen: staff with lists:manage in the need's region move
/// it on through the entity's own rules (409 when the status does not allow it), with its history.
/// </summary>
internal static class ChangeDemand
{
    public static readonly string[] Actions = ["close", "fulfil", "reopen"];

    public static Task<Ok<DemandView>> Close(Guid id, ChangeDemandRequest? request, HttpContext http, LinliDb db, IAccessControl access,
        DemandViews views, TimeProvider clock, CancellationToken ct) => HandleAsync(id, "close", request, http, db, access, views, clock, ct);

    public static Task<Ok<DemandView>> Fulfil(Guid id, ChangeDemandRequest? request, HttpContext http, LinliDb db, IAccessControl access,
        DemandViews views, TimeProvider clock, CancellationToken ct) => HandleAsync(id, "fulfil", request, http, db, access, views, clock, ct);

    public static Task<Ok<DemandView>> Reopen(Guid id, ChangeDemandRequest? request, HttpContext http, LinliDb db, IAccessControl access,
        DemandViews views, TimeProvider clock, CancellationToken ct) => HandleAsync(id, "reopen", request, http, db, access, views, clock, ct);

    private static async Task<Ok<DemandView>> HandleAsync(Guid id, string action, ChangeDemandRequest? request, HttpContext http, LinliDb db,
        IAccessControl access, DemandViews views, TimeProvider clock, CancellationToken ct)
    {
        await ChangeAsync(id, action, request ?? new(), http.User, db, access, clock, http, ct);
        var view = await GetDemand.GetDemand.LoadAsync(id, http.User, db, access, views, ct);
        http.Response.Headers.ETag = Versions.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>The page calls this with its own context and the version it showed (rule 11).</summary>
    public static async Task ChangeAsync(Guid id, string action, ChangeDemandRequest request, ClaimsPrincipal user, LinliDb db,
        IAccessControl access, TimeProvider clock, HttpContext? http, CancellationToken ct)
    {
        var demand = await GetDemand.GetDemand.VisibleAsync(id, user, db, access, ct, tracked: true);
        await access.EnsureAsync(user, Permissions.ListsManage, demand.RegionCode);
        Versions.Check(http, request.Version, demand.Version, "This need");
        var actor = user.Identity?.Name ?? "unknown";
        var now = clock.GetUtcNow();
        var step = action switch
        {
            "close" => demand.Closed(actor, Limit(request.Evidence, "evidence") ?? "", now),
            "fulfil" => demand.Fulfilled(actor, Limit(request.Note, "note"), now),
            "reopen" => demand.Reopened(actor, Limit(request.Reason, "reason") is { Length: > 0 } reason ? reason
                : throw new RequestValidationException("reason", "say why the need goes back on the open list"), now),
            _ => throw new NotFoundException($"There is no action '{action}'."),
        };
        db.ListEvents.Add(step);
        await Versions.SaveAsync(db, "This need", ct);
    }

    private static string? Limit(string? text, string field) =>
        text is { Length: > 2000 } ? throw new RequestValidationException(field, "at most 2,000 characters") : text?.Trim();
}
