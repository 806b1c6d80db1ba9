using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.ListAccess;
using Linli.Modules.Lists.ListResources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.ChangeResource;

/// <summary>pause and withdraw take an optional <c>reason</c>, capacity a <c>capacityPerWeek</c>; <c>version</c> (or If-Match) guards.</summary>
public sealed record ChangeResourceRequest(string? Reason = null, int? CapacityPerWeek = null, int? Version = null);

/// <summary>POST /api/v1/resources/{id}/pause|resume|withdraw|capacity: staff with lists:manage in the keeping region.</summary>
internal static class ChangeResource
{
    public static readonly string[] Actions = ["pause", "resume", "withdraw", "capacity"];

    public static async Task<Ok<ResourceView>> Handle(Guid id, string action, ChangeResourceRequest? request, HttpContext http, LinliDb db,
        IAccessControl access, IRegionLookup regions, ResourceViews views, TimeProvider clock, CancellationToken ct)
    {
        await ChangeAsync(id, action, request ?? new(), http.User, db, access, regions, clock, http, ct);
        var view = await GetResource.LoadAsync(id, http.User, db, views, regions, access, ct);
        http.Response.Headers.ETag = Versions.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    public static async Task ChangeAsync(Guid id, string action, ChangeResourceRequest request, ClaimsPrincipal user, LinliDb db,
        IAccessControl access, IRegionLookup regions, TimeProvider clock, HttpContext? http, CancellationToken ct)
    {
        if (!Actions.Contains(action))
        {
            throw new NotFoundException($"There is no action '{action}'. Actions: {string.Join(", ", Actions)}.");
        }
        var resource = await GetResource.VisibleAsync(id, user, db, access, regions, ct, tracked: true);
        await access.EnsureAsync(user, Permissions.ListsManage, resource.RegionCode);
        Versions.Check(http, request.Version, resource.Version, "This resource");
        if (request.Reason is { Length: > 2000 })
        {
            throw new RequestValidationException("reason", "at most 2,000 characters");
        }
        var actor = user.Identity?.Name ?? "unknown";
        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var step = action switch
        {
            "pause" => resource.Paused(actor, reason, now),
            "resume" => resource.Resumed(actor, now),
            "withdraw" => resource.Withdrawn(actor, reason, now),
            _ => resource.CapacityChanged(request.CapacityPerWeek is { } c and <= RecordResource.ResourceRules.MaxCapacity ? c
                : throw new RequestValidationException("capacityPerWeek", $"how much per week: a whole number from 0 to {RecordResource.ResourceRules.MaxCapacity:N0}"),
                actor, now),
        };
        db.ListEvents.Add(step);
        await Versions.SaveAsync(db, "This resource", ct);
    }
}
