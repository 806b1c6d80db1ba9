using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Notifications;

/// <summary>
/// Live case updates. A signed-in user joins the groups of her scopes and units; a reporter joins
/// her case's group by presenting the follow link's secret.
/// </summary>
public sealed class CaseHub(IAccessControl access, IDbContextFactory<LinliDb> dbFactory) : Hub
{
    public const string Route = "/hubs/cases";
    public const string Message = "caseChanged";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { Identity.IsAuthenticated: true } user)
        {
            var scopes = await access.ScopesAsync(user, Permissions.CasesRead);
            var groups = scopes is null && await access.DenialAsync(user, Permissions.CasesRead) is null
                ? ["region:*"]
                : (scopes ?? []).Select(s => $"region:{RegionScope.Prefix(s)}").ToList();
            groups.AddRange((await access.AssignmentsAsync(user)).Select(a => a.Department).OfType<string>().Select(d => $"unit:{d}"));
            if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
            {
                groups.Add($"user:{id}");
            }
            foreach (var group in groups.Distinct())
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group);
            }
        }
        await base.OnConnectedAsync();
    }

    /// <summary>A reporter without an account follows her case with the link's secret.</summary>
    public async Task<bool> Follow(string token)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var id = await ReportCase.FollowLinks.CaseOfAsync(db, token, Context.ConnectionAborted);
        if (id is null)
        {
            return false;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, $"case:{id}");
        return true;
    }
}
