using Linli.Modules.Couriers.Data;
using NSec.Cryptography;

namespace Linli.Modules.Couriers.Passes.Verify;

/// <summary>A public key a verifier knows, already imported (importing costs more than a verification).</summary>
internal sealed record PassVerifyKey(string KeyId, PublicKey PublicKey, SigningKeyStatus Status);

/// <summary>
/// The keys a verifier holds, by key id: immutable, so a node swaps the whole set when keys rotate
/// and verifications in flight keep the one they started with.
/// </summary>
internal sealed class PassKeySet
{
    private readonly Dictionary<string, PassVerifyKey> _keys;
    private readonly Dictionary<string, PassVerifyKey>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public PassKeySet(IEnumerable<PassVerifyKey> keys)
    {
        _keys = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
        _bySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PassKeySet Empty { get; } = new([]);

    /// <summary>Imports raw 32-byte Ed25519 public keys.</summary>
    public static PassKeySet FromRaw(IEnumerable<(string KeyId, byte[] PublicKey, SigningKeyStatus Status)> keys) =>
        new(keys.Select(k => new PassVerifyKey(k.KeyId, PublicKey.Import(SignatureAlgorithm.Ed25519, k.PublicKey, KeyBlobFormat.RawPublicKey), k.Status)));

    public IReadOnlyCollection<PassVerifyKey> All => _keys.Values;

    public bool TryGet(string keyId, out PassVerifyKey? key) => _keys.TryGetValue(keyId, out key);

    /// <summary>Looks a key up by the ASCII bytes a token carries, without making a string.</summary>
    public bool TryGet(ReadOnlySpan<byte> asciiKeyId, out PassVerifyKey? key)
    {
        Span<char> chars = stackalloc char[asciiKeyId.Length];
        for (var i = 0; i < asciiKeyId.Length; i++)
        {
            chars[i] = (char)asciiKeyId[i];
        }
        return _bySpan.TryGetValue(chars, out key);
    }
}
