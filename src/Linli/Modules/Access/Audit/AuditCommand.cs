using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Audit;

/// <summary><c>linli audit verify</c>: checks the audit chain of the configured database.</summary>
internal static class AuditCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "audit";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        if (args is not ["audit", "verify", ..])
        {
            await output.WriteLineAsync("usage: audit verify");
            return 2;
        }
        var factory = services.GetRequiredService<IDbContextFactory<LinliDb>>();
        await using var db = await factory.CreateDbContextAsync();
        var result = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
        if (result.Intact)
        {
            await output.WriteLineAsync($"Audit trail intact: {result.Entries} entries.");
            return 0;
        }
        await output.WriteLineAsync($"Audit trail BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}");
        return 1;
    }
}
