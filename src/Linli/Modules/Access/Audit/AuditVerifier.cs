using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Audit;

/// <summary>The result of walking the chain: how many entries, and the first that does not hold.</summary>
public sealed record AuditVerification(long Entries, long? FirstBrokenSequence, string? Problem)
{
    public bool Intact => FirstBrokenSequence is null;
}

/// <summary>Recomputes every entry's hash and checks each links to the one before.</summary>
internal static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(LinliDb db, CancellationToken ct)
    {
        var previousHash = Data.AuditEntry.GenesisHash;
        long expected = 1, count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new AuditVerification(count, expected, $"entry {expected} is missing (next is {entry.Sequence})");
            }
            if (entry.PreviousHash != previousHash)
            {
                return new AuditVerification(count, entry.Sequence, $"entry {entry.Sequence} does not link to entry {entry.Sequence - 1}");
            }
            if (entry.ComputeHash() != entry.Hash)
            {
                return new AuditVerification(count, entry.Sequence, $"entry {entry.Sequence} was altered: its content no longer matches its hash");
            }
            previousHash = entry.Hash;
            expected++;
        }
        return new AuditVerification(count, null, null);
    }
}
