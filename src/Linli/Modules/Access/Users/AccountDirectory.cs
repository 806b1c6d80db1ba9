using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Users;

internal sealed class AccountDirectory(IDbContextFactory<LinliDb> dbFactory) : IAccountDirectory
{
    public async Task<string?> ResolveAsync(string idOrUserName, CancellationToken ct = default)
    {
        var key = idOrUserName.Trim();
        if (key.Length is 0 or > 256)
        {
            return null;
        }
        var normalised = key.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == key || u.NormalizedUserName == normalised)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(ct);
    }
}
