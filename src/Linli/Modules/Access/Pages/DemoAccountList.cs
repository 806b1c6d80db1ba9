using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Bootstrap;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Pages;

/// <summary>The demo accounts for the sign-in page, only while the demo city is in use.</summary>
internal sealed class DemoAccountList(IDbContextFactory<LinliDb> dbFactory, IConfiguration configuration, IRegionLookup regions)
{
    public sealed record Entry(string Username, string Role, string Scope);

    public async Task<IReadOnlyList<Entry>> ListAsync()
    {
        if (string.Equals(configuration["Linli:DemoCity"], "none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var marker = await db.AppSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == AccountBootstrap.DemoAccountsKey);
        if (marker is null)
        {
            return [];
        }
        var names = marker.Value.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, Assignments = u.Assignments.Select(a => new { a.Role, a.Scope, a.Department }).ToList() })
            .ToListAsync();
        return accounts
            .OrderBy(a => Array.IndexOf(names, a.UserName))
            .SelectMany(a => a.Assignments.Select(s => new Entry(a.UserName!, $"{Roles.ChineseName(s.Role)} {s.Role}",
                s.Scope is { } scope ? $"{regions.PathTo(scope).LastOrDefault()?.Name ?? scope} {scope}" : s.Department ?? "—")))
            .ToList();
    }
}
