using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Linli.Modules.Access.Data;

/// <summary>
/// One line of the audit trail. Append-only and chained: each entry's hash covers its own fields
/// and the previous entry's hash, so editing or deleting a row breaks the chain at that row.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = "";
        Outcome = "";
        PreviousHash = "";
        Hash = "";
    }

    public AuditEntry(long sequence, DateTimeOffset time, string? userId, string? userName, string action, string? target,
        string outcome, string? clientAddress, string? detail, string previousHash)
    {
        Sequence = sequence;
        // Whole milliseconds in UTC: what every store keeps exactly, so the hash survives the round trip.
        Time = DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
        UnixMilliseconds = Time.ToUnixTimeMilliseconds();
        UserId = userId;
        UserName = userName;
        Action = action;
        Target = target;
        Outcome = outcome;
        ClientAddress = clientAddress;
        Detail = detail;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Sequence { get; private set; }
    public DateTimeOffset Time { get; private set; }

    /// <summary>The time again, as a number every provider can compare and index.</summary>
    public long UnixMilliseconds { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string Action { get; private set; }
    public string? Target { get; private set; }
    public string Outcome { get; private set; }
    public string? ClientAddress { get; private set; }
    public string? Detail { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    /// <summary>SHA-256 over the fields, each length-prefixed so no two different entries serialise alike.</summary>
    public string ComputeHash()
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
        {
            Sequence.ToString(CultureInfo.InvariantCulture),
            Time.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserId, UserName, Action, Target, Outcome, ClientAddress, Detail, PreviousHash,
        })
        {
            var text = field ?? "\u0000";
            builder.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
