using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Messaging;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Traffic.Accidents.Data;
using Linli.Modules.Traffic.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Traffic.Accidents;

public sealed record CodeRequest(string? Number, string? Code);

public sealed record ConfirmRequest(string? Number, string? Code, string? Phone, string? Plate, string? Name, string? Insurer);

/// <summary>What party B sees before confirming: A's plate, where, when, the photos.</summary>
public sealed record AccidentPreview(Guid Id, string Number, DateTimeOffset ReportedAt, AccidentLocationView Location, string OtherPlate,
    string OtherPhone, IReadOnlyList<AccidentPhotoView> Photos, DateTimeOffset CodeExpiresAt);

public sealed record AccidentConfirmed(Guid Id, string Number, string Token, string RecordUrl, AccidentRecordView Record);

public sealed record FreshCode(string Code, DateTimeOffset ExpiresAt, string ConfirmUrl);

/// <summary>
/// The other party proves they are at the scene with the six-digit code on party A's phone, then
/// confirms on their own phone. A wrong code counts; after the city's number of tries the report locks
/// until A asks for a fresh code (only A's private link can). Expired codes are told apart from wrong ones.
/// </summary>
internal static class ConfirmAccident
{
    public static async Task<Ok<AccidentPreview>> Preview(CodeRequest request, LinliDb db, PersonalDataProtector protector, IConfiguration configuration,
        TimeProvider clock, CancellationToken ct)
    {
        var report = await CheckCodeAsync(db, protector, request.Number, request.Code, AccidentSettings.Of(configuration), clock, ct);
        var a = await db.AccidentParties.AsNoTracking().FirstAsync(p => p.ReportId == report.Id && p.Role == "A", ct);
        var photos = await db.AccidentPhotos.AsNoTracking().Where(p => p.ReportId == report.Id).ToListAsync(ct);
        var query = $"number={Uri.EscapeDataString(report.Number)}&code={Uri.EscapeDataString(request.Code!.Trim())}";
        return TypedResults.Ok(new AccidentPreview(report.Id, report.Number, DateTimeOffset.FromUnixTimeMilliseconds(report.ReportedAtMs),
            AccidentViews.Location(report), a.Plate, a.PhoneMasked, AccidentViews.PhotoViews(report.Id, photos, query),
            DateTimeOffset.FromUnixTimeMilliseconds(report.CodeExpiresAtMs)));
    }

    public static async Task<Ok<AccidentConfirmed>> Confirm(ConfirmRequest request, HttpRequest http, LinliDb db, PersonalDataProtector protector,
        ISmsSender sms, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var phone = AccidentRules.Phone(request.Phone, "phone");
        var plate = AccidentRules.Plate(request.Plate, "plate");
        var name = AccidentRules.Name(request.Name, "name");
        var insurer = AccidentRules.Insurer(request.Insurer);
        var report = await CheckCodeAsync(db, protector, request.Number, request.Code, AccidentSettings.Of(configuration), clock, ct);
        var a = await db.AccidentParties.AsNoTracking().FirstAsync(p => p.ReportId == report.Id && p.Role == "A", ct);
        var phoneIndex = protector.Index(PersonalDataKind.Phone, phone)!;
        if (phoneIndex == a.PhoneIndex)
        {
            throw new RequestValidationException("phone", "is the reporting driver's phone: the other driver confirms on their own phone with their own number");
        }
        if (plate == a.Plate)
        {
            throw new RequestValidationException("plate", "is the reporting driver's plate: enter the plate of your own vehicle");
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var token = AccidentRules.NewToken();
        var b = new AccidentParty(Guid.CreateVersion7(), report.Id, "B", plate, protector.Protect(name)!, PersonalDataFormats.MaskName(name),
            protector.Protect(phone)!, phoneIndex, PersonalDataFormats.MaskPhone(phone), insurer, AccidentRules.TokenHash(token), now);
        report.Confirm(now);
        db.AccidentParties.Add(b);
        db.TrafficEvents.Add(new TrafficEvent(report.Id, "accident", "confirmed", "driver", plate, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            throw new DomainException("Already confirmed", $"Accident {report.Number} has just been confirmed by the other party.");
        }
        var recordUrl = AccidentLinks.Record(http, report.Id, token);
        await sms.SendAsync(phone, $"【邻里】您已确认快处快撤 {report.Number}，请立即将车辆移出车道。事故记录（用于保险理赔）：{recordUrl}", ct);
        if (a.PhoneCipher.Length > 0 && protector.Unprotect(a.PhoneCipher) is { Length: > 0 } aPhone)
        {
            await sms.SendAsync(aPhone, $"【邻里】对方（{plate}）已确认快处快撤 {report.Number}，双方记录已生效，可凭您的事故记录链接办理理赔。", ct);
        }
        var record = await AccidentViews.RecordAsync(db, report, b, token, protector, ct);
        return TypedResults.Ok(new AccidentConfirmed(report.Id, report.Number, token, recordUrl, record));
    }

    /// <summary>Party A's private link asks for a fresh code (the old one expired, or the other driver mistyped it too often).</summary>
    public static async Task<Ok<FreshCode>> NewCode(Guid id, HttpRequest http, LinliDb db, PersonalDataProtector protector, IConfiguration configuration,
        TimeProvider clock, CancellationToken ct)
    {
        var (report, party) = await AccidentViews.ByTokenAsync(db, id, AccidentViews.TokenOf(http), tracking: true, ct);
        if (party.Role != "A")
        {
            throw new ForbiddenException("Only the reporting driver can issue a confirmation code.");
        }
        if (report.Status != AccidentStatus.AwaitingOther)
        {
            throw new DomainException("No code needed", $"Accident {report.Number} is {AccidentViews.StatusText(report.Status)}: there is nothing to confirm.");
        }
        var settings = AccidentSettings.Of(configuration);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var code = AccidentRules.NewCode();
        report.NewCode(AccidentRules.CodeHash(protector, report.Id, code), now + settings.CodeMinutes * 60_000L, now);
        db.TrafficEvents.Add(new TrafficEvent(report.Id, "accident", "new-code", "driver", null, now));
        await SaveOrRetryAsync(db, report.Number, ct);
        return TypedResults.Ok(new FreshCode(code, DateTimeOffset.FromUnixTimeMilliseconds(report.CodeExpiresAtMs), AccidentLinks.Confirm(http, report.Number)));
    }

    /// <summary>Two phones acting on one report at the same moment: the later one is asked to try again, never a 500.</summary>
    private static async Task SaveOrRetryAsync(LinliDb db, string number, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Try again", $"Accident {number} changed at the same moment; try again.");
        }
    }

    /// <summary>
    /// The report the number names, if the code is its current one. A wrong code is saved as a wrong try
    /// before it is refused, so guessing is bounded even across requests.
    /// </summary>
    public static async Task<AccidentReport> CheckCodeAsync(LinliDb db, PersonalDataProtector protector, string? number, string? code,
        AccidentSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var n = (number ?? "").Trim().ToUpperInvariant();
        if (n.Length == 0) throw new RequestValidationException("number", "is required: the accident number shown on the other driver's phone (KC-…)");
        var c = (code ?? "").Trim();
        if (c.Length != 6 || !c.All(char.IsAsciiDigit)) throw new RequestValidationException("code", "is the six-digit code shown on the other driver's phone");
        var report = await db.AccidentReports.FirstOrDefaultAsync(r => r.Number == n, ct)
            ?? throw Refused(new NotFoundException($"There is no accident report {n}; check the number on the other driver's phone."), "unknown");
        if (report.Status == AccidentStatus.Confirmed)
        {
            throw Refused(new DomainException("Already confirmed", $"Accident {n} has been confirmed already; each party has its own record link."),
                "confirmed");
        }
        if (report.Status == AccidentStatus.RoutedToPolice)
        {
            throw Refused(new DomainException("Passed to the police", $"Accident {n} was passed to the traffic police and is not handled by the drivers."),
                "police");
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (report.LockedAtMs is not null)
        {
            throw Refused(new DomainException("Locked", $"Too many wrong codes for accident {n}: ask the other driver to tap 'new code' on their phone.",
                StatusCodes.Status423Locked), "locked", 0);
        }
        if (report.CodeHash != AccidentRules.CodeHash(protector, report.Id, c))
        {
            // Counted in SQL, not through the tracked row: parallel guesses must each count, none may slip through on a conflict.
            await db.AccidentReports.Where(r => r.Id == report.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.WrongCodes, r => r.WrongCodes + 1).SetProperty(r => r.UpdatedAtMs, now), ct);
            await db.AccidentReports.Where(r => r.Id == report.Id && r.WrongCodes >= settings.CodeTries && r.LockedAtMs == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.LockedAtMs, now), ct);
            var wrong = await db.AccidentReports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => r.WrongCodes).FirstAsync(ct);
            var left = settings.CodeTries - wrong;
            throw left > 0
                ? Refused(new UnprocessableException("Wrong code", $"The code is wrong: {left} {(left == 1 ? "try" : "tries")} left before accident {n} locks."),
                    "wrong-code", left)
                : Refused(new DomainException("Locked", $"Too many wrong codes: accident {n} is locked until the other driver taps 'new code' on their phone.",
                    StatusCodes.Status423Locked), "locked", 0);
        }
        if (now > report.CodeExpiresAtMs)
        {
            throw Refused(new DomainException("Code expired",
                $"The code expired at {DateTimeOffset.FromUnixTimeMilliseconds(report.CodeExpiresAtMs).ToOffset(TimeSpan.FromHours(8)):HH:mm}: ask the other driver to tap 'new code' on their phone (codes last {settings.CodeMinutes} minutes).",
                StatusCodes.Status410Gone), "expired");
        }
        return report;
    }

    /// <summary>
    /// The refusal with a machine-readable <c>reason</c> (and the tries left), so the other driver's phone
    /// says it in the page's language instead of showing the English detail.
    /// </summary>
    private static DomainException Refused(DomainException refusal, string reason, int? triesLeft = null)
    {
        refusal.Extensions["reason"] = reason;
        if (triesLeft is { } left)
        {
            refusal.Extensions["triesLeft"] = left;
        }
        return refusal;
    }
}
