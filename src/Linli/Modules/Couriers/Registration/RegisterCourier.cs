using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Registration;

/// <summary>
/// A rider applies for the pass: the phone proven by an SMS code, the ID checked, the facts of their
/// work recorded for the officer. Without an account, one is opened (user name defaults to the phone).
/// </summary>
internal static class RegisterCourier
{
    public static async Task<Accepted<PhoneCodeSent>> SendCode(PhoneCodeRequest request, PhoneVerifier phones, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await phones.SendAsync(request.Phone, PhoneVerifier.RegistrationPurpose, ct));

    public static async Task<Created<CourierView>> Handle(CourierApplicationRequest request, ClaimsPrincipal user, LinliDb db, PhoneVerifier phones,
        IAccountDirectory accounts, IAccessControl access, PersonalDataProtector protector, IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var today = CourierViews.Today(clock);
        var application = CourierApplicationRules.Check(request, regions, today);
        var signedIn = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (signedIn is not null && await access.DenialAsync(user, Permissions.PassesHold) is not null)
        {
            throw new ForbiddenException("This account cannot hold a courier pass; sign out to register as a rider.");
        }
        if (signedIn is null && string.IsNullOrEmpty(request.Password))
        {
            throw new RequestValidationException("password", "is required to open your account (at least 12 characters)");
        }
        var phoneIndex = protector.Index(PersonalDataKind.Phone, application.Phone)!;
        var idIndex = protector.Index(PersonalDataKind.IdNumber, application.IdNumber)!;
        await EnsureNewAsync(db, signedIn, phoneIndex, idIndex, ct);
        await phones.VerifyAsync(db, application.Phone, request.Code, PhoneVerifier.RegistrationPurpose, ct);

        var userId = signedIn ?? await accounts.CreatePublicAccountAsync(new PublicAccountRequest(
            string.IsNullOrWhiteSpace(request.Username) ? application.Phone : request.Username.Trim(), request.Password!, Roles.Courier,
            application.Name, application.Phone, application.IdNumber), ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var courier = new Courier(Guid.CreateVersion7(), userId, now);
        courier.SetIdentity(protector.Protect(application.Name)!, PersonalDataFormats.MaskName(application.Name), protector.Protect(application.Phone)!,
            phoneIndex, PersonalDataFormats.MaskPhone(application.Phone), protector.Protect(application.IdNumber)!, idIndex);
        Apply(courier, application.Work);
        db.Couriers.Add(courier);
        db.CourierEvents.Add(new CourierEvent(courier.Id, userId, "apply", null, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            if (signedIn is null) await accounts.DeletePublicAccountAsync(userId, CancellationToken.None);
            throw new DomainException("Already registered", "This phone, ID number or account has applied already.");
        }
        catch
        {
            if (signedIn is null) await accounts.DeletePublicAccountAsync(userId, CancellationToken.None);
            throw;
        }
        return TypedResults.Created("/api/v1/couriers/me", CourierViews.Of(courier, null, today));
    }

    public static void Apply(Courier courier, CheckedWork a) =>
        courier.SetWork(a.Platform.Code, a.Employer, a.Team, a.Vehicle, a.VehiclePlate, a.RegionCode, a.WorkStartedOn, a.OnTimeRatePercent,
            a.AtFaultAccidents, a.SecurityComplaints, a.TrainingDone);

    private static async Task EnsureNewAsync(LinliDb db, string? userId, string phoneIndex, string idIndex, CancellationToken ct)
    {
        var existing = await db.Couriers.AsNoTracking()
            .Where(c => c.PhoneIndex == phoneIndex || c.IdNumberIndex == idIndex || (userId != null && c.UserId == userId))
            .Select(c => new { c.UserId, c.PhoneIndex, c.Status })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return;
        }
        var what = existing.UserId == userId ? "This account" : existing.PhoneIndex == phoneIndex ? "This phone number" : "This ID number";
        throw new DomainException("Already registered",
            $"{what} has applied already (status {CourierViews.Status(existing.Status)}); sign in to see or correct the application.");
    }
}
