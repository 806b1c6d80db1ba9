using System.Security.Cryptography;
using System.Text;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Messaging;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Couriers.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Registration;

/// <summary>
/// One-time SMS codes that prove a phone number: six digits, five minutes, five tries, one new code
/// a minute and ten a day per number. Only hashes are stored.
/// </summary>
internal sealed class PhoneVerifier(IDbContextFactory<LinliDb> dbFactory, PersonalDataProtector protector, ISmsSender sms, TimeProvider clock)
{
    public const string RegistrationPurpose = "courier-registration";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    private const int MaxPerDay = 10;
    private const int MaxFailures = 5;

    public async Task<PhoneCodeSent> SendAsync(string? phone, string purpose, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(phone) || !PersonalDataFormats.IsMobile(phone))
        {
            throw new RequestValidationException("phone", "must be an 11-digit mainland mobile number such as 13812345678");
        }
        var normalised = PersonalDataFormats.Normalise(PersonalDataKind.Phone, phone);
        var index = protector.Index(PersonalDataKind.Phone, normalised)!;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dayAgo = now - (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var recent = await db.PhoneChallenges.Where(c => c.PhoneIndex == index && c.CreatedAtMs > dayAgo).Select(c => c.CreatedAtMs).ToListAsync(ct);
        if (recent.Count >= MaxPerDay)
        {
            throw new DomainException("Too many codes", "This number has had ten codes today; try again tomorrow.", StatusCodes.Status429TooManyRequests);
        }
        var wait = recent.Count == 0 ? 0 : recent.Max() + (long)ResendAfter.TotalMilliseconds - now;
        if (wait > 0)
        {
            throw new DomainException("Code sent recently", $"A code was sent less than a minute ago; ask again in {(wait + 999) / 1000} s.", StatusCodes.Status429TooManyRequests);
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7();
        db.PhoneChallenges.Add(new PhoneChallenge(id, index, Hash(id, code), purpose, now, now + (long)Lifetime.TotalMilliseconds));
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(normalised, $"【邻里】验证码 {code}，{(int)Lifetime.TotalMinutes} 分钟内有效，用于小哥码注册。请勿告诉他人。", ct);
        return new PhoneCodeSent(PersonalDataFormats.MaskPhone(normalised), (int)Lifetime.TotalSeconds, (int)ResendAfter.TotalSeconds);
    }

    /// <summary>Checks the latest code sent to the phone and uses it up, in the caller's unit of work (saved with it).</summary>
    public async Task VerifyAsync(LinliDb db, string phone, string? code, string purpose, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length != 6 || !code.Trim().All(char.IsAsciiDigit))
        {
            throw new RequestValidationException("code", "the six-digit code sent by SMS is required");
        }
        var index = protector.Index(PersonalDataKind.Phone, PersonalDataFormats.Normalise(PersonalDataKind.Phone, phone))!;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var challenge = await db.PhoneChallenges
            .Where(c => c.PhoneIndex == index && c.Purpose == purpose)
            .OrderByDescending(c => c.CreatedAtMs)
            .FirstOrDefaultAsync(ct);
        if (challenge is null || challenge.UsedAtMs is not null)
        {
            throw new RequestValidationException("code", "no code is waiting for this number; ask for a new one");
        }
        if (challenge.ExpiresAtMs <= now || challenge.FailedAttempts >= MaxFailures)
        {
            throw new RequestValidationException("code", "the code has expired or was mistyped too often; ask for a new one");
        }
        var expected = Encoding.ASCII.GetBytes(challenge.CodeHash);
        var actual = Encoding.ASCII.GetBytes(Hash(challenge.Id, code.Trim()));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            challenge.Fail();
            // The failed try counts even though the request fails.
            await db.SaveChangesAsync(ct);
            throw new RequestValidationException("code", $"the code is wrong ({MaxFailures - challenge.FailedAttempts} tries left)");
        }
        challenge.Use(now);
    }

    private static string Hash(Guid challengeId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{challengeId:N}:{code}")));
}

public sealed record PhoneCodeRequest(string? Phone);

/// <summary>The masked number the code went to, how long it lasts and when another may be asked for.</summary>
public sealed record PhoneCodeSent(string Phone, int ExpiresInSeconds, int ResendAfterSeconds);
