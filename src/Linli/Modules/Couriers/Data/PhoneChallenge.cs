namespace Linli.Modules.Couriers.Data;

/// <summary>
/// A one-time code sent by SMS to prove a phone number. Only a hash of the code and a keyed hash
/// of the phone are stored; a code works once, for a few minutes, for a few tries.
/// </summary>
public sealed class PhoneChallenge
{
    private PhoneChallenge()
    {
        PhoneIndex = CodeHash = Purpose = "";
    }

    public PhoneChallenge(Guid id, string phoneIndex, string codeHash, string purpose, long createdAtMs, long expiresAtMs)
    {
        Id = id;
        PhoneIndex = phoneIndex;
        CodeHash = codeHash;
        Purpose = purpose;
        CreatedAtMs = createdAtMs;
        ExpiresAtMs = expiresAtMs;
    }

    public Guid Id { get; private set; }
    public string PhoneIndex { get; private set; }
    public string CodeHash { get; private set; }
    public string Purpose { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long ExpiresAtMs { get; private set; }
    public int FailedAttempts { get; private set; }
    public long? UsedAtMs { get; private set; }

    public void Fail() => FailedAttempts++;

    public void Use(long nowMs) => UsedAtMs = nowMs;
}
