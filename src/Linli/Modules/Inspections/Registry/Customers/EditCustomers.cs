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

public sealed record DeactivateRequest(string? Reason);

/// <summary>Registering, correcting, and taking users off (and back on) supply; the due list follows at once.</summary>
internal sealed class EditCustomers(LinliDb db, IAccessControl access, IRegionLookup regions, PersonalDataProtector protector, DueSweep due,
    TimeProvider clock)
{
    public static async Task<Created<CustomerSummary>> Create(CustomerInput input, HttpContext http, EditCustomers edit, CancellationToken ct)
    {
        var c = await edit.CreateAsync(input, http.User, ct);
        return TypedResults.Created($"/api/v1/inspections/customers/{c.Id}", c);
    }

    public static async Task<Ok<CustomerSummary>> Update(Guid id, CustomerInput input, HttpContext http, EditCustomers edit, CancellationToken ct) =>
        TypedResults.Ok(await edit.UpdateAsync(id, input, http.User, ct));

    public static async Task<Ok<CustomerSummary>> Deactivate(Guid id, DeactivateRequest? request, HttpContext http, EditCustomers edit, CancellationToken ct) =>
        TypedResults.Ok(await edit.SetActiveAsync(id, false, request?.Reason, http.User, ct));

    public static async Task<Ok<CustomerSummary>> Activate(Guid id, HttpContext http, EditCustomers edit, CancellationToken ct) =>
        TypedResults.Ok(await edit.SetActiveAsync(id, true, null, http.User, ct));

    public async Task<CustomerSummary> CreateAsync(CustomerInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsManage);
        var utility = scope.UtilityFor(input.Utility);
        var today = RegistryDefaults.Today(clock);
        var x = Checked(input, today, isNew: true);
        if (await db.UtilityCustomers.AnyAsync(c => c.Utility == utility && c.Number == x.Number, ct))
        {
            throw new RequestValidationException("number", $"{x.Number} is already registered with {utility}");
        }
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var customer = new UtilityCustomer(Guid.NewGuid(), utility, x.Number, Actor(user), nowMs);
        CustomerRules.Apply(customer, x, protector, nowMs);
        db.UtilityCustomers.Add(customer);
        db.InspectionEvents.Add(new InspectionEvent(customer.Id, "customer", "registered", Actor(user), null, nowMs));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RequestValidationException("number", $"{x.Number} is already registered with {utility}");
        }
        await due.RefreshAsync(db, utility, [customer.Id], ct);
        return CustomerViews.Summary(customer, today);
    }

    public async Task<CustomerSummary> UpdateAsync(Guid id, CustomerInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var customer = await ManageableAsync(id, user, ct);
        var today = RegistryDefaults.Today(clock);
        var x = Checked(input, today, isNew: false);
        if (x.Number != customer.Number)
        {
            throw new RequestValidationException("number", "the account number (户号) identifies the user and cannot change");
        }
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        CustomerRules.Apply(customer, x, protector, nowMs);
        db.InspectionEvents.Add(new InspectionEvent(customer.Id, "customer", "updated", Actor(user), null, nowMs));
        await db.SaveChangesAsync(ct);
        await due.RefreshAsync(db, customer.Utility, [customer.Id], ct);
        return CustomerViews.Summary(customer, today);
    }

    /// <summary>A user off supply stays on record with its history; its open inspections are cancelled.</summary>
    public async Task<CustomerSummary> SetActiveAsync(Guid id, bool active, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var customer = await ManageableAsync(id, user, ct);
        if (reason?.Length > 500)
        {
            throw new RequestValidationException("reason", "at most 500 characters");
        }
        if (customer.Active != active)
        {
            var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            customer.SetActive(active, nowMs);
            if (active)
            {
                customer.SetSchedule(customer.LastInspectedOn, null, nowMs);
            }
            db.InspectionEvents.Add(new InspectionEvent(customer.Id, "customer", active ? "activated" : "deactivated", Actor(user), reason, nowMs));
            await db.SaveChangesAsync(ct);
            await due.RefreshAsync(db, customer.Utility, [customer.Id], ct);
        }
        return CustomerViews.Summary(customer, RegistryDefaults.Today(clock));
    }

    private CheckedCustomer Checked(CustomerInput input, DateOnly today, bool isNew)
    {
        var (x, errors) = CustomerRules.Check(input, regions, today);
        if (x is not null && isNew && (x.ContactName is null || x.ContactPhone is null))
        {
            errors.Add((x.ContactName is null ? "contactName" : "contactPhone", "a new user needs the full contact, not a masked one"));
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));
        }
        return x!;
    }

    private async Task<UtilityCustomer> ManageableAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsManage);
        var customer = await db.UtilityCustomers.SingleOrDefaultAsync(c => c.Id == id, ct);
        return customer is not null && scope.CoversUnit(customer.Utility) ? customer : throw new NotFoundException($"No user {id}.");
    }

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
