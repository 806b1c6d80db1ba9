using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Customers;

/// <summary>One user with its inspections, hazards and history; the full contact for the utility's own staff, audited.</summary>
internal static class CustomerDetails
{
    public static async Task<Ok<CustomerDetail>> Get(Guid id, HttpContext http, LinliDb db, IAccessControl access, IRegionLookup regions,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, access, regions, http.User, id, RegistryDefaults.Today(clock), ct));

    public static async Task<CustomerDetail> LoadAsync(LinliDb db, IAccessControl access, IRegionLookup regions, ClaimsPrincipal user, Guid id,
        DateOnly today, CancellationToken ct)
    {
        var c = await ReadableAsync(db, access, user, id, ct);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.CustomerId == id)
            .OrderByDescending(i => i.DueOn).Take(50).ToListAsync(ct);
        var openHazards = await db.Hazards.CountAsync(h => h.CustomerId == id && h.Status != HazardStatus.Closed, ct);
        var history = await db.InspectionEvents.AsNoTracking().Where(e => e.SubjectId == id)
            .OrderByDescending(e => e.AtMs).Take(100).ToListAsync(ct);
        var book = await FrequencyRuleBook.LoadAsync(db, c.Utility, ct);
        return new CustomerDetail(
            CustomerViews.Summary(c, today),
            regions.PathTo(c.RegionCode).Select(r => r.Name).ToList(),
            CustomerRules.ReadEquipment(c.EquipmentJson),
            book.IntervalMonths(c.Type, c.RiskClass, c.RegionCode),
            inspections.Count(i => i.Status is InspectionStatus.Due or InspectionStatus.Planned),
            openHazards,
            inspections.Select(i => new InspectionBrief(i.Id, i.Kind, i.Status.ToString().ToLowerInvariant(), i.DueOn, i.PlannedOn, i.Inspector, i.Outcome)).ToList(),
            history.Select(e => new HistoryEntry(e.Action, e.Actor, e.Note, RegistryDefaults.At(e.AtMs))).ToList(),
            c.Version, RegistryDefaults.At(c.CreatedAtMs), RegistryDefaults.At(c.UpdatedAtMs));
    }

    public static async Task<Ok<ContactView>> Reveal(Guid id, HttpContext http, LinliDb db, IAccessControl access, PersonalDataProtector protector,
        IAuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await RevealAsync(db, access, protector, audit, http.User, id, ct));

    public static async Task<ContactView> RevealAsync(LinliDb db, IAccessControl access, PersonalDataProtector protector, IAuditLog audit,
        ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await ReadableAsync(db, access, user, id, ct);
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        if (!scope.CoversUnit(c.Utility))
        {
            // District officers follow hazards; calling the user is the utility's business.
            await audit.RecordForAsync(user, "inspections.customer.contact", c.Id.ToString(), AuditOutcomes.Denied, c.Number, ct);
            throw new ForbiddenException("Only the utility's own staff see a user's full contact.");
        }
        var view = new ContactView(protector.UnprotectOrMarker(c.ContactNameProtected) ?? "", protector.UnprotectOrMarker(c.ContactPhoneProtected) ?? "");
        await audit.RecordForAsync(user, "inspections.customer.contact", c.Id.ToString(), AuditOutcomes.Success, $"{c.Utility} {c.Number}", ct);
        return view;
    }

    /// <summary>A user the caller may read, else 404 (another utility's users do not exist for them).</summary>
    public static async Task<UtilityCustomer> ReadableAsync(LinliDb db, IAccessControl access, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var c = await db.UtilityCustomers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && scope.Covers(c.Utility, c.RegionCode) ? c : throw new NotFoundException($"No user {id}.");
    }
}
