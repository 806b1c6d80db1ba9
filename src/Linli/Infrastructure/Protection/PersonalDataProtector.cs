using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Linli.Infrastructure.Protection;

/// <summary>
/// Encrypts personal data (names, phone numbers, ID numbers, addresses) for storage and computes
/// the keyed hash that finds it by exact match. The keys live outside the database: the Data
/// Protection key ring (AES-256-CBC + HMAC, key ids in every payload, rotated every 90 days, old
/// keys kept for reading) and a separate 256-bit index key, both in <c>Linli:KeysPath</c>.
/// Someone who copies the database gets ciphertext and hashes they cannot reverse.
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly IDataProtector _protector;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(IDataProtectionProvider provider, PersonalDataKeys keys)
    {
        _protector = provider.CreateProtector("Linli.PersonalData.v1");
        _indexKey = keys.IndexKey;
    }

    public string? Protect(string? plaintext) => plaintext is null ? null : _protector.Protect(plaintext);

    public string? Unprotect(string? ciphertext) => ciphertext is null ? null : _protector.Unprotect(ciphertext);

    /// <summary>For displays: a value whose key is gone (a restored database without its key folder) reads as a marker, not a crash.</summary>
    public string? UnprotectOrMarker(string? ciphertext)
    {
        try
        {
            return Unprotect(ciphertext);
        }
        catch (CryptographicException)
        {
            return Unreadable;
        }
    }

    public const string Unreadable = "[unreadable: key missing]";

    /// <summary>HMAC-SHA256 of the normalised value, per kind, so equal phone numbers match and nothing else leaks.</summary>
    public string? Index(PersonalDataKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var normalised = $"{kind}:{PersonalDataFormats.Normalise(kind, value)}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>
    /// A keyed hash of a short secret (a six-digit code has only 10^6 values, so a plain hash of it is
    /// reversed from a database dump in a millisecond): HMAC-SHA256 under a key derived from the index
    /// key for this <paramref name="purpose"/> alone, so it never equals a personal-data index or another
    /// purpose's hash of the same text. Without the key folder the hashes cannot be checked, let alone reversed.
    /// </summary>
    public string Keyed(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(value);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, _indexKey, 32, info: Encoding.UTF8.GetBytes($"Linli.Keyed.v1:{purpose}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }
}

public enum PersonalDataKind
{
    Name,
    Phone,
    IdNumber,
    Address,
}

/// <summary>The blind-index key, generated once into the key folder.</summary>
public sealed class PersonalDataKeys
{
    public PersonalDataKeys(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "personal-data-index.key");
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(Encoding.ASCII.GetBytes(fresh));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node created it first; use theirs.
            }
        }
        IndexKey = Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    public byte[] IndexKey { get; }
}
