namespace Linli.Modules.Couriers.Data;

public enum SigningKeyStatus
{
    /// <summary>Signs new tokens (exactly one key at a time).</summary>
    Active,

    /// <summary>Replaced by a newer key; tokens it signed are still accepted until they run out.</summary>
    VerifyOnly,

    /// <summary>Withdrawn: tokens it signed are refused, online and at every gate that has synced.</summary>
    Retired,
}

/// <summary>
/// An Ed25519 key that signs offline pass tokens. Gate devices hold only the public halves,
/// named by <see cref="KeyId"/>; the private half is kept encrypted with the app's data-protection keys.
/// </summary>
public sealed class PassSigningKey
{
    private PassSigningKey()
    {
        KeyId = Algorithm = PrivateKeyProtected = "";
        PublicKey = [];
    }

    public PassSigningKey(string keyId, string algorithm, byte[] publicKey, string privateKeyProtected, long createdAtMs)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        PublicKey = publicKey;
        PrivateKeyProtected = privateKeyProtected;
        CreatedAtMs = createdAtMs;
        Status = SigningKeyStatus.Active;
    }

    /// <summary>Short and printable (it travels in every token), e.g. "k7Q2"; unique for ever.</summary>
    public string KeyId { get; private set; }

    public string Algorithm { get; private set; }
    public byte[] PublicKey { get; private set; }
    public string PrivateKeyProtected { get; private set; }
    public SigningKeyStatus Status { get; private set; }
    public long CreatedAtMs { get; private set; }

    /// <summary>When a newer key took over signing.</summary>
    public long? ReplacedAtMs { get; private set; }

    public long? RetiredAtMs { get; private set; }

    public void ReplaceBy(long nowMs)
    {
        Status = SigningKeyStatus.VerifyOnly;
        ReplacedAtMs = nowMs;
    }

    public void Retire(long nowMs)
    {
        Status = SigningKeyStatus.Retired;
        RetiredAtMs = nowMs;
    }
}
