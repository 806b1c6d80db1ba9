using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.ListAccess;

/// <summary>The If-Match header names a version that is no longer current (412, nothing changed).</summary>
public sealed class StaleEntryException(string detail) : DomainException("Precondition failed", detail, StatusCodes.Status412PreconditionFailed);

/// <summary>
/// Optimistic concurrency for the lists, as the case loop does it: the ETag is the entry's version;
/// a stale If-Match is 412 before anything happens, a stale <c>version</c> in the body or a change
/// that lands between our read and our write is 409. Either way nothing is saved.
/// </summary>
internal static class Versions
{
    public static string ETag(int version) => $"\"{version}\"";

    public static void Check(HttpContext? http, int? bodyVersion, int current, string what)
    {
        var ifMatch = http?.Request.Headers.IfMatch.ToString() ?? "";
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != ETag(current))
        {
            throw new StaleEntryException($"{what} has changed since {ifMatch} (now {ETag(current)}); reload it and try again.");
        }
        if (bodyVersion is { } v && v != current)
        {
            throw new DomainException("Changed by someone else", $"{what} is at version {current}, not {v}: someone changed it first; reload it and try again.");
        }
    }

    public static async Task SaveAsync(LinliDb db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed by someone else", $"{what} was changed by someone else at the same moment; reload it and try again.");
        }
    }
}
