using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Merchants;
using Microsoft.EntityFrameworkCore;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Points;

/// <summary>
/// Earning by volunteer hours, paying merchants with a short-lived code, and who may see whose
/// ledger. Paying works by code, not by the merchant typing an account: the person decides how
/// many points to pay, and a merchant can take no more than the person showed.
/// </summary>
internal sealed class PointsDesk(PointsBook book, IRegionLookup regions, IAccessControl access, IAccountDirectory accounts, IAuditLog audit,
    IConfiguration configuration, TimeProvider clock)
{
    // No 0/O, 1/I/L: read aloud at a counter.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int CodeLength = 8;

    private int CodeMinutes => configuration.GetValue("Linli:Points:RedemptionCodeMinutes", 10);

    public async Task<HoursView> RecordHoursAsync(LinliDb db, ClaimsPrincipal user, HoursRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // Staff know volunteers by their user name; the account id works too.
        var volunteer = string.IsNullOrWhiteSpace(request.UserId) ? null : await accounts.ResolveAsync(request.UserId, ct);
        if (string.IsNullOrWhiteSpace(request.UserId)) errors["userId"] = ["is required: the volunteer's user name or account id"];
        else if (volunteer is null) errors["userId"] = [$"no account '{request.UserId.Trim()}': the volunteer needs a Linli account to collect points"];
        if (request.Hours is not (>= 0.25m and <= 24m)) errors["hours"] = ["between 0.25 and 24 hours"];
        if (string.IsNullOrWhiteSpace(request.Activity)) errors["activity"] = ["is required"];
        else if (request.Activity.Trim().Length > 200) errors["activity"] = ["at most 200 characters"];
        if (string.IsNullOrWhiteSpace(request.RegionCode) || regions.PathTo(request.RegionCode).Count == 0) errors["regionCode"] = ["give an existing region code"];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime).DateTime);
        if (request.Date is { } d && (d > today || d < today.AddYears(-1))) errors["date"] = ["within the last year, not in the future"];
        if (errors.Count > 0) throw new RequestValidationException(errors);
        await access.EnsureAsync(user, Permissions.ListsManage, request.RegionCode);
        var hours = Math.Round(request.Hours!.Value, 2);
        var points = (int)Math.Round(hours * book.PointsPerHour, MidpointRounding.AwayFromZero);
        var record = new VolunteerHours(Guid.CreateVersion7(), volunteer!, request.RegionCode!, request.Activity!.Trim(), request.Date ?? today,
            hours, points, UserId(user), book.NowMs);
        // The hours and the points they earn stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.VolunteerHours.Add(record);
        await db.SaveChangesAsync(ct);
        if (points > 0)
        {
            await book.EarnAsync(db, record.UserId, points, $"volunteering: {record.Activity} ({hours} h)", $"volunteer:{record.Id}", UserId(user), record.RegionCode, ct);
        }
        await transaction.CommitAsync(ct);
        return new HoursView(record.Id, record.UserId, record.Hours, record.Points, record.RegionCode, record.Activity, record.Date);
    }

    public async Task<CodeView> CreateCodeAsync(LinliDb db, ClaimsPrincipal user, CodeRequest request, CancellationToken ct)
    {
        if (request.Points is not (>= 1 and <= 100_000)) throw new RequestValidationException("points", "between 1 and 100,000");
        var userId = UserId(user);
        var ledger = await book.LedgerAsync(db, userId, ct);
        if (ledger.Balance < request.Points)
        {
            throw new DomainException("Not enough points", $"the balance is {ledger.Balance} points, fewer than the {request.Points} asked for");
        }
        var code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(CodeMinutes);
        db.RedemptionCodes.Add(new RedemptionCode(Guid.CreateVersion7(), Hash(code), userId, request.Points.Value, now.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds()));
        await db.SaveChangesAsync(ct);
        return new CodeView(code, request.Points.Value, expires.ToOffset(ChinaTime));
    }

    /// <summary>A merchant takes the points a code stands for: once, before it expires, only while the merchant is approved.</summary>
    public async Task<RedeemView> RedeemAsync(LinliDb db, ClaimsPrincipal user, RedeemRequest request, CancellationToken ct)
    {
        if (request.MerchantId is not { } merchantId) throw new RequestValidationException("merchantId", "is required");
        if (string.IsNullOrWhiteSpace(request.Code)) throw new RequestValidationException("code", "is required");
        var merchant = await MerchantService.FindAsync(db, merchantId, ct);
        if (merchant.OwnerUserId != UserId(user)) throw new ForbiddenException("Not allowed: this is another merchant's record.");
        if (merchant.Status != MerchantStatus.Approved) throw new DomainException("Not allowed now", "only an approved alliance merchant can take points");
        var hash = Hash(request.Code.Trim().ToUpperInvariant());
        var now = book.NowMs;
        var code = await db.RedemptionCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, ct);
        if (code is null || code.ExpiresAtMs <= now)
        {
            await audit.RecordAsync("points.redeem", merchantId.ToString(), AuditOutcomes.Failure, "unknown or expired code", ct);
            throw new DomainException("Code not valid", "the code is unknown or has expired; ask the customer to show a new one");
        }
        if (code.UserId == merchant.OwnerUserId) throw new DomainException("Not allowed", "a merchant cannot take its owner's own points");
        await using var transaction = await book.LockAsync(db, code.UserId, ct);
        var claimed = await db.RedemptionCodes.Where(c => c.Id == code.Id && c.UsedAtMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAtMs, now).SetProperty(c => c.MerchantId, merchantId), ct);
        if (claimed == 0) throw new DomainException("Code already used", "this code has already been used; a point is spent only once");
        var entry = await book.SpendLockedAsync(db, code.UserId, code.Points, $"redeemed at {merchant.Name}", $"redeem:{code.Id}", UserId(user),
            merchant.Id, merchant.RegionCode, ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync("points.redeem", merchantId.ToString(), AuditOutcomes.Success, $"{code.Points} points", ct);
        return new RedeemView(entry.Id, code.Points, merchant.Id, FromMs(entry.AtMs));
    }

    /// <summary>A person's ledger for staff: everywhere for admins, else only if the person earned or spent points in the staff member's scope.</summary>
    public async Task<LedgerView> PersonAsync(LinliDb db, ClaimsPrincipal user, string userId, CancellationToken ct)
    {
        var scopes = await access.ScopesAsync(user, Permissions.ListsRead);
        if (scopes is not null)
        {
            var regionsOfPerson = await db.PointEntries.AsNoTracking().Where(e => e.UserId == userId && e.RegionCode != null).Select(e => e.RegionCode!)
                .Union(db.VolunteerHours.AsNoTracking().Where(v => v.UserId == userId).Select(v => v.RegionCode)).ToListAsync(ct);
            if (!regionsOfPerson.Any(r => scopes.Any(s => RegionScope.Covers(s, r))))
            {
                throw new ForbiddenException("Not allowed: this person has no points or volunteer hours recorded in your scope.");
            }
        }
        return await book.LedgerAsync(db, userId, ct);
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
