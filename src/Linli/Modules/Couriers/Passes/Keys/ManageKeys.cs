using System.Buffers.Text;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Couriers.Passes.Keys;

/// <summary>A signing key as anyone may see it: never the private half.</summary>
public sealed record PassKeyView(string KeyId, string Algorithm, string PublicKey, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? ReplacedAt, DateTimeOffset? RetiredAt);

/// <summary>
/// <c>/api/v1/passes/keys</c>: the public keys (anyone may check a token, so anyone may have them),
/// rotation and retirement (admins).
/// </summary>
internal static class ManageKeys
{
    public static async Task<Ok<List<PassKeyView>>> List(PassKeyRing ring, CancellationToken ct)
    {
        var snapshot = await ring.GetAsync(ct);
        return TypedResults.Ok(snapshot.Rows.Select(View).ToList());
    }

    public static async Task<Ok<PassKeyView>> Rotate(PassKeyRing ring, IAuditLog audit, CancellationToken ct)
    {
        var key = await ring.RotateAsync(ct);
        await audit.RecordAsync("pass-key.rotate", key.KeyId, AuditOutcomes.Success, "new signing key; the previous one verifies only", ct);
        return TypedResults.Ok(View(key));
    }

    public static async Task<Ok<PassKeyView>> Retire(string keyId, PassKeyRing ring, IAuditLog audit, CancellationToken ct)
    {
        var key = await ring.RetireAsync(keyId.Trim(), ct);
        await audit.RecordAsync("pass-key.retire", key.KeyId, AuditOutcomes.Success, "tokens it signed are refused from now on", ct);
        return TypedResults.Ok(View(key));
    }

    public static PassKeyView View(PassSigningKey key) => new(key.KeyId, key.Algorithm, Base64Url.EncodeToString(key.PublicKey),
        PassSupport.StatusText(key.Status), DateTimeOffset.FromUnixTimeMilliseconds(key.CreatedAtMs),
        key.ReplacedAtMs is { } replaced ? DateTimeOffset.FromUnixTimeMilliseconds(replaced) : null,
        key.RetiredAtMs is { } retired ? DateTimeOffset.FromUnixTimeMilliseconds(retired) : null);
}
