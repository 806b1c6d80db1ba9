using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Users;

/// <summary>Admins create, read, change and delete accounts and their assignments.</summary>
internal static class ManageUsers
{
    public static async Task<Created<UserView>> Create(CreateUserRequest request, UserManager<LinliUser> users,
        PersonalDataProtector protector, IRegionLookup regions, IAuditLog audit, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckUsername(request.Username, errors);
        UserRules.CheckDisplayName(request.DisplayName, required: true, errors);
        UserRules.CheckPhone(request.Phone, errors);
        UserRules.CheckIdNumber(request.IdNumber, errors);
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["is required"];
        var assignments = UserRules.CheckAssignments(request.Assignments, regions, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        if (await users.FindByNameAsync(request.Username!) is not null)
        {
            throw new DomainException("Username taken", $"An account named '{request.Username}' already exists.");
        }
        var user = new LinliUser { UserName = request.Username, CreatedAt = clock.GetUtcNow() };
        ApplyPersonalData(user, request.DisplayName, request.Phone, request.IdNumber, protector);
        user.Assignments.AddRange(assignments);
        var result = await users.CreateAsync(user, request.Password!);
        ThrowIfFailed(result, "password");
        await audit.RecordAsync("user.create", user.UserName, AuditOutcomes.Success, Describe(assignments));
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserViews.Masked(user, protector, clock.GetUtcNow()));
    }

    public static async Task<Ok<List<UserView>>> List(string? phone, string? idNumber, string? role, string? scope, LinliDb db,
        PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Include(u => u.Assignments).AsQueryable();
        if (!string.IsNullOrWhiteSpace(phone))
        {
            // Exact match through the keyed hash: the phone itself is never in the database.
            var index = protector.Index(PersonalDataKind.Phone, phone);
            query = query.Where(u => u.PhoneIndex == index);
        }
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var index = protector.Index(PersonalDataKind.IdNumber, idNumber);
            query = query.Where(u => u.IdNumberIndex == index);
        }
        if (!string.IsNullOrWhiteSpace(role)) query = query.Where(u => u.Assignments.Any(a => a.Role == role));
        if (!string.IsNullOrWhiteSpace(scope)) query = query.Where(u => u.Assignments.Any(a => a.Scope == scope));
        var found = await query.OrderBy(u => u.UserName).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(found.Select(u => UserViews.Masked(u, protector, now)).ToList());
    }

    public static async Task<Ok<UserView>> Get(string id, LinliDb db, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(UserViews.Masked(await FindAsync(db, id, ct), protector, clock.GetUtcNow()));

    public static async Task<Ok<UserView>> Update(string id, UpdateUserRequest request, LinliDb db, UserManager<LinliUser> users,
        PersonalDataProtector protector, IRegionLookup regions, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckDisplayName(request.DisplayName, required: false, errors);
        UserRules.CheckPhone(request.Phone, errors);
        UserRules.CheckIdNumber(request.IdNumber, errors);
        var assignments = request.Assignments is null ? null : UserRules.CheckAssignments(request.Assignments, regions, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var user = await users.Users.Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new NotFoundException($"User {id} does not exist.");
        ApplyPersonalData(user, request.DisplayName ?? protector.Unprotect(user.DisplayNameProtected),
            request.Phone ?? protector.Unprotect(user.PhoneProtected), request.IdNumber ?? protector.Unprotect(user.IdNumberProtected), protector);
        if (assignments is not null)
        {
            if (user.Assignments.Any(a => a.Role == Roles.Admin) && assignments.All(a => a.Role != Roles.Admin))
            {
                await EnsureAnotherAdminAsync(db, user.Id, ct);
            }
            user.Assignments.Clear();
            user.Assignments.AddRange(assignments);
        }
        ThrowIfFailed(await users.UpdateAsync(user), "user");
        if (!string.IsNullOrEmpty(request.Password))
        {
            ThrowIfFailed(await users.RemovePasswordAsync(user), "password");
            ThrowIfFailed(await users.AddPasswordAsync(user, request.Password), "password");
        }
        // Existing sessions of this user see the change at their next validation.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync("user.update", user.UserName, AuditOutcomes.Success,
            assignments is null ? null : Describe(assignments), CancellationToken.None);
        return TypedResults.Ok(UserViews.Masked(user, protector, clock.GetUtcNow()));
    }

    public static async Task<NoContent> Delete(string id, LinliDb db, UserManager<LinliUser> users, IAuditLog audit,
        HttpContext http, CancellationToken ct)
    {
        var user = await users.Users.Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw new NotFoundException($"User {id} does not exist.");
        if (users.GetUserId(http.User) == id)
        {
            throw new DomainException("Cannot delete yourself", "Ask another administrator to delete this account.");
        }
        if (user.Assignments.Any(a => a.Role == Roles.Admin))
        {
            await EnsureAnotherAdminAsync(db, id, ct);
        }
        ThrowIfFailed(await users.DeleteAsync(user), "user");
        await audit.RecordAsync("user.delete", user.UserName, AuditOutcomes.Success, null, CancellationToken.None);
        return TypedResults.NoContent();
    }

    /// <summary>The unmasked name and phone, for a stated reason, written to the audit trail.</summary>
    public static async Task<Ok<UserPersonalData>> Unmask(string id, UnmaskRequest request, LinliDb db, PersonalDataProtector protector,
        IAccessControl access, HttpContext http, IAuditLog audit, CancellationToken ct)
    {
        await access.EnsureAsync(http.User, Permissions.PersonalDataUnmask);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < 4)
        {
            throw new RequestValidationException("reason", "state why you need the unmasked data (at least 4 characters); it is recorded");
        }
        var user = await FindAsync(db, id, ct);
        await audit.RecordAsync("personal-data.unmask", $"user:{user.UserName}", AuditOutcomes.Success, reason, CancellationToken.None);
        return TypedResults.Ok(new UserPersonalData(user.Id, user.UserName!, protector.Unprotect(user.DisplayNameProtected),
            protector.Unprotect(user.PhoneProtected), protector.Unprotect(user.IdNumberProtected)));
    }

    private static void ApplyPersonalData(LinliUser user, string? displayName, string? phone, string? idNumber, PersonalDataProtector protector)
    {
        user.DisplayNameProtected = protector.Protect(displayName?.Trim());
        var normalisedPhone = string.IsNullOrWhiteSpace(phone) ? null : PersonalDataFormats.Normalise(PersonalDataKind.Phone, phone);
        user.PhoneProtected = protector.Protect(normalisedPhone);
        user.PhoneIndex = protector.Index(PersonalDataKind.Phone, normalisedPhone);
        var normalisedId = string.IsNullOrWhiteSpace(idNumber) ? null : PersonalDataFormats.Normalise(PersonalDataKind.IdNumber, idNumber);
        user.IdNumberProtected = protector.Protect(normalisedId);
        user.IdNumberIndex = protector.Index(PersonalDataKind.IdNumber, normalisedId);
    }

    private static async Task<LinliUser> FindAsync(LinliDb db, string id, CancellationToken ct) =>
        await db.Users.AsNoTracking().Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct)
        ?? throw new NotFoundException($"User {id} does not exist.");

    private static async Task EnsureAnotherAdminAsync(LinliDb db, string userId, CancellationToken ct)
    {
        if (!await db.StaffAssignments.AnyAsync(a => a.Role == Roles.Admin && a.UserId != userId, ct))
        {
            throw new DomainException("Last administrator", "This is the last administrator; make another one first.");
        }
    }

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

    private static string Describe(IEnumerable<StaffAssignment> assignments) =>
        string.Join(", ", assignments.Select(a => a.Role + (a.Scope is null ? "" : "@" + a.Scope) + (a.Department is null ? "" : "#" + a.Department)));
}
