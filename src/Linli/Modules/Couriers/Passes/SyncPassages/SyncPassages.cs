using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Passes.Keys;
using Linli.Modules.Couriers.Passes.Verify;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Passes.SyncPassages;

public sealed record OfflinePassage(string? DeviceRef, string? Token, DateTimeOffset? CheckedAt, bool? Allowed, string? Reason);

public sealed record SyncPassagesRequest(string? Site, IReadOnlyList<OfflinePassage?>? Passages);

public sealed record SyncRejection(int Index, string Reason);

public sealed record SyncPassagesResponse(int Stored, int Duplicates, IReadOnlyList<SyncRejection> Rejected);

/// <summary>
/// <c>POST /api/v1/passes/passages/sync</c>: a gate device uploads what it checked offline. Each
/// entry is stored once (its device ref is unique), all in one transaction. The token is decoded
/// again for the pass it names and its signature checked again: a device cannot record a forged
/// token as let in.
/// </summary>
internal static class SyncPassages
{
    public const int MaxPassages = 1000;

    public static async Task<Ok<SyncPassagesResponse>> Handle(SyncPassagesRequest request, ClaimsPrincipal user, LinliDb db, PassKeyRing ring,
        IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        if (request.Passages is null) throw new RequestValidationException("passages", "is required");
        if (request.Passages.Count > MaxPassages) throw new RequestValidationException("passages", $"at most {MaxPassages} per upload");
        var site = await PassSupport.SiteForGateAsync(db, access, user, request.Site, ct);
        var userId = PassSupport.UserId(user);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rejected = new List<SyncRejection>();
        var entries = new List<(int Index, OfflinePassage Entry)>();
        for (var i = 0; i < request.Passages.Count; i++)
        {
            if (Problem(request.Passages[i], nowMs) is { } problem) rejected.Add(new SyncRejection(i, problem));
            else entries.Add((i, request.Passages[i]!));
        }
        var keys = (await ring.GetAsync(ct)).Keys;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (stored, duplicates) = await StoreAsync(db, site, entries, keys, userId, nowMs, ct);
                return TypedResults.Ok(new SyncPassagesResponse(stored, duplicates, rejected));
            }
            catch (DbUpdateException e) when (attempt < 2 && DbErrors.IsUniqueViolation(e))
            {
                // The same upload arrived twice at once (a retry on another node): read again what is stored now.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static string? Problem(OfflinePassage? entry, long nowMs)
    {
        if (entry is null) return "is empty";
        if (string.IsNullOrWhiteSpace(entry.DeviceRef) || entry.DeviceRef.Length > 120) return "deviceRef: required, at most 120 characters";
        if (string.IsNullOrWhiteSpace(entry.Token) || entry.Token.Length > PassSupport.MaxTokenFieldLength)
        {
            return $"token: required, at most {PassSupport.MaxTokenFieldLength} characters";
        }
        if (entry.CheckedAt is not { } at) return "checkedAt: required";
        if (at.ToUnixTimeMilliseconds() > nowMs + (5 * 60_000)) return "checkedAt: in the future";
        if (entry.Allowed is null) return "allowed: required";
        if (entry.Reason is not null && !PassRefusals.All.Contains(entry.Reason)) return $"reason: unknown code '{entry.Reason}'";
        if (entry.Allowed == false && entry.Reason is null) return "reason: required when the passage was refused";
        return null;
    }

    private static async Task<(int Stored, int Duplicates)> StoreAsync(LinliDb db, Site site, List<(int Index, OfflinePassage Entry)> entries,
        PassKeySet keys, string userId, long nowMs, CancellationToken ct)
    {
        var refs = entries.Select(e => e.Entry.DeviceRef!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Passages.AsNoTracking().Where(p => p.DeviceRef != null && refs.Contains(p.DeviceRef)).Select(p => p.DeviceRef!)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var checkedTokens = entries.Select(e => (e.Entry, Reason: PassTokenVerifier.CheckSignature(e.Entry.Token, keys, out _, out var claims, acceptRetired: true),
            Claims: claims)).ToList();
        var passIds = checkedTokens.Where(c => c.Reason is null).Select(c => c.Claims!.PassId).Distinct().ToList();
        var courierByPass = await db.CourierPasses.AsNoTracking().Where(p => passIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CourierId, ct);

        var stored = 0;
        var duplicates = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (entry, signatureProblem, claims) in checkedTokens)
        {
            var deviceRef = entry.DeviceRef!.Trim();
            if (!known.Add(deviceRef))
            {
                duplicates++;
                continue;
            }
            // Whatever the device said, a token whose signature does not hold was not a pass.
            var allowed = signatureProblem is null && entry.Allowed == true;
            var reason = signatureProblem ?? (allowed ? null : entry.Reason);
            Guid? courierId = signatureProblem is null && courierByPass.TryGetValue(claims!.PassId, out var c) ? c : null;
            db.Passages.Add(new Passage(Guid.NewGuid(), site.Id, courierId, claims?.PassId, PassageMethod.TokenOffline, allowed, reason,
                entry.CheckedAt!.Value.ToUnixTimeMilliseconds()).CheckedAtGate(userId, null, deviceRef, nowMs));
            stored++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (stored, duplicates);
    }
}
