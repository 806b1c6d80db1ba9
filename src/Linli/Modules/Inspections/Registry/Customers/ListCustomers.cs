using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Customers;

/// <summary>The list's filters; the export takes the same.</summary>
public sealed record CustomerFilter(string? Utility = null, string? Type = null, string? Risk = null, string? Supply = null, string? Region = null,
    string? Q = null, DateOnly? DueBefore = null, bool? Overdue = null, bool? Inactive = null);

/// <summary>Users of the caller's utility (or, for a district officer, in their districts), filtered and paged in SQL.</summary>
internal static class ListCustomers
{
    public const int MaxPageSize = 500;

    public static async Task<Ok<CustomerPage>> Handle(string? utility, string? type, string? risk, string? supply, string? region, string? q,
        DateOnly? dueBefore, bool? overdue, bool? inactive, int? page, int? pageSize, HttpContext http, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        var filter = new CustomerFilter(utility, type, risk, supply, region, q, dueBefore, overdue, inactive);
        return TypedResults.Ok(await PageAsync(db, access, http.User, filter, page ?? 1, pageSize ?? 50, RegistryDefaults.Today(clock), ct));
    }

    public static async Task<CustomerPage> PageAsync(LinliDb db, IAccessControl access, ClaimsPrincipal user, CustomerFilter filter, int page, int pageSize,
        DateOnly today, CancellationToken ct)
    {
        if (page < 1)
        {
            throw new RequestValidationException("page", "starts at 1");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new RequestValidationException("pageSize", $"between 1 and {MaxPageSize}");
        }
        var query = await QueryAsync(db, access, user, filter, today);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CustomerPage(rows.Select(c => CustomerViews.Summary(c, today)).ToList(), total, page, pageSize);
    }

    public static async Task<IQueryable<UtilityCustomer>> QueryAsync(LinliDb db, IAccessControl access, ClaimsPrincipal user, CustomerFilter f, DateOnly today)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var query = scope.Filter(db.UtilityCustomers.AsNoTracking(), c => c.Utility, c => c.RegionCode);
        query = f.Inactive == true ? query.Where(c => !c.Active) : query.Where(c => c.Active);
        if (f.Utility is { Length: > 0 } u)
        {
            query = query.Where(c => c.Utility == u);
        }
        if (f.Type is { Length: > 0 } type)
        {
            query = CustomerTypes.All.Contains(type) ? query.Where(c => c.Type == type)
                : throw new RequestValidationException("type", $"one of {string.Join(", ", CustomerTypes.All)}");
        }
        if (f.Risk is { Length: > 0 } risk)
        {
            query = RiskClasses.All.Contains(risk) ? query.Where(c => c.RiskClass == risk)
                : throw new RequestValidationException("risk", $"one of {string.Join(", ", RiskClasses.All)}");
        }
        if (f.Supply is { Length: > 0 } supply)
        {
            query = SupplyKinds.All.Contains(supply) ? query.Where(c => c.Supply == supply)
                : throw new RequestValidationException("supply", $"one of {string.Join(", ", SupplyKinds.All)}");
        }
        if (f.Region is { Length: > 0 } region)
        {
            query = query.Where(c => c.RegionCode.StartsWith(region));
        }
        if (f.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            query = query.Where(c => c.Name.Contains(q) || c.Number.StartsWith(q) || c.CreditCode == upper);
        }
        if (f.DueBefore is { } dueBefore)
        {
            query = query.Where(c => c.NextDueOn != null && c.NextDueOn <= dueBefore);
        }
        if (f.Overdue == true)
        {
            query = query.Where(c => c.NextDueOn != null && c.NextDueOn < today);
        }
        return query;
    }
}
