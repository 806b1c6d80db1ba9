using System.Security.Cryptography;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Couriers.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Registration;

/// <summary>Issues the pass an approved courier holds: a number riders quote and guards read, valid for a year.</summary>
internal static class PassIssuer
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    // No 0/O or 1/I/L: the number is read aloud over the phone in complaints.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The courier's pass that is neither revoked nor expired, if any.</summary>
    public static Task<CourierPass?> CurrentAsync(LinliDb db, Guid courierId, long nowMs, CancellationToken ct) =>
        db.CourierPasses.Where(p => p.CourierId == courierId && p.RevokedAtMs == null && p.ExpiresAtMs > nowMs)
            .OrderByDescending(p => p.IssuedAtMs).FirstOrDefaultAsync(ct);

    public static CourierPass Issue(LinliDb db, Courier courier, long nowMs)
    {
        var area = courier.RegionCode.Length >= 6 ? courier.RegionCode[..6] : courier.RegionCode;
        var number = $"XG-{area}-{string.Concat(Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]))}";
        var pass = new CourierPass(Guid.CreateVersion7(), courier.Id, number, nowMs, nowMs + (long)Validity.TotalMilliseconds);
        db.CourierPasses.Add(pass);
        return pass;
    }
}
