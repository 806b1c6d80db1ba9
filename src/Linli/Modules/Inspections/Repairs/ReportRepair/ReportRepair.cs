using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Repairs.ReportRepair;

/// <summary>
/// A hotline call or leak report (kind emergency), or planned maintenance (kind planned, with a day
/// and optionally a crew). The place is a registered user's number or a point with an address.
/// </summary>
public sealed record ReportRepairRequest(string? Kind, string? Source, string? Description, string? Address, double? Lon, double? Lat,
    string? CustomerNumber, string? CallerPhone, string? CaseNumber, DateOnly? PlannedOn, Guid? CrewId, string? Utility);

internal static class ReportRepair
{
    private static readonly string[] Sources = ["hotline", "leak-report", "inspection", "case", "planned"];

    public static async Task<Created<RepairView>> Handle(ReportRepairRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions, PersonalDataProtector protector, RepairSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var scope = await RepairSupport.ScopeAsync(access, user);
        var utility = scope.UtilityFor(request.Utility);
        var kind = request.Kind?.Trim().ToLowerInvariant() ?? RepairKinds.Emergency;
        if (kind is not (RepairKinds.Emergency or RepairKinds.Planned)) throw new RequestValidationException("kind", "emergency or planned");
        var source = request.Source?.Trim().ToLowerInvariant() ?? (kind == RepairKinds.Planned ? "planned" : "hotline");
        if (!Sources.Contains(source)) throw new RequestValidationException("source", string.Join(", ", Sources));
        var description = request.Description?.Trim() ?? "";
        if (description.Length is 0 or > 2000) throw new RequestValidationException("description", "say what is wrong (up to 2000 characters)");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        DateOnly? plannedOn = null;
        if (kind == RepairKinds.Planned)
        {
            var today = Rounds.RoundsSupport.Today(clock);
            plannedOn = request.PlannedOn ?? throw new RequestValidationException("plannedOn", "planned work needs its day");
            if (plannedOn < today) throw new RequestValidationException("plannedOn", "the day is in the past");
        }

        var (customerId, address, lon, lat) = await PlaceAsync(request, db, utility, ct);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.CallerPhone))
        {
            phone = new string(request.CallerPhone.Where(ch => char.IsDigit(ch) || ch == '-').ToArray());
            if (phone.Count(char.IsDigit) is < 7 or > 20) throw new RequestValidationException("callerPhone", "a phone number of 7 to 20 digits");
        }
        var caseNumber = string.IsNullOrWhiteSpace(request.CaseNumber) ? null : request.CaseNumber.Trim();
        if (caseNumber is { Length: > 32 }) throw new RequestValidationException("caseNumber", "at most 32 characters");

        RepairCrew? booked = null;
        if (request.CrewId is { } crewId)
        {
            booked = await db.RepairCrews.FirstOrDefaultAsync(c => c.Id == crewId && c.Utility == utility, ct)
                ?? throw new RequestValidationException("crewId", "no crew of the utility has this id");
        }

        var regionCode = regions.LocateGridCode(lon, lat) ?? "";
        var urban = settings.IsUrban(regionCode);
        var ticket = new RepairTicket(Guid.CreateVersion7(), utility, await RepairSupport.NextNumberAsync(db, kind, now, ct), kind, source,
            RepairSupport.Actor(user), now);
        ticket.Describe(customerId, description, address, lon, lat, regionCode, urban, kind == RepairKinds.Emergency ? settings.TargetMinutes(urban) : 0,
            protector.Protect(phone), phone is null ? null : PersonalDataFormats.MaskPhone(phone), caseNumber, plannedOn, now);
        db.RepairTickets.Add(ticket);
        RepairSupport.History(db, ticket.Id, "report", ticket.ReportedBy, $"{source}{(caseNumber is null ? "" : $", case {caseNumber}")}", now);
        await RepairSupport.SaveNumberedAsync(db, ticket, now, ct);

        if (kind == RepairKinds.Emergency)
        {
            if (booked is not null && booked.OnDuty && booked.CurrentTicketId is null)
            {
                await CrewDispatch.AssignAsync(db, ticket, booked, ticket.ReportedBy, "(chosen at the call)", now, ct);
                await db.SaveChangesAsync(ct);
            }
            else if (!await CrewDispatch.DispatchNearestAsync(db, ticket, ticket.ReportedBy, now, ct))
            {
                RepairSupport.History(db, ticket.Id, "wait", ticket.ReportedBy, "no crew free; the next crew to free up takes it", now);
                await db.SaveChangesAsync(ct);
            }
        }
        else if (booked is not null)
        {
            ticket.Book(booked.Id, now);
            RepairSupport.History(db, ticket.Id, "book", ticket.ReportedBy, $"{booked.Name} on {plannedOn:yyyy-MM-dd}", now);
            await db.SaveChangesAsync(ct);
        }
        var crewName = ticket.CrewId is { } c ? (await db.RepairCrews.AsNoTracking().FirstAsync(x => x.Id == c, ct)).Name : null;
        return TypedResults.Created($"/api/v1/repairs/{ticket.Id}", RepairViews.View(ticket, crewName, now));
    }

    private static async Task<(Guid?, string, double, double)> PlaceAsync(ReportRepairRequest request, LinliDb db, string utility, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.CustomerNumber))
        {
            var number = request.CustomerNumber.Trim();
            var customer = await db.UtilityCustomers.AsNoTracking().FirstOrDefaultAsync(c => c.Utility == utility && c.Number == number, ct)
                ?? throw new RequestValidationException("customerNumber", $"{utility} has no user numbered {number}");
            return (customer.Id, string.IsNullOrWhiteSpace(request.Address) ? customer.Address : request.Address.Trim(),
                request.Lon ?? customer.Lon, request.Lat ?? customer.Lat);
        }
        if (request.Lon is not { } lon || request.Lat is not { } lat)
            throw new RequestValidationException("lon", "give the place as lon/lat or a registered user's number");
        if (lon is < -180 or > 180 || lat is < -90 or > 90) throw new RequestValidationException("lon", "not a WGS 84 point");
        var address = request.Address?.Trim() ?? "";
        if (address.Length is 0 or > 300) throw new RequestValidationException("address", "the address (up to 300 characters)");
        return (null, address, lon, lat);
    }
}
