using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Gate;

/// <summary>
/// The live gate page. A guard joins the group of a site that names them; staff who keep sites
/// join any site in their scope. Nobody else sees who passes a gate.
/// </summary>
public sealed class GateHub(IDbContextFactory<LinliDb> dbFactory, IAccessControl access) : Hub
{
    public const string Route = "/hubs/gate";
    public const string Message = "passage";

    public static string Group(string siteCode) => $"site:{siteCode.ToUpperInvariant()}";

    /// <summary>Starts watching a site; false when the site does not exist or the caller may not watch it.</summary>
    public async Task<bool> Watch(string siteCode)
    {
        if (Context.User is not { Identity.IsAuthenticated: true } user || string.IsNullOrWhiteSpace(siteCode) || siteCode.Length > 16)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        var code = siteCode.Trim().ToUpperInvariant();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, Context.ConnectionAborted);
        if (site is null || !await GateAccess.MayWatchAsync(access, user, site))
        {
            return false;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(code));
        return true;
    }
}

/// <summary>Who may watch a site's gate: its guards, and staff who keep sites in its region.</summary>
internal static class GateAccess
{
    public static async Task<bool> MayWatchAsync(IAccessControl access, ClaimsPrincipal user, Data.Site site)
    {
        if (await access.DenialAsync(user, Permissions.GateGuard) is not null)
        {
            return false;
        }
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is not null && site.GuardList.Contains(id))
        {
            return true;
        }
        return await access.DenialAsync(user, Permissions.SitesManage, site.RegionCode) is null;
    }
}

/// <summary>Sends to the site's group; with the Redis backplane configured, guards on every node get it.</summary>
internal sealed class SignalRGateFeed(IHubContext<GateHub> hub) : IGateFeed
{
    public Task PublishAsync(GatePassage passage, CancellationToken ct = default) =>
        hub.Clients.Group(GateHub.Group(passage.SiteCode)).SendAsync(GateHub.Message, passage, ct);
}
