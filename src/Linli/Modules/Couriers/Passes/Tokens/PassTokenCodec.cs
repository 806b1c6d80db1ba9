using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace Linli.Modules.Couriers.Passes.Tokens;

/// <summary>What a pass token says, once decoded (its signature is checked separately).</summary>
public sealed record PassTokenClaims(string KeyId, Guid PassId, byte PlatformCode, uint NotBefore, uint NotAfter, string MaskedName);

/// <summary>
/// The rider's rotating token: "LX1." then base64url (no padding) of
/// <c>version(1) | keyIdLength(1) keyId(ASCII) | passId(16, RFC 4122 byte order) | platform(1) |
/// notBefore(4, big-endian Unix s) | notAfter(4) | nameLength(1) name(UTF-8) | Ed25519 signature(64)</c>,
/// the signature covering every byte before it. About 140 characters: a small QR code a cheap
/// phone camera reads at arm's length.
/// </summary>
internal static class PassTokenCodec
{
    public const string Prefix = "LX1.";
    public const byte Version = 1;
    public const int SignatureLength = 64;
    public const int MaxKeyIdLength = 8;
    public const int MaxNameBytes = 48;

    /// <summary>Longer text than this is not a token; checked before any decoding so junk costs nothing.</summary>
    public const int MaxTokenChars = 256;

    private const int FixedLength = 1 + 1 + 16 + 1 + 4 + 4 + 1;

    /// <summary>The bytes the signature covers.</summary>
    public static byte[] Payload(string keyId, Guid passId, byte platformCode, uint notBefore, uint notAfter, string maskedName)
    {
        var name = Encoding.UTF8.GetBytes(maskedName);
        if (name.Length > MaxNameBytes)
        {
            // Cut on a character boundary: a masked name is short anyway (马*, 欧阳**).
            var chars = maskedName.Length;
            while (Encoding.UTF8.GetByteCount(maskedName.AsSpan(0, chars)) > MaxNameBytes) chars--;
            name = Encoding.UTF8.GetBytes(maskedName[..chars]);
        }
        if (keyId.Length is 0 or > MaxKeyIdLength || !Ascii.IsValid(keyId))
        {
            throw new ArgumentException("A key id is 1-8 ASCII characters.", nameof(keyId));
        }
        var payload = new byte[FixedLength + keyId.Length + name.Length];
        var at = 0;
        payload[at++] = Version;
        payload[at++] = (byte)keyId.Length;
        at += Encoding.ASCII.GetBytes(keyId, payload.AsSpan(at));
        passId.TryWriteBytes(payload.AsSpan(at, 16), bigEndian: true, out _);
        at += 16;
        payload[at++] = platformCode;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(at), notBefore);
        at += 4;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(at), notAfter);
        at += 4;
        payload[at++] = (byte)name.Length;
        name.CopyTo(payload.AsSpan(at));
        return payload;
    }

    public static string Encode(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        var all = new byte[payload.Length + signature.Length];
        payload.CopyTo(all);
        signature.CopyTo(all.AsSpan(payload.Length));
        return Prefix + Base64Url.EncodeToString(all);
    }

    /// <summary>Base64url-decodes the token's body into <paramref name="buffer"/>; false for anything that is not one.</summary>
    public static bool TryUnwrap(ReadOnlySpan<char> token, Span<byte> buffer, out int length)
    {
        length = 0;
        token = token.Trim();
        if (token.Length > MaxTokenChars || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var body = token[Prefix.Length..];
        return Base64Url.DecodeFromChars(body, buffer, out var consumed, out length) == OperationStatus.Done && consumed == body.Length;
    }

    /// <summary>
    /// Splits decoded bytes into their fields without allocating. Every length is checked against
    /// what is left, and nothing may trail the signature; never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out TokenFields fields)
    {
        fields = default;
        if (bytes.Length < FixedLength + 1 + SignatureLength || bytes[0] != Version)
        {
            return false;
        }
        int keyLength = bytes[1];
        if (keyLength is 0 or > MaxKeyIdLength)
        {
            return false;
        }
        var at = 2 + keyLength;
        if (bytes.Length < at + 16 + 1 + 4 + 4 + 1)
        {
            return false;
        }
        var passAt = at;
        at += 16;
        var platform = bytes[at++];
        var notBefore = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
        at += 4;
        var notAfter = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
        at += 4;
        int nameLength = bytes[at++];
        if (nameLength > MaxNameBytes || bytes.Length != at + nameLength + SignatureLength)
        {
            return false;
        }
        if (notAfter <= notBefore)
        {
            return false;
        }
        fields = new TokenFields(keyLength, passAt, platform, notBefore, notAfter, at, nameLength, at + nameLength);
        return true;
    }

    /// <summary>Decodes a token into its claims (allocating); false for anything malformed.</summary>
    public static bool TryDecode(string? token, out PassTokenClaims? claims)
    {
        claims = null;
        if (token is null)
        {
            return false;
        }
        Span<byte> buffer = stackalloc byte[MaxTokenChars];
        if (!TryUnwrap(token, buffer, out var length) || !TryParse(buffer[..length], out var fields))
        {
            return false;
        }
        var bytes = buffer[..length];
        if (!TryReadName(bytes, fields, out var name))
        {
            return false;
        }
        claims = new PassTokenClaims(Encoding.ASCII.GetString(bytes.Slice(2, fields.KeyIdLength)), fields.PassId(bytes), fields.PlatformCode,
            fields.NotBefore, fields.NotAfter, name);
        return true;
    }

    public static bool TryReadName(ReadOnlySpan<byte> bytes, in TokenFields fields, out string name)
    {
        name = "";
        var span = bytes.Slice(fields.NameAt, fields.NameLength);
        if (!Utf8.IsValid(span))
        {
            return false;
        }
        name = Encoding.UTF8.GetString(span);
        return true;
    }
}

/// <summary>Offsets of a token's fields inside its decoded bytes.</summary>
internal readonly record struct TokenFields(int KeyIdLength, int PassIdAt, byte PlatformCode, uint NotBefore, uint NotAfter,
    int NameAt, int NameLength, int SignatureAt)
{
    public ReadOnlySpan<byte> KeyId(ReadOnlySpan<byte> bytes) => bytes.Slice(2, KeyIdLength);

    public Guid PassId(ReadOnlySpan<byte> bytes) => new(bytes.Slice(PassIdAt, 16), bigEndian: true);
}
